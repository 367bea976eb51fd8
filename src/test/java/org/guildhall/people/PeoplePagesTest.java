package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GuildhallTest
@AutoConfigureMockMvc
class PeoplePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	TestOrganisation org;
	Pages pages;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pages = new Pages(mvc);
	}



	@Test
	void theProfileShowsSkillsGoalsManagerAndReports() throws Exception {
		Document ann = pages.get("/people/" + org.ann().personId(), pages.signIn(org.bo()));
		assertThat(ann.select("h1").text()).isEqualTo("Ann Okafor");
		assertThat(ann.select("#skills").first().parent().text()).contains("Java").contains("5 / 5").contains("can teach");
		assertThat(ann.text()).contains("Manager: Ada Admin").contains("Reports (1):").contains("Bo Ek")
			.contains("Open to mentor up to 2 people.");
		assertThat(ann.select("a:contains(Edit)")).as("Bo may not edit Ann").isEmpty();
	}

	@Test
	void invalidProfileEditsShowEveryProblemAndSaveNothing() throws Exception {
		Cookie bo = pages.signIn(org.bo());
		long version = directory.profile(org.bo().personId(), user(org.bo())).version();
		MvcResult result = mvc.perform(post("/people/{id}/edit", org.bo().personId()).with(csrf()).cookie(bo)
				.param("bio", "Hello").param("timeZone", "Nowhere/Land").param("languages", "English")
				.param("skills[0].skill", "Java").param("skills[0].proficiency", "7")
				.param("goals[0]", "x".repeat(501)).param("mentoringRole", "MENTOR").param("mentoringCapacity", "0")
				.param("version", String.valueOf(version)))
			.andExpect(status().isOk()).andReturn();
		Document form = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(form.select("[role=alert] li").eachText()).contains("Skill 1: proficiency must be between 1 and 5",
				"Goal 1 must be at most 500 characters");
		assertThat(directory.profile(org.bo().personId(), user(org.bo())).version()).isEqualTo(version);

		mvc.perform(post("/people/{id}/edit", org.bo().personId()).with(csrf()).cookie(bo)
				.param("timeZone", "Nowhere/Land").param("mentoringRole", "MENTOR").param("mentoringCapacity", "0")
				.param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(Jsoup.parse(r.getResponse().getContentAsString()).select("[role=alert] li").eachText())
				.contains("Time zone is not a known time zone (use a name such as Europe/Berlin)",
						"Mentoring capacity must be at least 1 when you offer to mentor"));
	}

	@Test
	void anAdministratorUploadsAFileSeesThePreviewAndAppliesIt() throws Exception {
		Cookie admin = pages.signIn(org.admin());
		// the administrator stays in the file: an import that deactivates someone also signs them out
		String csv = "employee_id,email,full_name,title\nNEW-" + org.run() + ",new-" + org.run() + "@example.com,Nia New,Designer\n"
				+ "ADM-" + org.run() + "," + org.admin().email() + ",Ada Admin,Head of People\n";
		MvcResult upload = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "people.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(admin))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String importPage = upload.getResponse().getRedirectedUrl();
		long id = Long.parseLong(importPage.substring(importPage.lastIndexOf('/') + 1));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !imports.status(id).state().running());

		Document preview = pages.get(importPage, admin);
		assertThat(preview.text()).contains("Preview ready. Nothing has changed yet.").contains("new: Nia New, Designer");
		assertThat(preview.select("button:contains(Apply all changes)")).hasSize(1);

		mvc.perform(post(importPage + "/apply").param("confirmDeactivations", "true").with(csrf()).cookie(admin))
			.andExpect(redirectedUrl(importPage));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> imports.status(id).state() == HrImportStatus.State.APPLIED);
		assertThat(pages.get(importPage, admin).text()).contains("Applied.");
		assertThat(directory.findIdByEmail("new-" + org.run() + "@example.com")).isPresent();
	}

	@Test
	void anOlderExportIsAppliedAsOfTheDayItDescribesAndAFutureDayIsRefused() throws Exception {
		Cookie admin = pages.signIn(org.admin());
		String csv = "employee_id,email,full_name,department\nOLD-" + org.run() + ",old-" + org.run() + "@example.com,Otto Older,Finance\n"
				+ "ADM-" + org.run() + "," + org.admin().email() + ",Ada Admin,People\n";
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), org.admin().email());
		String importPage = "/admin/imports/" + preview.id();
		Document page = pages.get(importPage, admin);
		assertThat(page.select("input[type=date][name=effectiveOn]").attr("value")).as("today by default")
			.isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());

		String future = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();
		mvc.perform(post(importPage + "/apply").param("effectiveOn", future).with(csrf()).cookie(admin))
			.andExpect(redirectedUrl(importPage))
			.andExpect(flash().attribute("error", Matchers.containsString("in the future")));
		assertThat(imports.status(preview.id()).state()).isEqualTo(HrImportStatus.State.PREVIEWED);

		mvc.perform(post(importPage + "/apply").param("effectiveOn", "2026-03-31").param("confirmDeactivations", "true").with(csrf()).cookie(admin))
			.andExpect(redirectedUrl(importPage));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> imports.status(preview.id()).state() == HrImportStatus.State.APPLIED);
		assertThat(imports.status(preview.id()).effectiveOn()).isEqualTo(java.time.LocalDate.of(2026, 3, 31));
	}

	@Test
	void anImportWhoseNodeStoppedMidApplyOffersToApplyItAgainOrDiscardIt() throws Exception {
		Cookie admin = pages.signIn(org.admin());
		String csv = "employee_id,email,full_name\nRE-" + org.run() + ",re-" + org.run() + "@example.com,Rhea Again\n";
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), org.admin().email());
		// as a node killed mid-apply leaves it: applying, with a lease nobody renews
		jdbc.sql("UPDATE hr_import SET status = 'APPLYING', effective_on = CURRENT_DATE, lease_owner = 'gone/claim', "
				+ "lease_until = CURRENT_TIMESTAMP WHERE id = ?").param(preview.id()).update();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> imports.status(preview.id()).state() == HrImportStatus.State.FAILED);

		String importPage = "/admin/imports/" + preview.id();
		Document failed = pages.get(importPage, admin);
		assertThat(failed.text()).contains("the node applying it went away. Nothing was changed");
		assertThat(failed.select("button:contains(Apply again)")).hasSize(1);
		assertThat(failed.select("button:contains(Discard)")).hasSize(1);

		mvc.perform(post(importPage + "/apply").param("confirmDeactivations", "true").with(csrf()).cookie(admin))
			.andExpect(redirectedUrl(importPage));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> imports.status(preview.id()).state() == HrImportStatus.State.APPLIED);
		assertThat(directory.findIdByEmail("re-" + org.run() + "@example.com")).isPresent();
	}

	@Test
	void aBrokenFileShowsItsProblemsByLineAndColumn() throws Exception {
		Cookie admin = pages.signIn(org.admin());
		String csv = "employee_id,email,full_name,hire_date\nX1,x1@example.com,Xi,2024-02-30\n";
		String importPage = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "people.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(admin)).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(importPage.substring(importPage.lastIndexOf('/') + 1));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !imports.status(id).state().running());
		Document page = pages.get(importPage, admin);
		assertThat(page.text()).contains("The file has 1 problems and cannot be applied");
		assertThat(page.select("table tr:contains(hire_date) td").eachText()).containsExactly("2", "hire_date",
				"'2024-02-30' is not a date in the form YYYY-MM-DD.");
		assertThat(page.select("button:contains(Apply all changes)")).isEmpty();
	}

	private static CurrentUser user(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(), Set.of());
	}
}
