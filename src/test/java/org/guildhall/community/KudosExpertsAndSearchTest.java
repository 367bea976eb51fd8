package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@GuildhallTest
@AutoConfigureMockMvc
class KudosExpertsAndSearchTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	QuestionBoard questions;

	@Autowired
	KnowledgeBase articles;

	@Autowired
	Contributions contributions;

	@Autowired
	KudosBoard kudos;

	@Autowired
	ExpertFinder experts;

	@Autowired
	CommunitySearch search;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
	}

	@Test
	void kudosAreGivenForASkillAndNeverToOneself() throws Exception {
		String bo = "Bearer " + org.token(identity, org.bo());
		mvc.perform(post("/api/v1/community/kudos").header("Authorization", bo).contentType(MediaType.APPLICATION_JSON)
				.content("{\"receiverId\":" + org.ann().personId() + ",\"skill\":\"java\",\"message\":\"Your review saved my release\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.skill.name").value("Java"))
			.andExpect(jsonPath("$.giver.fullName").value("Bo Ek"));
		mvc.perform(post("/api/v1/community/kudos").header("Authorization", bo).contentType(MediaType.APPLICATION_JSON)
				.content("{\"receiverId\":" + org.bo().personId() + ",\"skill\":\"Basket weaving\",\"message\":\"hi\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("receiverId", "skill", "message")));
		kudos.give(new NewKudos(org.ann().personId(), "Java", "Paired with me on the migration"), user(org.pm()));
		kudos.give(new NewKudos(org.ann().personId(), "SQL", "Fixed the slow report query"), user(org.bo()));
		mvc.perform(get("/api/v1/community/people/{id}/kudos", org.ann().personId()).header("Authorization", bo))
			.andExpect(jsonPath("$[0].skill.name").value("Java"))
			.andExpect(jsonPath("$[0].count").value(2))
			.andExpect(jsonPath("$[0].latest[0].message").value("Paired with me on the migration"))
			.andExpect(jsonPath("$[1].skill.name").value("SQL"))
			.andExpect(jsonPath("$[1].count").value(1));
	}

	@Test
	void theExpertFinderRanksByEvidenceAndSaysWhy() {
		String skill = "Rust";
		// Bo claims nothing but answered well; Ann declares Java only; the admin declares nothing and has kudos
		long question = questions.ask(new NewQuestion("How do lifetimes work " + org.run(), "Borrow checker trouble", List.of(skill)),
				user(org.pm())).id();
		long answer = questions.answer(question, "Think of lifetimes as scopes the compiler can prove.", user(org.bo())).id();
		questions.accept(question, answer, user(org.pm()));
		contributions.vote(answer, Vote.UP, user(org.ann()));
		kudos.give(new NewKudos(org.bo().personId(), skill, "Explained ownership with a whiteboard"), user(org.ann()));
		kudos.give(new NewKudos(org.admin().personId(), skill, "Reviewed my first crate"), user(org.ann()));

		List<Expert> found = experts.whoKnows("rust", 50).stream()
			.filter(e -> Set.of(org.bo().personId(), org.admin().personId()).contains(e.person().id())).toList();
		assertThat(found).extracting(e -> e.person().fullName()).containsExactly("Bo Ek", "Ada Admin");
		assertThat(found.get(0).reasons()).contains("1 accepted answer on Rust", "1 up-vote on those answers",
				"received 1 kudos for Rust");
		assertThat(found.get(1).reasons()).containsExactly("received 1 kudos for Rust");
		assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());

		List<Expert> java = experts.whoKnows("Java", 50);
		assertThat(java).filteredOn(e -> e.person().id() == org.ann().personId()).singleElement()
			.satisfies(e -> assertThat(e.reasons()).contains("says they know Java at 5/5 and can teach it"));
	}

	@Test
	void searchToleratesOneOrTwoWrongLettersButNotAnotherWord() throws Exception {
		String tag = org.run().replaceAll("[^a-z]", "").replaceAll("(.)\\1+", "$1");
		String word = "quokkaframe" + tag; // a word no other test writes
		long question = questions.ask(new NewQuestion("Rolling " + word + " upgrades without downtime?",
				"Our clusters need planned maintenance windows today.", List.of("SQL")), user(org.bo())).id();
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
			assertThat(search.search(word, EnumSet.of(SearchHit.Type.QUESTION), 10).hits()).extracting(SearchHit::id).contains(question));

		String transposed = "quokkafrmae" + tag; // two letters swapped
		String oneWrong = "quokkafrane" + tag;   // one letter wrong
		for (String typo : List.of(transposed, oneWrong, transposed + " upgardes")) {
			assertThat(search.search(typo, EnumSet.of(SearchHit.Type.QUESTION), 10).hits()).as(typo)
				.extracting(SearchHit::id).contains(question);
		}
	}

	@Test
	void keywordSearchFollowsChangesAndForgetsDeletedPosts() throws Exception {
		String word = "zq" + org.run().replaceAll("[^a-z]", "x");
		long article = articles.publish(new NewArticle("Tuning the " + word + " cache layer", "We learned to warm the cache first.",
				List.of("SQL"), true), user(org.ann())).id();
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
			assertThat(search.search(word, EnumSet.noneOf(SearchHit.Type.class), 10).hits()).extracting(SearchHit::id).contains(article));
		assertThat(search.search(word, EnumSet.noneOf(SearchHit.Type.class), 10).hits().get(0).link()).isEqualTo("/community/articles/" + article);
		assertThat(experts.whoKnows(word, 10)).extracting(e -> e.person().id()).containsExactly(org.ann().personId());

		long question = questions.ask(new NewQuestion("Who owns the " + word + " cache?", "Need a contact.", List.of("SQL")),
				user(org.bo())).id();
		long answer = questions.answer(question, "Ann does: she wrote about the " + word + " warm-up.", user(org.ann())).id();
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
			assertThat(experts.whoKnows(word, 10)).extracting(e -> e.person().id()).containsExactly(org.ann().personId()));
		assertThat(experts.whoKnows(word, 10).get(0).reasons().get(0)).contains("matching '" + word + "'");

		contributions.delete(article, user(org.ann()));
		contributions.delete(question, user(org.bo()));
		// semantic ranking may still offer unrelated posts for a made-up word; the deleted ones must be gone
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
			assertThat(search.search(word, EnumSet.noneOf(SearchHit.Type.class), 10).hits()).extracting(SearchHit::id)
				.doesNotContain(article, question, answer));
	}

	@Test
	void onlyAdministratorsRebuildTheIndexAndProgressIsShown() throws Exception {
		mvc.perform(post("/api/v1/community/search/index/rebuild").header("Authorization", "Bearer " + org.token(identity, org.bo())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/community/search/index/rebuild").header("Authorization", "Bearer " + org.token(identity, org.admin())))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("REBUILDING"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> search.status().state() == IndexStatus.State.READY);
		IndexStatus status = search.status();
		assertThat(status.done()).isEqualTo(status.total());
		assertThat(status.percent()).isEqualTo(100);
		String token = "Bearer " + org.token(identity, org.bo());
		mvc.perform(get("/api/v1/community/search").param("q", "Okafor").header("Authorization", token))
			.andExpect(jsonPath("$.hits[*].title", hasItem("Ann Okafor")));
		mvc.perform(get("/api/v1/community/search").param("q", "").header("Authorization", token))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/community/experts").param("q", "x".repeat(201)).header("Authorization", token))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/community/search").param("q", "\"unbalanced (query* -").header("Authorization", token))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/community/search").param("q", "x").param("type", "BOGUS").header("Authorization", token))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(not(containsString("Exception"))));
	}

	static CurrentUser user(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(),
				member.email().startsWith("admin-") ? Set.of("ADMIN", "EMPLOYEE") : Set.of("EMPLOYEE"));
	}
}
