package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.notifications.Inbox;
import org.guildhall.notifications.Notification;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Moderation: only administrators hide, show and edit other people's posts, and each action is in the audit trail. */
@GuildhallTest
@AutoConfigureMockMvc
class ModerationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	CommunitySearch search;

	@Autowired
	Inbox inbox;

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

	private long created(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	private List<Long> answersSeenBy(String token, long question) throws Exception {
		String body = mvc.perform(get("/api/v1/community/questions/{id}", question).header("Authorization", token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Number> ids = JsonPath.read(body, "$.answers[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	private List<Long> found(String word) {
		return search.search(word, EnumSet.noneOf(SearchHit.Type.class), 20).hits().stream().map(SearchHit::id).toList();
	}

	private List<Notification> notificationsOf(TestOrganisation.Member member) {
		CurrentUser me = new CurrentUser(member.accountId(), member.email(), "x", member.personId(), Set.of(CurrentUser.EMPLOYEE));
		return inbox.notifications(me, false, new PageRequest(0, 50)).items();
	}

	private Document auditPage(Cookie session) throws Exception {
		return Jsoup.parse(mvc.perform(get("/admin/audit").cookie(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
	}

	@Test
	void anAdministratorHidesAnAnswerForEveryoneAndShowsItAgain() throws Exception {
		String word = "quokkafix" + org.run();
		long question = created(send(post("/api/v1/community/questions"), bo, """
				{"title":"Slow builds on the CI runners %s","body":"Builds take forever.","topics":["Go"]}""".formatted(org.run())));
		long answer = created(send(post("/api/v1/community/questions/{id}/answers", question), ann,
				"{\"body\":\"Buy a faster runner, call it " + word + ".\"}"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(found(word)).contains(answer));

		// the question page offers hiding to administrators only, and deleting to the author
		Cookie adminSession = new Pages(mvc).signIn(org.admin());
		Cookie annSession = new Pages(mvc).signIn(org.ann());
		String hideForm = "form[action=/community/posts/" + answer + "/hide]";
		String deleteForm = "form[action=/community/posts/" + answer + "/delete]";
		assertThat(new Pages(mvc).get("/community/questions/" + question, adminSession).select(hideForm)).hasSize(1);
		Document annSees = new Pages(mvc).get("/community/questions/" + question, annSession);
		assertThat(annSees.select(hideForm)).isEmpty();
		assertThat(annSees.select(deleteForm)).hasSize(1);

		// nobody but an administrator may hide: not the author, not a programme manager; nothing changes
		send(post("/api/v1/community/posts/{id}/hide", answer), ann, "{\"reason\":\"my own\"}").andExpect(status().isForbidden());
		send(post("/api/v1/community/posts/{id}/hide", answer), pm, "{\"reason\":\"off topic\"}").andExpect(status().isForbidden());
		mvc.perform(post("/community/posts/{id}/hide", answer).with(csrf()).cookie(new Pages(mvc).signIn(org.bo()))
			.param("reason", "rude")).andExpect(status().isForbidden());
		assertThat(answersSeenBy(bo, question)).containsExactly(answer);
		assertThat(answersSeenBy(pm, question)).containsExactly(answer);
		// a reason is required
		send(post("/api/v1/community/posts/{id}/hide", answer), admin, "{\"reason\":\" \"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(answersSeenBy(bo, question)).containsExactly(answer);

		send(post("/api/v1/community/posts/{id}/hide", answer), admin, "{\"reason\":\"Advertising a product\"}")
			.andExpect(status().isNoContent());

		assertThat(answersSeenBy(bo, question)).isEmpty();
		assertThat(answersSeenBy(pm, question)).isEmpty();
		mvc.perform(get("/api/v1/community/posts/{id}", answer).header("Authorization", pm)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/community/questions").param("q", org.run()).header("Authorization", pm))
			.andExpect(jsonPath("$.items[0].answerCount").value(0));
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(found(word)).doesNotContain(answer));

		// administrators see it with the reason; others may not list hidden posts
		mvc.perform(get("/api/v1/community/moderation/hidden").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + answer + ")].reason").value(hasItem("Advertising a product")))
			.andExpect(jsonPath("$[?(@.id == " + answer + ")].hiddenBy").value(hasItem(org.admin().email())));
		mvc.perform(get("/api/v1/community/moderation/hidden").header("Authorization", ann)).andExpect(status().isForbidden());
		assertThat(new Pages(mvc).get("/community/moderation", adminSession).text())
			.contains("Advertising a product", org.admin().email(), "Buy a faster runner");

		// the audit trail names the administrator, the action, the post and the reason
		Document audit = auditPage(adminSession);
		assertThat(audit.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
			.contains(org.admin().email(), "post-hidden", "answer " + answer, "Advertising a product"));
		assertThat(audit.text()).doesNotContain(org.pm().email() + " post-hidden");

		// the author is told why
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notificationsOf(org.ann()))
			.anySatisfy(n -> assertThat(n.body()).contains("Advertising a product")));

		// showing it again brings it back for everyone, and into search
		send(post("/api/v1/community/posts/{id}/show", answer), pm, "").andExpect(status().isForbidden());
		assertThat(answersSeenBy(bo, question)).isEmpty();
		send(post("/api/v1/community/posts/{id}/show", answer), admin, "").andExpect(status().isNoContent());
		assertThat(answersSeenBy(bo, question)).containsExactly(answer);
		assertThat(answersSeenBy(pm, question)).containsExactly(answer);
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(found(word)).contains(answer));
		assertThat(auditPage(adminSession).select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
			.contains(org.admin().email(), "post-shown", "answer " + answer));
		mvc.perform(get("/api/v1/community/moderation/hidden").header("Authorization", admin))
			.andExpect(jsonPath("$[*].id").value(not(hasItem((int) answer))));
	}

	@Test
	void aModeratorsEditNeedsAReasonIsMarkedAndAudited() throws Exception {
		long question = created(send(post("/api/v1/community/questions"), bo, """
				{"title":"Which linter for Go %s","body":"My colleague is an idiot.","topics":["Go"]}""".formatted(org.run())));
		long version = ((Number) JsonPath.read(mvc.perform(get("/api/v1/community/posts/{id}", question).header("Authorization", bo))
			.andReturn().getResponse().getContentAsString(), "$.version")).longValue();
		String edit = """
				{"title":"Which linter for Go %s","body":"Which linter do you use?","topics":["Go"],"version":%d%s}""";

		send(put("/api/v1/community/posts/{id}", question), admin, edit.formatted(org.run(), version, ""))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		send(put("/api/v1/community/posts/{id}", question), ann, edit.formatted(org.run(), version, ",\"reason\":\"rude\""))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/community/posts/{id}", question).header("Authorization", pm))
			.andExpect(jsonPath("$.body").value("My colleague is an idiot.")).andExpect(jsonPath("$.editedByModerator").value(false));

		send(put("/api/v1/community/posts/{id}", question), admin, edit.formatted(org.run(), version, ",\"reason\":\"Insult removed\""))
			.andExpect(status().isOk()).andExpect(jsonPath("$.editedByModerator").value(true));
		// what the moderator edited away is not in the history for others; the author and administrators still see it
		mvc.perform(get("/api/v1/community/posts/{id}/revisions", question).header("Authorization", pm))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].body").value(not(hasItem("My colleague is an idiot."))))
			.andExpect(jsonPath("$[0].body").value("Which linter do you use?"));
		mvc.perform(get("/api/v1/community/posts/{id}/revisions", question).header("Authorization", bo))
			.andExpect(jsonPath("$[*].body").value(hasItem("My colleague is an idiot.")));
		mvc.perform(get("/api/v1/community/posts/{id}/revisions", question).header("Authorization", admin))
			.andExpect(jsonPath("$[*].body").value(hasItem("My colleague is an idiot.")));
		Cookie pmSession = new Pages(mvc).signIn(org.pm());
		assertThat(new Pages(mvc).get("/community/posts/" + question + "/history", pmSession).text()).doesNotContain("idiot");
		assertThat(new Pages(mvc).get("/community/questions/" + question, pmSession).text()).contains("edited by a moderator")
			.doesNotContain("idiot");
		assertThat(auditPage(new Pages(mvc).signIn(org.admin())).select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
			.contains(org.admin().email(), "post-edited-by-moderator", "question " + question, "Insult removed"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notificationsOf(org.bo()))
			.anySatisfy(n -> assertThat(n.title()).contains("A moderator edited your question")));

		// the author's own edit afterwards is no longer "edited by a moderator" and needs no reason
		send(put("/api/v1/community/posts/{id}", question), bo, edit.formatted(org.run(), version + 1, ""))
			.andExpect(status().isOk()).andExpect(jsonPath("$.editedByModerator").value(false));
		assertThat(new Pages(mvc).get("/community/questions/" + question, pmSession).text()).doesNotContain("edited by a moderator");
	}
}
