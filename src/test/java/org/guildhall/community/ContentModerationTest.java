package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

/**
 * Moderation beyond questions, answers and articles: comments and kudos messages are hidden and shown
 * again by administrators only, a comment's author deletes it, an administrator's deletion of someone
 * else's circle post is audited, and a post shown again is back in the feeds.
 */
@GuildhallTest
@AutoConfigureMockMvc
class ContentModerationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

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

	private List<String> commentsSeenBy(String token, long question) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/community/questions/{id}", question).header("Authorization", token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$..comments[*].body");
	}

	private String kudosOf(String token, long person) throws Exception {
		return mvc.perform(get("/api/v1/community/people/{id}/kudos", person).header("Authorization", token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private List<String> feedTitles(String token) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/community/feed").param("size", "50").header("Authorization", token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.items[*].title");
	}

	/** Everything in a person's personal data export (a zip), as one text. */
	private String dataExportOf(String token) throws Exception {
		byte[] zip = mvc.perform(get("/api/v1/people/me/data").header("Authorization", token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		StringBuilder all = new StringBuilder();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return all.toString();
	}

	private List<Notification> notificationsOf(TestOrganisation.Member member) {
		CurrentUser me = new CurrentUser(member.accountId(), member.email(), "x", member.personId(), Set.of(CurrentUser.EMPLOYEE));
		return inbox.notifications(me, false, new PageRequest(0, 50)).items();
	}

	private List<String> auditRows() throws Exception {
		Cookie session = new Pages(mvc).signIn(org.admin());
		Document audit = Jsoup.parse(mvc.perform(get("/admin/audit").cookie(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		return audit.select("tbody tr").eachText();
	}

	private void eventually(ThrowingRunnable check) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(check::run);
	}

	interface ThrowingRunnable {
		void run() throws Exception;
	}

	@Test
	void onlyAnAdministratorHidesAComment_andOnlyItsAuthorDeletesIt() throws Exception {
		String run = org.run();
		String rude = "You clearly never read the docs " + run;
		long question = created(send(post("/api/v1/community/questions"), bo, """
				{"title":"Flaky tests on CI %s","body":"They fail at random.","topics":["Go"]}""".formatted(run)));
		long answer = created(send(post("/api/v1/community/questions/{id}/answers", question), ann, "{\"body\":\"Run them twice.\"}"));
		long comment = created(send(post("/api/v1/community/posts/{id}/comments", answer), pm, "{\"body\":\"" + rude + "\"}"));

		// the question page offers hiding to administrators and deleting to the comment's author only
		String hideForm = "form[action=/community/comments/" + comment + "/hide]";
		String deleteForm = "form[action=/community/comments/" + comment + "/delete]";
		Document adminSees = new Pages(mvc).get("/community/questions/" + question, new Pages(mvc).signIn(org.admin()));
		assertThat(adminSees.select(hideForm)).hasSize(1);
		assertThat(adminSees.select(deleteForm)).isEmpty();
		Document annSees = new Pages(mvc).get("/community/questions/" + question, new Pages(mvc).signIn(org.ann()));
		assertThat(annSees.select(hideForm)).isEmpty();
		assertThat(annSees.select(deleteForm)).isEmpty();
		assertThat(new Pages(mvc).get("/community/questions/" + question, new Pages(mvc).signIn(org.pm())).select(deleteForm)).hasSize(1);

		// nobody but an administrator may hide it: not the answer's author, not the asker, not its own author
		for (String token : List.of(ann, bo, pm)) {
			send(post("/api/v1/community/comments/{id}/hide", comment), token, "{\"reason\":\"rude remark\"}").andExpect(status().isForbidden());
		}
		mvc.perform(post("/community/comments/{id}/hide", comment).with(csrf()).cookie(new Pages(mvc).signIn(org.bo()))
			.param("reason", "rude")).andExpect(status().isForbidden());
		assertThat(commentsSeenBy(bo, question)).containsExactly(rude);
		send(post("/api/v1/community/comments/{id}/hide", comment), admin, "{\"reason\":\"x\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(commentsSeenBy(bo, question)).containsExactly(rude);

		send(post("/api/v1/community/comments/{id}/hide", comment), admin, "{\"reason\":\"Personal attack\"}").andExpect(status().isNoContent());

		for (String token : List.of(ann, bo, pm)) {
			assertThat(commentsSeenBy(token, question)).isEmpty();
		}
		assertThat(new Pages(mvc).get("/community/questions/" + question, new Pages(mvc).signIn(org.bo())).text()).doesNotContain(rude);
		mvc.perform(get("/api/v1/community/moderation/hidden").header("Authorization", admin))
			.andExpect(jsonPath("$[?(@.id == " + comment + " && @.kind == 'COMMENT')].reason").value(hasItem("Personal attack")))
			.andExpect(jsonPath("$[?(@.id == " + comment + " && @.kind == 'COMMENT')].hiddenBy").value(hasItem(org.admin().email())))
			.andExpect(jsonPath("$[?(@.id == " + comment + " && @.kind == 'COMMENT')].excerpt").value(hasItem(rude)));
		assertThat(new Pages(mvc).get("/community/moderation", new Pages(mvc).signIn(org.admin())).text())
			.contains(rude, "Personal attack", "comment");
		assertThat(auditRows()).anySatisfy(row -> assertThat(row)
			.contains(org.admin().email(), "comment-hidden", "comment " + comment, "Personal attack"));
		eventually(() -> assertThat(notificationsOf(org.pm()))
			.anySatisfy(n -> assertThat(n.body()).contains("Personal attack").contains("your comment")));

		// shown again: back for everyone, audited, out of the list
		send(post("/api/v1/community/comments/{id}/show", comment), pm, "").andExpect(status().isForbidden());
		assertThat(commentsSeenBy(bo, question)).isEmpty();
		send(post("/api/v1/community/comments/{id}/show", comment), admin, "").andExpect(status().isNoContent());
		assertThat(commentsSeenBy(bo, question)).containsExactly(rude);
		assertThat(auditRows()).anySatisfy(row -> assertThat(row).contains(org.admin().email(), "comment-shown", "comment " + comment));
		mvc.perform(get("/api/v1/community/moderation/hidden").header("Authorization", admin))
			.andExpect(jsonPath("$[?(@.kind == 'COMMENT')].id").value(not(hasItem((int) comment))));

		// its author deletes it; nobody else may, administrators neither (they hide)
		send(delete("/api/v1/community/comments/{id}", comment), bo, "").andExpect(status().isForbidden());
		send(delete("/api/v1/community/comments/{id}", comment), admin, "").andExpect(status().isForbidden());
		mvc.perform(post("/community/comments/{id}/delete", comment).with(csrf()).cookie(new Pages(mvc).signIn(org.ann())))
			.andExpect(status().isForbidden());
		assertThat(commentsSeenBy(bo, question)).containsExactly(rude);
		mvc.perform(post("/community/comments/{id}/delete", comment).with(csrf()).cookie(new Pages(mvc).signIn(org.pm())))
			.andExpect(status().is3xxRedirection());
		assertThat(commentsSeenBy(bo, question)).isEmpty();
		assertThat(commentsSeenBy(pm, question)).isEmpty();
		send(post("/api/v1/community/comments/{id}/show", comment), admin, "").andExpect(status().isNotFound());
		send(delete("/api/v1/community/comments/{id}", comment), pm, "").andExpect(status().isNotFound());
	}

	@Test
	void anAdministratorHidesAKudosMessageEverywhere_theKudosStillCounts() throws Exception {
		String run = org.run();
		String message = "Thanks for nothing, slowpoke " + run;
		mvc.perform(put("/api/v1/community/follows/people/{id}", org.bo().personId()).header("Authorization", ann))
			.andExpect(status().isNoContent());
		long kudos = created(send(post("/api/v1/community/kudos"), bo,
				"{\"receiverId\":" + org.pm().personId() + ",\"skill\":\"Java\",\"message\":\"" + message + "\"}"));
		eventually(() -> assertThat(feedTitles(ann)).contains("Kudos for Java: " + message));

		for (String token : List.of(ann, bo, pm)) {
			send(post("/api/v1/community/kudos/{id}/hide", kudos), token, "{\"reason\":\"Mocking\"}").andExpect(status().isForbidden());
		}
		assertThat(JsonPath.<String>read(kudosOf(ann, org.pm().personId()), "$[0].latest[0].message")).isEqualTo(message);
		assertThat(feedTitles(ann)).contains("Kudos for Java: " + message);

		send(post("/api/v1/community/kudos/{id}/hide", kudos), admin, "{\"reason\":\"Mocking a colleague\"}").andExpect(status().isNoContent());
		send(post("/api/v1/community/kudos/{id}/hide", kudos), admin, "{\"reason\":\"again\"}").andExpect(status().isConflict());

		// the kudos still counts, but its message is gone for everyone, the giver and the receiver too
		for (String token : List.of(ann, bo, pm, admin)) {
			String seen = kudosOf(token, org.pm().personId());
			assertThat(seen).doesNotContain(message);
			assertThat(JsonPath.<Integer>read(seen, "$[0].count")).isEqualTo(1);
			assertThat(JsonPath.<String>read(seen, "$[0].latest[0].message")).isEqualTo("hidden by a moderator");
			assertThat(JsonPath.<Boolean>read(seen, "$[0].latest[0].hidden")).isTrue();
		}
		assertThat(feedTitles(ann)).doesNotContain("Kudos for Java: " + message).contains("Kudos for Java: hidden by a moderator");
		assertThat(dataExportOf(pm)).doesNotContain(message).contains("hidden by a moderator");
		assertThat(new Pages(mvc).get("/community/people/" + org.pm().personId() + "/kudos", new Pages(mvc).signIn(org.ann())).text())
			.doesNotContain(message).contains("hidden by a moderator");
		mvc.perform(get("/api/v1/community/moderation/hidden").header("Authorization", admin))
			.andExpect(jsonPath("$[?(@.id == " + kudos + " && @.kind == 'KUDOS')].reason").value(hasItem("Mocking a colleague")))
			.andExpect(jsonPath("$[?(@.id == " + kudos + " && @.kind == 'KUDOS')].excerpt").value(hasItem(message)));
		assertThat(auditRows()).anySatisfy(row -> assertThat(row)
			.contains(org.admin().email(), "kudos-hidden", "kudos " + kudos, "Mocking a colleague"));
		eventually(() -> assertThat(notificationsOf(org.bo()))
			.anySatisfy(n -> assertThat(n.body()).contains("Mocking a colleague")));

		send(post("/api/v1/community/kudos/{id}/show", kudos), ann, "").andExpect(status().isForbidden());
		assertThat(kudosOf(ann, org.pm().personId())).doesNotContain(message);
		mvc.perform(post("/community/kudos/{id}/show", kudos).with(csrf()).cookie(new Pages(mvc).signIn(org.admin())))
			.andExpect(status().is3xxRedirection());
		assertThat(JsonPath.<String>read(kudosOf(ann, org.pm().personId()), "$[0].latest[0].message")).isEqualTo(message);
		assertThat(feedTitles(ann)).contains("Kudos for Java: " + message);
		assertThat(auditRows()).anySatisfy(row -> assertThat(row).contains(org.admin().email(), "kudos-shown", "kudos " + kudos));
	}

	@Test
	void anAdministratorDeletingSomeoneElsesCirclePostIsInTheAuditTrail() throws Exception {
		String run = org.run();
		long circle = created(send(post("/api/v1/community/circles"), ann, """
				{"name":"Go readers %s","description":"We read Go code.","topic":"Go","admission":"OPEN"}""".formatted(run)));
		mvc.perform(post("/api/v1/community/circles/{id}/membership", circle).header("Authorization", bo)).andExpect(status().isOk());
		long byBo = created(send(post("/api/v1/community/circles/{id}/posts", circle), bo, "{\"body\":\"Buy my course " + run + "\"}"));
		long own = created(send(post("/api/v1/community/circles/{id}/posts", circle), bo, "{\"body\":\"Typo " + run + "\"}"));

		mvc.perform(delete("/api/v1/community/circles/{id}/posts/{p}", circle, own).header("Authorization", bo))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/community/circles/{id}/posts/{p}", circle, byBo).header("Authorization", admin))
			.andExpect(status().isNoContent());

		List<String> rows = auditRows();
		assertThat(rows).anySatisfy(row -> assertThat(row)
			.contains(org.admin().email(), "circle-post-deleted-by-moderator", "circle post " + byBo, "by person " + org.bo().personId()));
		assertThat(rows).noneSatisfy(row -> assertThat(row).contains("circle post " + own + " "));
		eventually(() -> assertThat(notificationsOf(org.bo()))
			.anySatisfy(n -> assertThat(n.title()).contains("A moderator deleted your post in the circle")));
	}

	@Test
	void aHiddenQuestionIsBackInTheFeedWhenShownAgain() throws Exception {
		String run = org.run();
		String title = "Why is the build red again " + run;
		mvc.perform(put("/api/v1/community/follows/people/{id}", org.bo().personId()).header("Authorization", ann))
			.andExpect(status().isNoContent());
		long question = created(send(post("/api/v1/community/questions"), bo, """
				{"title":"%s","body":"It was green yesterday.","topics":["Go"]}""".formatted(title)));
		eventually(() -> assertThat(feedTitles(ann)).contains(title));

		send(post("/api/v1/community/posts/{id}/hide", question), admin, "{\"reason\":\"Duplicate for now\"}").andExpect(status().isNoContent());
		eventually(() -> assertThat(feedTitles(ann)).doesNotContain(title));

		send(post("/api/v1/community/posts/{id}/show", question), admin, "").andExpect(status().isNoContent());
		eventually(() -> assertThat(feedTitles(ann)).containsOnlyOnce(title));
	}
}
