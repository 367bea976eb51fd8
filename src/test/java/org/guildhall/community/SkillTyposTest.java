package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.SkillCatalog;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Misspelt skills ("Kuberentes", "negociation") are understood: the directory and the expert finder
 * search the closest skill and say so, and kudos suggest it ("Did you mean Kubernetes?"). The
 * closeness comes from Lucene's fuzzy query over the skill names and aliases.
 */
@GuildhallTest
@AutoConfigureMockMvc
class SkillTyposTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	SkillCatalog skills;

	@Test
	void theCatalogSuggestsTheClosestSkillsForOneOrTwoWrongLetters() {
		assertThat(skills.closest("Kuberentes", 3)).first().isEqualTo("Kubernetes");
		assertThat(skills.closest("negociation", 3)).first().isEqualTo("Negotiation");
		assertThat(skills.closest("Kubernetes", 3)).as("a right name needs no suggestion").isEmpty();
		assertThat(skills.closest("k8s", 3)).as("an alias is a right name too").isEmpty();
		assertThat(skills.closest("zzzzzzzzzz", 3)).isEmpty();
	}

	@Test
	void theDirectoryTheExpertFinderAndKudosUnderstandMisspeltSkills() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity
				KIT-%1$s,kit-%1$s@example.com,Kit Varga%1$s,Platform Engineer,Platform-%1$s,Lisbon,,Kubernetes:5:teach; Negotiation:4,MENTOR,2
				LEO-%1$s,leo-%1$s@example.com,Leo Marsh%1$s,Engineer,Engineering,Lisbon,,Java:2,NONE,0
				""".formatted(run);
		HrImportStatus preview = imports.uploadAndPreview("typos.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		String leoEmail = "leo-" + run + "@example.com";
		identity.create(new NewAccount(leoEmail, "Leo Marsh", EnumSet.of(Role.EMPLOYEE)), TestOrganisation.PASSWORD);
		long kit = directory.findIdByEmail("kit-" + run + "@example.com").orElseThrow();
		long leo = directory.findIdByEmail(leoEmail).orElseThrow();
		Pages pages = new Pages(mvc);
		Cookie session = pages.signIn(new TestOrganisation.Member(leoEmail, leo, 0));

		Document people = pages.get("/people?department=Platform-" + run + "&skill=Kuberentes", session);
		assertThat(people.select("#did-you-mean").text()).contains("No skill is called “Kuberentes”").contains("Kubernetes");
		assertThat(people.select("#results tbody").text()).contains("Kit Varga" + run);

		Document experts = pages.get("/community/experts?q=negociation", session);
		assertThat(experts.select("#did-you-mean").text()).contains("Negotiation");
		assertThat(experts.select("main").text()).contains("Kit Varga" + run);

		String kudos = mvc.perform(post("/community/people/" + kit + "/kudos").with(csrf()).cookie(session)
				.header("HX-Request", "true").param("skill", "Kuberentes").param("message", "Thanks for the cluster help"))
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(kudos).text()).contains("Did you mean Kubernetes?");
	}
}
