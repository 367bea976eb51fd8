package org.guildhall.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.Browsers;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The programme manager's and the administrator's journeys in a real browser (Debian's headless
 * Chromium): three runs with different objectives side by side and the fair one published after a
 * confirmation, the health page before any pair is active, an HR import that would deactivate half
 * the people, and the accounts page. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Tag("browser")
class ManagerAndAdministratorBrowserTest {

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

	WebDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		browser = Browsers.start();
		browser.manage().window().setSize(new Dimension(1366, 900));
		wait = org.guildhall.testing.Browsers.waitFor(browser, Duration.ofSeconds(60));
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

	private void signIn(String email) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
	}

	/** The whole page, for looking at it (not for asserting). */
	private void screenshot(String name) throws IOException {
		long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollHeight");
		browser.manage().window().setSize(new Dimension(1366, (int) Math.min(4000, Math.max(900, height))));
		org.guildhall.testing.Browsers.screenshot(browser, name);
		browser.manage().window().setSize(new Dimension(1366, 900));
	}

	@Test
	void aManagerRunsThreeObjectivesComparesThemAndPublishesTheFairOne() throws IOException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,title,department,location,level,manager,skills,mentoring,mentoring_capacity\n");
		csv.append("PM-%1$s,pm-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,5,,,NONE,0\n".formatted(run));
		Map<String, String[]> people = new java.util.LinkedHashMap<>();
		// few places and one sought-after mentor, so that the three objectives choose differently
		people.put("Mo Ahmed", new String[] {"MENTOR", "Engineering", "Java:5:teach; Kubernetes:5:teach; JavaScript:4:teach", "1"});
		people.put("Lu Chen", new String[] {"MENTOR", "Operations", "Kubernetes:3:teach", "2"});
		people.put("Ria Silva", new String[] {"MENTOR", "Sales", "JavaScript:5:teach; Java:2:teach", "2"});
		people.put("Sam Berg", new String[] {"MENTOR", "Engineering", "Java:3:teach", "1"});
		people.put("Ana Lima", new String[] {"MENTEE", "Sales", "Java:1:learn; Kubernetes:1:learn", "0"});
		people.put("Ben Okoro", new String[] {"MENTEE", "Engineering", "Kubernetes:1:learn; JavaScript:1:learn", "0"});
		people.put("Cy Novak", new String[] {"MENTEE", "Finance", "JavaScript:1:learn; Java:2:learn", "0"});
		people.put("Di Rossi", new String[] {"MENTEE", "Operations", "Java:4:learn; Kubernetes:4:learn", "0"});
		people.put("Eve Park", new String[] {"MENTEE", "Sales", "JavaScript:4:learn; Kubernetes:2:learn", "0"});
		people.put("Fay Diaz", new String[] {"MENTEE", "Engineering", "Java:4:learn; JavaScript:3:learn", "0"});
		people.put("Gus Berg", new String[] {"MENTEE", "Finance", "Kubernetes:4:learn", "0"});
		int n = 0;
		for (var p : people.entrySet()) {
			boolean mentor = p.getValue()[0].equals("MENTOR");
			csv.append("P%d-%s,p%d-%s@example.com,%s,%s,%s,Lisbon,%d,,\"%s\",%s,%d\n".formatted(n, run, n, run, p.getKey(),
					mentor ? "Senior engineer" : "Engineer", p.getValue()[1], mentor ? 7 : 3, p.getValue()[2], p.getValue()[0],
					Integer.parseInt(p.getValue()[3])));
			n++;
		}
		HrImportStatus preview = imports.uploadAndPreview("world.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		String pmEmail = "pm-" + run + "@example.com";
		var account = identity.create(new NewAccount(pmEmail, "Pat Manager", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE)),
				TestOrganisation.PASSWORD);
		CurrentUser pm = new CurrentUser(account.id(), pmEmail, pmEmail, directory.findIdByEmail(pmEmail).orElseThrow(),
				Set.of(CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE));
		Programme programme = programmes.create(new ProgrammeSettings("Engineering leads " + run, "Grow the next leads",
				ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2, MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3", "crossDepartment", "1"), List.of(), false), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		n = 0;
		for (var p : people.entrySet()) {
			long id = directory.findIdByEmail("p" + n + "-" + run + "@example.com").orElseThrow();
			boolean mentor = p.getValue()[0].equals("MENTOR");
			programmes.enrol(programme.id(), new EnrolmentRequest(mentor ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE,
					mentor ? null : "Grow into the skills my team needs", Integer.parseInt(p.getValue()[3]), List.of()),
					new CurrentUser(-1 - n, p.getKey(), p.getKey(), id, Set.of(CurrentUser.EMPLOYEE)));
			n++;
		}
		programmes.advance(programme.id(), "close-enrolment", pm);

		signIn(pmEmail);
		browser.get(url("/programmes/" + programme.id()));
		for (String objective : List.of("OPTIMAL", "FAIR", "STABLE")) {
			int before = browser.findElements(By.cssSelector("#comparison thead th[data-objective]")).size();
			browser.findElement(By.cssSelector("#run-form input[value=" + objective + "]")).click();
			browser.findElement(By.cssSelector("#run-form button[type=submit]")).click();
			wait.until(d -> d.findElements(By.cssSelector("#comparison thead th[data-objective]")).size() == before + 1
					&& !d.findElements(By.id("run-form")).isEmpty());
		}
		assertThat(browser.findElements(By.cssSelector("#comparison thead th[data-objective]")))
			.extracting(e -> e.getAttribute("data-objective")).containsExactly("OPTIMAL", "FAIR", "STABLE");
		// the fairness figures by group load into each column
		wait.until(d -> d.findElements(By.cssSelector("#comparison .fairness-summary")).size() == 3);
		assertThat(browser.findElement(By.id("blocking-pair-explained")).getText()).startsWith("A blocking pair is");
		assertThat(browser.findElement(By.id("main")).getText().indexOf("Bulk matching"))
			.as("the run is the page's main action, before the enrolment list")
			.isLessThan(browser.findElement(By.id("main")).getText().indexOf("Enrolled (11)"));
		assertThat(browser.findElement(By.id("enrolled")).getAttribute("open")).as("eleven enrolments are collapsed").isNull();
		screenshot("programme-three-runs");
		org.guildhall.testing.Browsers.readmeScreenshot(browser, "matching-runs-compared");

		browser.findElement(By.xpath("//button[text()='Publish fair…']")).click();
		wait.until(d -> !d.findElements(By.id("invitations")).isEmpty());
		String invitations = browser.findElement(By.id("invitations")).getText();
		assertThat(invitations).matches("(?s)\\d+ mentorship invitations will go out.*");
		screenshot("publish-confirmation");
		browser.findElement(By.xpath("//button[starts-with(text(), 'Yes, send')]")).click();
		wait.until(d -> d.findElements(By.cssSelector("#run .success")).size() == 1);
		assertThat(browser.findElement(By.cssSelector("#run .success")).getText()).contains("(fair run)");

		browser.get(url("/programmes/" + programme.id() + "/mentorships"));
		assertThat(browser.findElement(By.id("no-active")).getText()).startsWith("No pair is active yet");
		assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("Mean health");
		screenshot("health-before-any-pair-is-active");
	}

	@Test
	void anAdministratorIsWarnedBeforeAPartialExportDeactivatesHalfThePeopleAndSeesThemMarked() throws IOException {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		String partial = """
				employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,,,NONE,0
				ANN-%1$s,ann-%1$s@example.com,Ann Okafor,,Engineering,Lisbon,ADM-%1$s,Java:5:teach,MENTOR,2
				""".formatted(org.run());
		HrImportStatus preview = imports.uploadAndPreview("engineering-only.csv", partial.getBytes(StandardCharsets.UTF_8),
				org.admin().email());

		signIn(org.admin().email());
		browser.get(url("/admin/imports/" + preview.id()));
		assertThat(browser.findElement(By.id("deactivation-warning")).getText())
			.startsWith("Warning: 2 of 4 active people (50%) would be deactivated");
		assertThat(browser.findElement(By.id("cleared")).getText()).contains("clears the title of 1 person");
		screenshot("import-preview-with-warning");
		browser.findElement(By.xpath("//button[text()='Apply all changes']")).click();
		assertThat(imports.status(preview.id()).state()).as("the browser asks for the checkbox first")
			.isEqualTo(HrImportStatus.State.PREVIEWED);
		browser.findElement(By.id("confirm-deactivations")).click();
		browser.findElement(By.xpath("//button[text()='Apply all changes']")).click();
		wait.until(d -> d.findElement(By.id("main")).getText().contains("Applied."));

		browser.get(url("/admin/accounts?q=" + org.run()));
		assertThat(browser.findElements(By.cssSelector("tr.deactivated"))).hasSize(2);
		assertThat(browser.findElement(By.id("main")).getText()).contains("Programme manager").doesNotContain("PROGRAMME_MANAGER");
		screenshot("accounts");
	}
}
