package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.Browsers;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The asker of a question sees an expert's flash-session offer in a real browser: the times in
 * their own time zone, no time picked for them, and "Choose one of the offered times" when they
 * agree without picking. Screenshot in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Tag("browser")
class AskExpertBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	QuestionBoard questions;

	@Autowired
	ExpertRequests requests;

	WebDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		browser = Browsers.start();
		wait = org.guildhall.testing.Browsers.waitFor(browser, Duration.ofSeconds(10));
		wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theAskerPicksAnOfferedTimeShownInTheirOwnZone() throws IOException {
		String run = java.util.UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,title,department,location,time_zone,manager,skills,mentoring,mentoring_capacity\n");
		csv.append("ASK-%1$s,ask-%1$s@example.com,Rin Aoki,Analyst,Finance,Osaka,Asia/Tokyo,,,NONE,0\n".formatted(run));
		for (int i = 0; i < 4; i++) {
			csv.append("TX%d-%s,tx%d-%s@example.com,Expert %d %s,Treasurer,Finance,Oslo,Europe/Oslo,,Treasury:%d:teach,NONE,0\n"
				.formatted(i, run, i, run, i, run, 5 - i));
		}
		HrImportStatus preview = imports.uploadAndPreview("ask.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		String askerEmail = "ask-" + run + "@example.com";
		var askerAccount = identity.create(new NewAccount(askerEmail, "Rin Aoki", EnumSet.of(Role.EMPLOYEE)), TestOrganisation.PASSWORD);
		long askerId = directory.findIdByEmail(askerEmail).orElseThrow();
		CurrentUser asker = new CurrentUser(askerAccount.id(), askerEmail, askerEmail, askerId, Set.of(CurrentUser.EMPLOYEE));

		long question = questions.ask(new NewQuestion("Hedging yen receivables for a year " + run, "Forwards or options?",
				List.of("Treasury")), asker).id();
		ExpertRequest first = requests.route(question, asker).get(0);
		String expertEmail = directory.profile(first.expert().id(), asker).email();
		var expertAccount = identity.create(new NewAccount(expertEmail, "Expert", EnumSet.of(Role.EMPLOYEE)), TestOrganisation.PASSWORD);
		CurrentUser expert = new CurrentUser(expertAccount.id(), expertEmail, expertEmail, first.expert().id(), Set.of(CurrentUser.EMPLOYEE));
		Instant one = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Instant two = one.plus(1, ChronoUnit.DAYS);
		requests.offer(first.id(), new NewFlashOffer(List.of(one, two), "Happy to walk you through both", 30, null), expert);

		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(askerEmail);
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
		browser.get(url("/community/asked/" + first.id()));
		wait.until(d -> d.findElement(By.id("session-title")).getText().equals("Flash session offered"));
		DateTimeFormatter inTokyo = DateTimeFormatter.ofPattern("EEEE d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.of("Asia/Tokyo"));
		String session = browser.findElement(By.id("session")).getText();
		assertThat(session).contains("Pick a time (your time, Asia/Tokyo)").contains(inTokyo.format(one)).contains(inTokyo.format(two))
			.doesNotContain("UTC");
		assertThat(browser.findElements(By.cssSelector("#session input[type=radio]:checked"))).as("no time picked for the asker").isEmpty();
		screenshot("ask-an-expert-offer");

		// the browser itself asks for a choice (required radio); without it the server says so too
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"document.querySelectorAll('#session input[type=radio]').forEach(r => r.required = false)");
		browser.findElement(By.xpath("//button[text()='Agree on this time']")).click();
		wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Choose one of the offered times"));

		browser.findElements(By.cssSelector("#session input[type=radio]")).get(1).click();
		browser.findElement(By.xpath("//button[text()='Agree on this time']")).click();
		wait.until(d -> d.findElement(By.id("session-title")).getText().equals("Agreed flash session"));
		assertThat(browser.findElement(By.id("agreed")).getText()).contains(inTokyo.format(two)).contains("Asia/Tokyo");

		// the expert finder the asker started from: who knows the topic, and why
		browser.get(url("/community/experts?q=Treasury"));
		wait.until(d -> !d.findElements(By.cssSelector("main li.card")).isEmpty());
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Treasury");
		org.guildhall.testing.Browsers.readmeScreenshot(browser, "expert-finder");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void screenshot(String name) throws IOException {
		org.guildhall.testing.Browsers.screenshot(browser, name);
	}
}
