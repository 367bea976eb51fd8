package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@GuildhallTest
@AutoConfigureMockMvc
class PeopleApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	TestOrganisation org;
	String annToken;
	String boToken;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		annToken = "Bearer " + org.token(identity, org.ann());
		boToken = "Bearer " + org.token(identity, org.bo());
	}

	private static String update(long version, String skills, int capacity) {
		return """
				{"bio":"I build payment systems.","timeZone":"Europe/Lisbon","languages":["English","Portuguese"],
				 "skills":[%s],"goals":["Learn to coach new leads"],"mentoringRole":"MENTOR","mentoringCapacity":%d,"version":%d}
				""".formatted(skills, capacity, version);
	}

	@Test
	void searchesByNameWordsSkillAliasDepartmentAndLocation() throws Exception {
		mvc.perform(get("/api/v1/people").param("q", "okaf").header("Authorization", annToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].fullName").value("Ann Okafor"))
			.andExpect(jsonPath("$.items[0].topSkills[0]").value("Java"));
		mvc.perform(get("/api/v1/people").param("skill", "javascript").param("location", "Lisbon").header("Authorization", annToken))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].fullName").value("Bo Ek"));
		mvc.perform(get("/api/v1/people").param("skill", "JAVA").param("teachers", "true").param("department", "Engineering")
				.header("Authorization", annToken))
			.andExpect(jsonPath("$.items[*].fullName", hasItem("Ann Okafor")));
		mvc.perform(get("/api/v1/people").param("department", "Engineering").param("size", "1").param("page", "1")
				.header("Authorization", annToken))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].fullName").value("Bo Ek"));
	}

	@Test
	void badPagingIsA400NamingTheParameter() throws Exception {
		mvc.perform(get("/api/v1/people").param("size", "1000").header("Authorization", annToken))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/v1/people").param("page", "500").param("size", "20").header("Authorization", annToken))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("first 10000 matches")));
		mvc.perform(get("/api/v1/people").param("page", "abc").header("Authorization", annToken))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
	}

	@Test
	void iCanEditMyOwnProfileAndSkillAliasesResolve() throws Exception {
		long version = directory.profile(org.ann().personId(), currentUser(org.ann())).version();
		mvc.perform(put("/api/v1/people/me").header("Authorization", annToken).contentType(MediaType.APPLICATION_JSON)
				.content(update(version, """
						{"skill":"js","proficiency":5,"canTeach":true,"wantsToLearn":false},
						{"skill":"K8S","proficiency":2,"canTeach":false,"wantsToLearn":true}""", 3)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skills[*].name", containsInAnyOrder("JavaScript", "Kubernetes")))
			.andExpect(jsonPath("$.timeZone").value("Europe/Lisbon"))
			.andExpect(jsonPath("$.mentoringCapacity").value(3))
			.andExpect(jsonPath("$.version").value(version + 1));
	}

	@Test
	void aNewSkillNameBecomesASuggestion() throws Exception {
		long version = directory.profile(org.ann().personId(), currentUser(org.ann())).version();
		String name = "Quantum basket weaving " + org.run();
		mvc.perform(put("/api/v1/people/me").header("Authorization", annToken).contentType(MediaType.APPLICATION_JSON)
				.content(update(version, "{\"skill\":\"" + name + "\",\"proficiency\":3,\"canTeach\":true,\"wantsToLearn\":false}", 1)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skills[0].name").value(name));
		mvc.perform(get("/api/v1/skills").param("q", name).header("Authorization", annToken))
			.andExpect(jsonPath("$[0].suggested").value(true));
	}

	@Test
	void anEmployeeCannotEditSomeoneElse() throws Exception {
		Profile before = directory.profile(org.ann().personId(), currentUser(org.ann()));
		mvc.perform(put("/api/v1/people/{id}", org.ann().personId()).header("Authorization", boToken)
				.contentType(MediaType.APPLICATION_JSON).content(update(before.version(), "", 1)))
			.andExpect(status().isForbidden());
		assertThat(directory.profile(org.ann().personId(), currentUser(org.ann()))).as("Ann's profile as it was")
			.isEqualTo(before);
	}

	@Test
	void anAdministratorCanEditAnyone() throws Exception {
		long version = directory.profile(org.bo().personId(), currentUser(org.bo())).version();
		mvc.perform(put("/api/v1/people/{id}", org.bo().personId()).header("Authorization", "Bearer " + org.token(identity, org.admin()))
				.contentType(MediaType.APPLICATION_JSON).content(update(version, "", 1)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bio").value("I build payment systems."));
	}

	@Test
	void invalidFieldsAreNamedAndNothingIsSaved() throws Exception {
		long version = directory.profile(org.ann().personId(), currentUser(org.ann())).version();
		mvc.perform(put("/api/v1/people/me").header("Authorization", annToken).contentType(MediaType.APPLICATION_JSON)
				.content(update(version, "{\"skill\":\"Java\",\"proficiency\":9,\"canTeach\":true,\"wantsToLearn\":false}", 99)))
			.andExpect(status().isBadRequest())
			.andExpect(contentType("application/problem+json"))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("mentoringCapacity", "skills[0].proficiency")));
		Profile before = directory.profile(org.ann().personId(), currentUser(org.ann()));
		mvc.perform(put("/api/v1/people/me").header("Authorization", annToken).contentType(MediaType.APPLICATION_JSON)
				.content(update(version, "", 1).replace("Europe/Lisbon", "Mars/Base")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
		mvc.perform(put("/api/v1/people/me").header("Authorization", annToken).contentType(MediaType.APPLICATION_JSON)
				.content("{not json"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/people/me").header("Authorization", annToken))
			.andExpect(jsonPath("$.version").value(version));
		assertThat(directory.profile(org.ann().personId(), currentUser(org.ann()))).isEqualTo(before);
		assertThat(before.timeZone()).isNotEqualTo("Mars/Base");
		assertThat(before.mentoringCapacity()).isNotEqualTo(99);
	}

	@Test
	void aStaleVersionIsAConflictNotASilentOverwrite() throws Exception {
		long version = directory.profile(org.ann().personId(), currentUser(org.ann())).version();
		mvc.perform(put("/api/v1/people/me").header("Authorization", annToken).contentType(MediaType.APPLICATION_JSON)
				.content(update(version, "", 1))).andExpect(status().isOk());
		Profile saved = directory.profile(org.ann().personId(), currentUser(org.ann()));
		mvc.perform(put("/api/v1/people/me").header("Authorization", annToken).contentType(MediaType.APPLICATION_JSON)
				.content(update(version, "", 2)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("changed by someone else")));
		assertThat(directory.profile(org.ann().personId(), currentUser(org.ann()))).as("the first save stands")
			.isEqualTo(saved);
		assertThat(saved.mentoringCapacity()).isEqualTo(1);
	}

	@Test
	void unknownPeopleAre404() throws Exception {
		mvc.perform(get("/api/v1/people/{id}", 999_999_999L).header("Authorization", annToken))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	private static ResultMatcher contentType(String contentType) {
		return MockMvcResultMatchers.header().string("Content-Type", contentType);
	}

	private static CurrentUser currentUser(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(), Set.of());
	}
}
