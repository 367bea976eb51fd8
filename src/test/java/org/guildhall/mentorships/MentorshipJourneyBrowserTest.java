package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.testing.Browsers;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mentee's mentorship with 20 meetings, in a real browser: the page stays short enough to read,
 * upcoming meetings come first, each note is shown once, and notes are edited in place; the
 * dashboard shows the next meeting. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Tag("browser")
class MentorshipJourneyBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	Meetings meetings;

	WebDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		browser = Browsers.start();
		wait = org.guildhall.testing.Browsers.waitFor(browser, Duration.ofSeconds(10));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aMentorshipWithTwentyMeetingsStaysReadableAndNotesAreEditedInPlace() throws IOException {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 3);
		Mentorship pair = w.activePair(mentorships);
		Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
		for (int i = 16; i >= 1; i--) {
			Meeting held = meetings.schedule(pair.id(), w.mia(),
					new Meetings.Schedule(now.minus(Duration.ofDays(5L * i - 3)), 45, "Room " + i));
			meetings.shareNotes(pair.id(), held.id(), w.mia(), "Notes of meeting " + (17 - i) + ": what we covered",
					held.sharedNotesVersion());
		}
		for (int i = 1; i <= 4; i++) {
			meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(now.plus(Duration.ofDays(7L * i)), 45, "Room 9"));
		}

		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(w.tomMember().email());
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Welcome"));
		assertThat(browser.findElement(By.cssSelector("#my-mentorships .next-meeting")).getText()).isNotBlank();
		screenshot("dashboard");

		browser.get(url("/mentorships/" + pair.id()));
		wait.until(d -> d.findElement(By.id("meetings-title")).isDisplayed());
		String visible = browser.findElement(By.tagName("main")).getText();
		assertThat(Pattern.compile("Notes of meeting \\d+").matcher(visible).results().count())
			.as("only the latest meeting held is unfolded, and its notes show once").isEqualTo(1);
		assertThat(visible).contains("Notes of meeting 16: what we covered").contains("Past meetings (16)").contains("Coming up");
		assertThat(visible.indexOf("Coming up")).as("upcoming meetings first").isLessThan(visible.indexOf("Past meetings (16)"));
		assertThat(browser.findElements(By.cssSelector("textarea[name=text]")).stream().filter(WebElement::isDisplayed).count())
			.as("no note editor open until asked for").isZero();
		long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
		assertThat(height).as("20 meetings fit in a few screens").isLessThan(6000);

		// edit the latest notes in place
		browser.findElement(By.xpath("//summary[text()='Edit shared notes']")).click();
		WebElement editor = browser.findElements(By.cssSelector("textarea[name=text]")).stream().filter(WebElement::isDisplayed)
			.findFirst().orElseThrow();
		assertThat(editor.getAttribute("value")).isEqualTo("Notes of meeting 16: what we covered");
		editor.clear();
		editor.sendKeys("Notes of meeting 16: agreed to pair on the release");
		browser.findElement(By.xpath("//button[text()='Save shared notes']")).click();
		wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Saved") || d.findElement(By.tagName("main")).getText()
			.contains("agreed to pair on the release"));
		String after = browser.findElement(By.tagName("main")).getText();
		assertThat(Pattern.compile("agreed to pair on the release").matcher(after).results().count()).isEqualTo(1);

		// an older meeting unfolds on demand
		browser.findElements(By.cssSelector("details.held-meeting > summary")).get(3).click();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Notes of meeting 13: what we covered");

		browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 200, 6000)));
		screenshot("mentorship-20-meetings");
		org.guildhall.testing.Browsers.readmeScreenshot(browser, "mentorship");
	}

	@Test
	void aMenteeAsksSomeoneOpenToMentoringFromTheirProfileOutsideAnyProgramme() throws IOException {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(org.pm().email());
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Welcome"));

		browser.get(url("/people/" + org.ann().personId()));
		wait.until(d -> !d.findElements(By.id("ask-mentor")).isEmpty());
		assertThat(browser.findElement(By.id("mentoring-status")).getText())
			.isEqualTo("Open to mentoring: mentors 0 people now; 2 of 2 places free for a direct request.");
		browser.findElement(By.id("ask-note")).sendKeys("I would like to learn how you run design reviews.");
		screenshot("profile-ask-to-be-my-mentor");
		browser.findElement(By.xpath("//button[text()='Ask to be my mentor']")).click();
		wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Request sent to Ann Okafor"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("requested");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("I would like to learn how you run design reviews.")
			.contains("Mentoring outside programmes");

		// the profile says at once what changed: one place taken, and Pat's request waits for Ann
		browser.get(url("/people/" + org.ann().personId()));
		wait.until(d -> !d.findElements(By.id("with-viewer")).isEmpty());
		assertThat(browser.findElement(By.id("mentoring-status")).getText())
			.isEqualTo("Open to mentoring: mentors 1 person now; 1 of 2 places free for a direct request.");
		assertThat(browser.findElement(By.id("with-viewer")).getText())
			.isEqualTo("You asked Ann Okafor to be your mentor: waiting for an answer");
		assertThat(browser.findElements(By.id("ask-mentor"))).as("no second request").isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** For looking at the pages (target/screenshots), not for asserting. */
	private void screenshot(String name) throws IOException {
		org.guildhall.testing.Browsers.screenshot(browser, name);
	}
}
