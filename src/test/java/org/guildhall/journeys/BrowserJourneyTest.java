package org.guildhall.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.Browsers;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person's first visit in a real browser (Debian's headless Chromium): sign in, search the
 * directory as they type, edit their profile with a skill alias, create an API token, sign out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Tag("browser")
class BrowserJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	WebDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		browser = Browsers.start();
		wait = org.guildhall.testing.Browsers.waitFor(browser, Duration.ofSeconds(10));
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void signInSearchEditProfileCreateTokenSignOut() {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);

		browser.get(url("/people"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys(org.ann().email());
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("People"));

		// the directory updates while typing (htmx), without a page load
		WebElement marker = browser.findElement(By.tagName("h1"));
		browser.findElement(By.id("q")).sendKeys("Bo E");
		wait.until(d -> d.findElement(By.id("results")).getText().contains("1 person"));
		assertThat(browser.findElement(By.id("results")).getText()).contains("Bo Ek").doesNotContain("Ann Okafor");
		assertThat(marker.isDisplayed()).as("same page, results swapped in place").isTrue();
		assertThat(browser.getCurrentUrl()).contains("q=Bo%20E");

		browser.get(url("/me"));
		wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Ann Okafor"));
		browser.findElement(By.linkText("Edit my profile")).click();
		wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Edit profile"));
		WebElement emptySkill = browser.findElements(By.cssSelector("input[name$='.skill']")).stream()
			.filter(input -> input.getAttribute("value").isEmpty()).findFirst().orElseThrow();
		String row = emptySkill.getAttribute("name").replace(".skill", "");
		emptySkill.sendKeys("k8s");
		new Select(browser.findElement(By.name(row + ".proficiency"))).selectByValue("2");
		browser.findElement(By.cssSelector("input[type=checkbox][name='" + row + ".wantsToLearn']")).click();
		browser.findElement(By.id("goals0")).sendKeys("Run my first Helm release");
		browser.findElement(By.xpath("//button[text()='Save profile']")).click();

		wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Ann Okafor"));
		String profile = browser.findElement(By.tagName("main")).getText();
		assertThat(profile).contains("Profile saved.").contains("Kubernetes").contains("wants to learn")
			.contains("Run my first Helm release");

		// personal access tokens are managed on one's own profile (htmx section)
		wait.until(d -> !d.findElements(By.id("token-name")).isEmpty());
		browser.findElement(By.id("token-name")).sendKeys("reporting script");
		browser.findElement(By.xpath("//button[text()='Create token']")).click();
		wait.until(d -> !d.findElements(By.cssSelector("code.secret")).isEmpty());
		String secret = browser.findElement(By.cssSelector("code.secret")).getText();
		assertThat(secret).startsWith("ghp_");
		assertThat(identity.authenticateToken(secret)).hasValueSatisfying(user -> assertThat(user.email()).isEqualTo(org.ann().email()));

		Browsers.signOut(browser);
		wait.until(d -> d.getCurrentUrl().endsWith("/login?signedOut"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("You are signed out.");
	}
}
