package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrator's journey: an HR import that would deactivate many people warns and waits for
 * a confirmation (page and API), says what its empty cells clear, and the audit trail names who
 * applied it; the accounts page marks deactivated people and names roles in words.
 */
@GuildhallTest
@AutoConfigureMockMvc
class AdministratorJourneyTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	TestOrganisation org;
	Pages pages;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pages = new Pages(mvc);
	}

	/** The organisation's file without Bo and Pat, and with Ann's title left empty. */
	private String partialExport() {
		return """
				employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,,,NONE,0
				ANN-%1$s,ann-%1$s@example.com,Ann Okafor,,Engineering,Lisbon,ADM-%1$s,Java:5:teach,MENTOR,2
				""".formatted(org.run());
	}

	@Test
	void anImportThatDeactivatesManyPeopleWarnsAndNeedsAnExplicitConfirmation() throws Exception {
		Cookie admin = pages.signIn(org.admin());
		HrImportStatus preview = imports.uploadAndPreview("partial.csv", partialExport().getBytes(StandardCharsets.UTF_8),
				org.admin().email());
		assertThat(preview.toDeactivate()).isEqualTo(2);
		String importPage = "/admin/imports/" + preview.id();

		Document page = pages.get(importPage, admin);
		assertThat(page.select("#deactivation-warning h2").text())
			.isEqualTo("Warning: 2 of 4 active people (50%) would be deactivated");
		assertThat(page.select("#deactivation-warning").attr("role")).isEqualTo("alert");
		assertThat(page.select("#confirm-deactivations").attr("type")).isEqualTo("checkbox");
		assertThat(page.select("#cleared li").eachText()).as("the preview says what the empty cell clears")
			.containsExactly("clears the title of 1 person");

		mvc.perform(post(importPage + "/apply").with(csrf()).cookie(admin)).andExpect(redirectedUrl(importPage))
			.andExpect(flash().attribute("error", containsString("deactivates 2 of the 4 active people (50%)")));
		assertThat(imports.status(preview.id()).state()).as("nothing applied without the confirmation")
			.isEqualTo(HrImportStatus.State.PREVIEWED);

		String bearer = "Bearer " + org.token(identity, org.admin());
		mvc.perform(get("/api/v1/imports/{id}", preview.id()).header("Authorization", bearer))
			.andExpect(jsonPath("$.deactivationWarning.deactivating").value(2))
			.andExpect(jsonPath("$.cleared.title").value(1));
		mvc.perform(post("/api/v1/imports/{id}/apply", preview.id()).header("Authorization", bearer))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("deactivates 2 of the 4 active people")))
			.andExpect(jsonPath("$.detail").value(containsString("Confirm the deactivations")));
		assertThat(imports.status(preview.id()).state()).isEqualTo(HrImportStatus.State.PREVIEWED);

		mvc.perform(post(importPage + "/apply").param("confirmDeactivations", "true").with(csrf()).cookie(admin))
			.andExpect(redirectedUrl(importPage));
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> imports.status(preview.id()).state() == HrImportStatus.State.APPLIED);
		assertThat(directory.isActive(org.bo().personId())).isFalse();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'people-imported' AND subject = ?")
			.param("import " + preview.id()).query(Long.class).single() == 1);
		assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'people-imported' AND subject = ?")
			.param("import " + preview.id()).query(String.class).single()).as("the audit trail names who applied it")
			.isEqualTo(org.admin().email());
	}

	@Test
	void theAccountsPageMarksDeactivatedPeopleAndNamesRolesInWords() throws Exception {
		Cookie admin = pages.signIn(org.admin());
		HrImportStatus preview = imports.uploadAndPreview("partial.csv", partialExport().getBytes(StandardCharsets.UTF_8),
				org.admin().email());
		imports.applyNow(preview.id());

		Document bo = pages.get("/admin/accounts?q=" + org.bo().email(), admin);
		assertThat(bo.select("tbody tr")).hasSize(1);
		assertThat(bo.select("tbody tr").hasClass("deactivated")).isTrue();
		assertThat(bo.select("tbody tr .deactivated-tag").text()).isEqualTo("deactivated");
		Document ann = pages.get("/admin/accounts?q=" + org.ann().email(), admin);
		assertThat(ann.select("tbody tr .deactivated-tag")).as("Ann is still in the file").isEmpty();

		Document all = pages.get("/admin/accounts?q=" + org.run(), admin);
		assertThat(all.select("tbody tr").first().select("label").eachText())
			.containsExactly("Administrator", "Programme manager", "Employee");
		assertThat(all.select("main").text()).doesNotContain("PROGRAMME_MANAGER").doesNotContain("ADMIN");
	}
}
