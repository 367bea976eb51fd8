package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuildhallTest
@AutoConfigureMockMvc
class QuestionsAndAnswersApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

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

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String token, String json) throws Exception {
		return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long ask(String token, String title) throws Exception {
		String body = send(post("/api/v1/community/questions"), token, """
				{"title":"%s","body":"How do I **roll back** a deployment?","topics":["k8s","Go"]}""".formatted(title))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private long answer(String token, long questionId, String text) throws Exception {
		String body = send(post("/api/v1/community/questions/{id}/answers", questionId), token, "{\"body\":\"" + text + "\"}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void askAnswerCommentVoteAndAccept() throws Exception {
		long question = ask(bo, "Rolling back a bad release " + org.run());
		mvc.perform(get("/api/v1/community/questions/{id}", question).header("Authorization", ann))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.question.topics[*].name", containsInAnyOrder("Kubernetes", "Go")))
			.andExpect(jsonPath("$.question.bodyHtml").value(containsString("<strong>roll back</strong>")))
			.andExpect(jsonPath("$.question.author.fullName").value("Bo Ek"))
			.andExpect(jsonPath("$.question.mayEdit").value(false));

		long first = answer(pm, question, "Try turning it off and on again.");
		long good = answer(ann, question, "Use `kubectl rollout undo`.");
		send(post("/api/v1/community/posts/{id}/comments", good), bo, "{\"body\":\"That worked, thanks!\"}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.author.fullName").value("Bo Ek"));

		send(put("/api/v1/community/posts/{id}/vote", good), bo, "{\"vote\":\"UP\"}").andExpect(jsonPath("$.score").value(1));
		send(put("/api/v1/community/posts/{id}/vote", good), bo, "{\"vote\":\"UP\"}").andExpect(jsonPath("$.score").value(1));
		send(put("/api/v1/community/posts/{id}/vote", good), pm, "{\"vote\":\"UP\"}").andExpect(jsonPath("$.score").value(2));
		send(put("/api/v1/community/posts/{id}/vote", first), bo, "{\"vote\":\"DOWN\"}").andExpect(jsonPath("$.score").value(-1));
		send(put("/api/v1/community/posts/{id}/vote", first), bo, "{\"vote\":\"UP\"}").andExpect(jsonPath("$.score").value(1));
		mvc.perform(delete("/api/v1/community/posts/{id}/vote", first).header("Authorization", bo)).andExpect(jsonPath("$.score").value(0));
		send(put("/api/v1/community/posts/{id}/vote", good), ann, "{\"vote\":\"UP\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("vote"));

		send(put("/api/v1/community/questions/{id}/accepted-answer", question), ann, "{\"answerId\":" + good + "}")
			.andExpect(status().isForbidden());
		send(put("/api/v1/community/questions/{id}/accepted-answer", question), bo, "{\"answerId\":" + question + "}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answerId"));
		send(put("/api/v1/community/questions/{id}/accepted-answer", question), bo, "{\"answerId\":" + good + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answers[0].id").value(good))
			.andExpect(jsonPath("$.answers[0].accepted").value(true))
			.andExpect(jsonPath("$.answers[0].comments[0].body").value("That worked, thanks!"))
			.andExpect(jsonPath("$.answers[1].accepted").value(false));

		mvc.perform(get("/api/v1/community/questions").param("q", "rolling " + org.run()).header("Authorization", ann))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].answerCount").value(2))
			.andExpect(jsonPath("$.items[0].answered").value(true));
		mvc.perform(get("/api/v1/community/questions").param("topic", "kubernetes").param("q", org.run()).header("Authorization", ann))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/community/questions").param("topic", "Java").param("q", org.run()).header("Authorization", ann))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void badQuestionsAreRefusedNamingEachField() throws Exception {
		send(post("/api/v1/community/questions"), ann, """
				{"title":"short","body":"","topics":["Java","Underwater knitting"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("title", "body", "topics[1]")))
			.andExpect(jsonPath("$.errors[?(@.field=='topics[1]')].message", contains("'Underwater knitting' is not a skill of the taxonomy")));
		send(post("/api/v1/community/questions"), ann, """
				{"title":"A long enough title","body":"%s","topics":[]}""".formatted("x".repeat(20_001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("body", "topics")));
		send(post("/api/v1/community/questions"), ann, "{not json").andExpect(status().isBadRequest());
		send(post("/api/v1/community/questions/{id}/answers", 999_999_999L), ann, "{\"body\":\"hi\"}").andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAuthorOrAnAdministratorEditsAndTheHistoryIsKept() throws Exception {
		long question = ask(bo, "Which Go version do we use " + org.run());
		long answer = answer(ann, question, "Go 1.22 everywhere.");
		send(put("/api/v1/community/posts/{id}", answer), bo, "{\"body\":\"Bo rewrote this\",\"version\":0}")
			.andExpect(status().isForbidden());
		send(put("/api/v1/community/posts/{id}", question), ann,
				"{\"title\":\"Hijacked title here\",\"body\":\"x\",\"topics\":[\"Go\"],\"version\":0}")
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/community/posts/{id}", answer).header("Authorization", bo)).andExpect(status().isForbidden());

		send(put("/api/v1/community/posts/{id}", answer), ann, "{\"body\":\"Go 1.23 since March.\",\"version\":0}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.editedAt").isNotEmpty());
		send(put("/api/v1/community/posts/{id}", answer), ann, "{\"body\":\"A stale edit\",\"version\":0}")
			.andExpect(status().isConflict());
		send(put("/api/v1/community/posts/{id}", answer), admin, "{\"body\":\"Go 1.23 since March (moderated).\",\"version\":1}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		send(put("/api/v1/community/posts/{id}", answer), admin,
				"{\"body\":\"Go 1.23 since March (moderated).\",\"version\":1,\"reason\":\"Clarified\"}")
			.andExpect(status().isOk());
		send(put("/api/v1/community/posts/{id}", question), bo,
				"{\"title\":\"Which Go version do we use now " + org.run() + "\",\"body\":\"Asking for the build.\",\"topics\":[\"golang\"],\"version\":0}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.topics[*].name", contains("Go")));

		mvc.perform(get("/api/v1/community/posts/{id}/revisions", answer).header("Authorization", bo))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].body", contains("Go 1.23 since March (moderated).")));
		mvc.perform(get("/api/v1/community/posts/{id}/revisions", answer).header("Authorization", ann))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].body", contains("Go 1.23 since March (moderated).", "Go 1.23 since March.", "Go 1.22 everywhere.")))
			.andExpect(jsonPath("$[0].editedBy.fullName").value("Ada Admin"))
			.andExpect(jsonPath("$[2].revision").value(1));
	}

	@Test
	void deletedPostsAreGoneForEveryone() throws Exception {
		long question = ask(bo, "A question about to vanish " + org.run());
		long answer = answer(ann, question, "An answer about to vanish.");
		mvc.perform(delete("/api/v1/community/posts/{id}", answer).header("Authorization", ann)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/community/questions/{id}", question).header("Authorization", bo))
			.andExpect(jsonPath("$.answers").isEmpty());
		mvc.perform(get("/api/v1/community/posts/{id}", answer).header("Authorization", bo)).andExpect(status().isNotFound());
		send(put("/api/v1/community/posts/{id}/vote", answer), bo, "{\"vote\":\"UP\"}").andExpect(status().isNotFound());

		mvc.perform(delete("/api/v1/community/posts/{id}", question).header("Authorization", admin)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/community/questions/{id}", question).header("Authorization", bo)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/community/questions").param("q", org.run()).header("Authorization", bo))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void postingFasterThanTheLimitIsA429() throws Exception {
		long question = ask(bo, "Flood control test " + org.run());
		// ten a minute, refilled one every six seconds: on a slow machine a refill can land between
		// the posts, so post until refused and check that it came after the ten, not exactly at the eleventh
		int accepted = 0;
		while (accepted < 30 && mvc.perform(post("/api/v1/community/questions/{id}/answers", question)
			.header("Authorization", ann).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"Answer number " + accepted + "\"}")).andReturn().getResponse().getStatus() == 201) {
			accepted++;
		}
		assertThat(accepted).as("the first ten go through, then the limit holds").isBetween(10, 29);
		send(post("/api/v1/community/questions/{id}/answers", question), ann, "{\"body\":\"one too many\"}")
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.title").value("Too many posts"));
		// voting is not posting, and other people are not slowed down
		send(put("/api/v1/community/posts/{id}/vote", question), ann, "{\"vote\":\"UP\"}").andExpect(status().isOk());
		answer(pm, question, "Someone else can still answer.");
		mvc.perform(get("/api/v1/community/questions/{id}", question).header("Authorization", bo))
			.andExpect(jsonPath("$.answers.length()").value(11))
			.andExpect(jsonPath("$.answers[*].body", not(hasItem("one too many"))));
	}

	@Test
	void articlesAreRenderedSafely() throws Exception {
		String json = """
				{"title":"Lessons from the payment outage","lessonLearned":true,"topics":["SQL"],
				 "body":"## What happened\\n\\n<script>alert(1)</script>\\n\\nSee [runbook](javascript:alert(1)) and [wiki](https://wiki.example.com)"}""";
		String created = send(post("/api/v1/community/articles"), ann, json).andExpect(status().isCreated())
			.andExpect(jsonPath("$.lessonLearned").value(true))
			.andExpect(jsonPath("$.bodyHtml").value(containsString("<h2>What happened</h2>")))
			.andExpect(jsonPath("$.bodyHtml").value(not(containsString("<script"))))
			.andExpect(jsonPath("$.bodyHtml").value(not(containsString("href=\"javascript"))))
			.andExpect(jsonPath("$.bodyHtml").value(containsString("runbook")))
			.andExpect(jsonPath("$.bodyHtml").value(containsString("href=\"https://wiki.example.com\"")))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(get("/api/v1/community/articles").param("q", "payment outage").header("Authorization", bo))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		mvc.perform(get("/api/v1/community/articles/{id}", id).header("Authorization", bo))
			.andExpect(jsonPath("$.author.fullName").value("Ann Okafor"));
	}

	@Test
	void theApiNeedsAToken() throws Exception {
		mvc.perform(get("/api/v1/community/questions")).andExpect(status().isUnauthorized());
	}
}
