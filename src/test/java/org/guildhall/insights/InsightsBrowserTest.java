package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewKudos;
import org.guildhall.shared.CurrentUser;
import java.util.List;
import org.guildhall.testing.Browsers;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every insights page in a real browser (Debian's headless Chromium) as an administrator: each
 * chart is drawn by the bundled chart library under the strict content security policy, and each
 * table beside it is filled; an employee lands on their own figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Tag("browser")
class InsightsBrowserTest {

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
	KudosBoard kudos;

	@Autowired
	Insights insights;

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
	void everyInsightsPageDrawsItsChartsAndFillsItsTables() throws Exception {
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes);
		for (int i = 0; i < 5; i++) {
			CurrentUser mentee = i < 3 ? w.engineering().get(i) : w.sales().get(i - 3);
			Mentorship requested = mentorships.request(w.programmeId(), w.mentors().get(i % 4).personId(), mentee, "Please?");
			mentorships.accept(requested.id(), w.mentors().get(i % 4));
		}
		kudos.give(new NewKudos(w.mentors().get(0).personId(), "Java", "Thank you for the review"), w.sales().get(4));
		insights.rebuild(w.admin());

		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(w.admin().email());
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/"));

		for (String page : List.of("/insights?programme=" + w.programmeId(), "/insights/outcomes", "/insights/network",
				"/insights/network?department=Engineering", "/insights/skills")) {
			browser.get(url(page));
			List<WebElement> charts = browser.findElements(By.cssSelector("[data-chart], [data-network]"));
			assertThat(charts).as(page + " has charts").isNotEmpty();
			wait.until(d -> charts.stream().allMatch(c -> "true".equals(c.getAttribute("data-drawn"))));
			for (WebElement chart : charts) {
				assertThat(chart.findElements(By.tagName("canvas"))).as(page + ": a canvas was drawn").isNotEmpty();
				String table = chart.getAttribute("data-table");
				if (table != null) {
					assertThat(browser.findElements(By.cssSelector("#" + table + " tbody tr"))).as(page + ": " + table + " has rows")
						.isNotEmpty();
				}
			}
		}
		browser.get(url("/insights?programme=" + w.programmeId()));
		assertThat(browser.findElement(By.id("kpi-enrolled")).getText()).isEqualTo("15");
		assertThat(browser.findElement(By.id("kpi-match-rate")).getText()).isEqualTo("33%");
		wait.until(d -> d.findElements(By.cssSelector(".chart")).stream().allMatch(c -> "true".equals(c.getAttribute("data-drawn"))));
		Browsers.readmeScreenshot(browser, "programme-dashboard");

		Browsers.signOut(browser);
		wait.until(d -> d.getCurrentUrl().endsWith("/login?signedOut"));
		browser.findElement(By.id("username")).sendKeys(w.employee().email());
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/"));
		browser.get(url("/insights"));
		wait.until(d -> d.getCurrentUrl().endsWith("/insights/me"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My learning figures");
		assertThat(browser.findElement(By.id("suggestions")).getText()).contains("Can teach Java, which you want to learn");
	}
}
