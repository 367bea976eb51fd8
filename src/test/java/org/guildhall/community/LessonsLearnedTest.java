package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.guildhall.community.internal.PostStore;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With a stand-in for the mentorships module that knows one mentee (Bo of mentorship 7001), only Bo
 * may publish a lesson from it. The real source is tested in the mentorships module.
 */
@GuildhallTest
@AutoConfigureMockMvc
@Import(LessonsLearnedTest.OneMentorship.class)
class LessonsLearnedTest {

	static final long MENTORSHIP = 7001;

	@TestConfiguration(proxyBeanMethods = false)
	static class OneMentorship {

		@Bean
		@Primary
		LessonSources lessonSources(PeopleDirectory people) {
			return (mentorshipId, personId) -> mentorshipId == MENTORSHIP
					&& people.refs(java.util.List.of(personId)).get(personId).fullName().equals("Bo Ek");
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	PostStore posts;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
	}

	private String lesson(long mentorshipId, boolean lesson) {
		return """
				{"title":"What my mentor taught me about reviews","body":"Review small changes.","topics":["Java"],
				 "lessonLearned":%s,"mentorshipId":%d}""".formatted(lesson, mentorshipId);
	}

	@Test
	void onlyTheMenteeOfTheMentorshipPublishesALessonFromIt() throws Exception {
		String ann = "Bearer " + org.token(identity, org.ann());
		String bo = "Bearer " + org.token(identity, org.bo());
		mvc.perform(post("/api/v1/community/articles").header("Authorization", ann).contentType(MediaType.APPLICATION_JSON)
				.content(lesson(MENTORSHIP, true)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mentorshipId"))
			.andExpect(jsonPath("$.errors[0].message").value("you are not the mentee of mentorship 7001"));
		mvc.perform(post("/api/v1/community/articles").header("Authorization", bo).contentType(MediaType.APPLICATION_JSON)
				.content(lesson(MENTORSHIP, false)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mentorshipId"));
		String body = mvc.perform(post("/api/v1/community/articles").header("Authorization", bo)
				.contentType(MediaType.APPLICATION_JSON).content(lesson(MENTORSHIP, true)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.lessonLearned").value(true))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat(posts.mentorshipOf(id)).contains(MENTORSHIP);

		var session = new Pages(mvc).signIn(org.bo());
		assertThat(new Pages(mvc).get("/community/articles/new", session).select("input#mentorshipId")).hasSize(1);
	}
}
