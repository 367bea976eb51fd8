package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@GuildhallTest
@AutoConfigureMockMvc
class FeedAndReputationTest {

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
	String ann;
	String bo;
	String pm;
	String admin;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		ann = "Bearer " + org.token(identity, org.ann());
		bo = "Bearer " + org.token(identity, org.bo());
		pm = "Bearer " + org.token(identity, org.pm());
		admin = "Bearer " + org.token(identity, org.admin());
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
		return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
		return mvc.perform(request.header("Authorization", token));
	}

	private long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private long ask(String token, String title, String topics) throws Exception {
		return id(send(post("/api/v1/community/questions"), token,
				"{\"title\":\"" + title + "\",\"body\":\"How does this work?\",\"topics\":[" + topics + "]}")
			.andExpect(status().isCreated()));
	}

	private long answer(String token, long question, String text) throws Exception {
		return id(send(post("/api/v1/community/questions/{id}/answers", question), token, "{\"body\":\"" + text + "\"}")
			.andExpect(status().isCreated()));
	}

	private List<String> feedTitles(String token) throws Exception {
		return JsonPath.read(call(get("/api/v1/community/feed").param("size", "50"), token).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.items[*].title");
	}

	private void eventually(ThrowingRunnable check) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(check::run);
	}

	interface ThrowingRunnable {
		void run() throws Exception;
	}

	@Test
	void theFeedShowsFollowedTopicsPeopleAndMyCirclesButNeverOtherCirclesOrMyOwnActions() throws Exception {
		String run = org.run();
		send(post("/api/v1/community/follows/topics"), ann, "{\"topic\":\"k8s\"}").andExpect(jsonPath("$.name").value("Kubernetes"));
		send(post("/api/v1/community/follows/topics"), ann, "{\"topic\":\"Basket weaving\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topic"));
		call(put("/api/v1/community/follows/people/{id}", org.bo().personId()), ann).andExpect(status().isNoContent());
		call(put("/api/v1/community/follows/people/{id}", org.bo().personId()), ann).andExpect(status().isNoContent());
		call(put("/api/v1/community/follows/people/{id}", org.ann().personId()), ann).andExpect(status().isBadRequest());
		call(get("/api/v1/community/follows"), ann)
			.andExpect(jsonPath("$.people[0].fullName").value("Bo Ek"))
			.andExpect(jsonPath("$.topics[0].name").value("Kubernetes"));

		long onTopic = ask(pm, "Pods restart in a loop " + run, "\"Kubernetes\"");
		ask(admin, "Goroutines leak somewhere " + run, "\"Go\"");
		ask(bo, "Channels or mutexes here " + run, "\"Go\"");
		ask(ann, "My own k8s question " + run, "\"k8s\"");
		send(post("/api/v1/community/kudos"), bo, "{\"receiverId\":" + org.pm().personId() + ",\"skill\":\"Java\",\"message\":\"Great review " + run + "\"}")
			.andExpect(status().isCreated());

		long open = id(send(post("/api/v1/community/circles"), ann,
				"{\"name\":\"Ann's circle " + run + "\",\"description\":\"d\",\"topic\":\"Java\",\"admission\":\"OPEN\"}"));
		call(post("/api/v1/community/circles/{id}/membership", open), bo);
		send(post("/api/v1/community/circles/{id}/posts", open), bo, "{\"body\":\"Visible to Ann " + run + "\"}").andExpect(status().isCreated());
		long closed = id(send(post("/api/v1/community/circles"), admin,
				"{\"name\":\"Closed circle " + run + "\",\"description\":\"d\",\"topic\":\"Java\",\"admission\":\"BY_REQUEST\"}"));
		call(post("/api/v1/community/circles/{id}/membership", closed), bo);
		call(post("/api/v1/community/circles/{id}/requests/{p}/approve", closed, org.bo().personId()), admin).andExpect(status().isNoContent());
		call(post("/api/v1/community/circles/{id}/membership", closed), pm);
		call(post("/api/v1/community/circles/{id}/requests/{p}/approve", closed, org.pm().personId()), admin).andExpect(status().isNoContent());
		send(post("/api/v1/community/circles/{id}/posts", closed), bo, "{\"body\":\"Secret of the closed circle " + run + "\"}")
			.andExpect(status().isCreated());

		eventually(() -> assertThat(feedTitles(ann)).contains("Pods restart in a loop " + run, "Channels or mutexes here " + run,
				"Kudos for Java: Great review " + run, "Visible to Ann " + run));
		List<String> titles = feedTitles(ann);
		assertThat(titles).doesNotContain("Goroutines leak somewhere " + run, "My own k8s question " + run,
				"Secret of the closed circle " + run);
		assertThat(feedTitles(pm)).contains("Secret of the closed circle " + run);

		String feed = call(get("/api/v1/community/feed").param("size", "50"), ann).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> items = JsonPath.read(feed, "$.items");
		Map<String, Object> question = items.stream().filter(i -> i.get("title").equals("Pods restart in a loop " + run)).findFirst().orElseThrow();
		assertThat(question.get("link")).isEqualTo("/community/questions/" + onTopic);
		assertThat(question.get("kind")).isEqualTo("QUESTION_ASKED");
		Map<String, Object> circlePost = items.stream().filter(i -> i.get("title").equals("Visible to Ann " + run)).findFirst().orElseThrow();
		assertThat((String) circlePost.get("link")).startsWith("/community/circles/" + open + "#post-");

		// deleted content leaves every feed; leaving a circle takes its items out of mine
		call(delete("/api/v1/community/posts/{id}", onTopic), pm).andExpect(status().isNoContent());
		eventually(() -> assertThat(feedTitles(ann)).doesNotContain("Pods restart in a loop " + run));
		call(delete("/api/v1/community/circles/{id}/membership", closed), pm).andExpect(status().isNoContent());
		assertThat(feedTitles(pm)).doesNotContain("Secret of the closed circle " + run);

		// unfollowing takes the person's items out
		call(delete("/api/v1/community/follows/people/{id}", org.bo().personId()), ann).andExpect(status().isNoContent());
		assertThat(feedTitles(ann)).doesNotContain("Channels or mutexes here " + run, "Kudos for Java: Great review " + run);
	}

	@Test
	void feedPagesFollowTheCursorWithoutGapsOrRepeats() throws Exception {
		String run = org.run();
		call(put("/api/v1/community/follows/people/{id}", org.pm().personId()), bo).andExpect(status().isNoContent());
		for (int i = 0; i < 7; i++) {
			ask(pm, "Question number " + i + " of " + run, "\"Java\"");
		}
		eventually(() -> assertThat(feedTitles(bo)).filteredOn(t -> t.endsWith(run)).hasSize(7));
		List<String> all = feedTitles(bo).subList(0, 7);
		assertThat(all.get(0)).isEqualTo("Question number 6 of " + run);

		List<String> paged = new ArrayList<>();
		String next = null;
		for (int page = 0; page < 4 && paged.size() < 7; page++) {
			var request = get("/api/v1/community/feed").param("size", "2");
			if (next != null) {
				request = request.param("before", next);
			}
			String body = call(request, bo).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			paged.addAll(JsonPath.read(body, "$.items[*].title"));
			next = JsonPath.read(body, "$.next");
		}
		assertThat(paged.subList(0, 7)).isEqualTo(all);
		assertThat(new HashSet<>(paged)).hasSize(paged.size());

		call(get("/api/v1/community/feed").param("before", "yesterday"), bo)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("before"));
		call(get("/api/v1/community/feed").param("size", "51"), bo)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	@Test
	void reputationFollowsAnswersVotesAcceptanceAndKudosAndCanBeRecomputed() throws Exception {
		long question = ask(bo, "Which profiler do you use " + org.run(), "\"Go\", \"k8s\"");
		long good = answer(ann, question, "pprof, always.");
		answer(pm, question, "I print timestamps.");
		send(put("/api/v1/community/posts/{id}/vote", good), bo, "{\"vote\":\"UP\"}").andExpect(status().isOk());
		send(put("/api/v1/community/posts/{id}/vote", good), admin, "{\"vote\":\"UP\"}").andExpect(status().isOk());
		send(put("/api/v1/community/posts/{id}/vote", good), pm, "{\"vote\":\"DOWN\"}").andExpect(status().isOk());
		send(put("/api/v1/community/questions/{id}/accepted-answer", question), bo, "{\"answerId\":" + good + "}").andExpect(status().isOk());
		send(post("/api/v1/community/kudos"), bo, "{\"receiverId\":" + org.ann().personId() + ",\"skill\":\"Go\",\"message\":\"pprof saved me\"}")
			.andExpect(status().isCreated());

		// Go: 1 answer (2) + accepted (15) + net 1 vote (5) + 1 kudos (10); Kubernetes: the same without the kudos
		eventually(() -> assertThat(points(org.ann().personId())).isEqualTo(Map.of("Go", 32, "Kubernetes", 22)));
		eventually(() -> assertThat(points(org.pm().personId())).isEqualTo(Map.of("Go", 2, "Kubernetes", 2)));
		eventually(() -> assertThat(badges(org.ann().personId())).containsExactlyInAnyOrder("FIRST_ANSWER",
				"FIRST_ACCEPTED_ANSWER", "FIRST_KUDOS_RECEIVED"));
		assertThat(badges(org.pm().personId())).containsExactly("FIRST_ANSWER");
		call(get("/api/v1/community/reputation/people/{id}", org.ann().personId()), bo)
			.andExpect(jsonPath("$.topics[0].topic.name").value("Go"))
			.andExpect(jsonPath("$.topics[0].accepted").value(1))
			.andExpect(jsonPath("$.topics[0].netVotes").value(1))
			.andExpect(jsonPath("$.badges[0].earnedAt").isNotEmpty());

		// a second answer earns no second first-answer badge
		answer(ann, ask(pm, "Another one for Ann " + org.run(), "\"Go\""), "Here you go.");
		eventually(() -> assertThat(points(org.ann().personId())).containsEntry("Go", 34));
		assertThat(badges(org.ann().personId())).filteredOn("FIRST_ANSWER"::equals).hasSize(1);

		// the stored figures equal a recomputation from scratch
		jdbc.sql("UPDATE community_reputation SET points = 0 WHERE person_id = ?").param(org.ann().personId()).update();
		call(post("/api/v1/community/reputation/recompute"), ann).andExpect(status().isForbidden());
		call(post("/api/v1/community/reputation/recompute"), admin).andExpect(status().isOk());
		assertThat(points(org.ann().personId())).isEqualTo(Map.of("Go", 34, "Kubernetes", 22));

		// deleting the accepted answer takes its points away; badges stay earned
		call(delete("/api/v1/community/posts/{id}", good), ann).andExpect(status().isNoContent());
		eventually(() -> assertThat(points(org.ann().personId())).isEqualTo(Map.of("Go", 12)));
		assertThat(badges(org.ann().personId())).contains("FIRST_ACCEPTED_ANSWER");

		// hosting a circle is a badge too
		send(post("/api/v1/community/circles"), pm,
				"{\"name\":\"PM circle " + org.run() + "\",\"description\":\"d\",\"topic\":\"Go\",\"admission\":\"OPEN\"}")
			.andExpect(status().isCreated());
		eventually(() -> assertThat(badges(org.pm().personId())).contains("CIRCLE_HOST"));
		call(get("/api/v1/community/reputation/people/{id}", 987654321L), bo).andExpect(status().isNotFound());
	}

	@Test
	void aLessonCanNameOnlyAMentorshipOfItsAuthorAndTheFormOffersTheOption() throws Exception {
		send(post("/api/v1/community/articles"), bo, """
				{"title":"What my mentor taught me","body":"Small steps.","topics":["Java"],"lessonLearned":true,"mentorshipId":999999}""")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mentorshipId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("not the mentee")));
		send(post("/api/v1/community/articles"), bo, """
				{"title":"What my mentor taught me","body":"Small steps.","topics":["Java"],"lessonLearned":true}""")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.lessonLearned").value(true));
		var session = new org.guildhall.testing.Pages(mvc).signIn(org.bo());
		assertThat(new org.guildhall.testing.Pages(mvc).get("/community/articles/new", session).select("input#mentorshipId"))
			.as("the mentorships module is there, so lessons can name a mentorship").hasSize(1);
	}

	private Map<String, Integer> points(long personId) throws Exception {
		String body = call(get("/api/v1/community/reputation/people/{id}", personId), admin).andReturn().getResponse().getContentAsString();
		List<String> names = JsonPath.read(body, "$.topics[*].topic.name");
		List<Integer> points = JsonPath.read(body, "$.topics[*].points");
		Map<String, Integer> result = new java.util.HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			result.put(names.get(i), points.get(i));
		}
		return result;
	}

	private List<String> badges(long personId) throws Exception {
		return JsonPath.read(call(get("/api/v1/community/reputation/people/{id}", personId), admin).andReturn().getResponse()
			.getContentAsString(), "$.badges[*].badge");
	}
}
