package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.community.internal.Vectors;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
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
import org.springframework.test.web.servlet.MockMvc;

@GuildhallTest
@AutoConfigureMockMvc
class SemanticSearchTest {

	static final String QUESTION = "help with container orchestration";

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	KnowledgeBase articles;

	@Autowired
	CommunitySearch search;

	@Autowired
	ExpertFinder experts;

	@Autowired
	Vectors vectors;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
	}

	@Test
	void findsKubernetesContentAndPeopleWithoutASharedWordAndSaysWhy() throws Exception {
		// not one word of the query appears in the article
		long article = articles.publish(new NewArticle("Lessons from a year of Kubernetes " + org.run(),
				"We moved every Docker service onto Kubernetes: pods, deployments, autoscaling and rolling updates.",
				List.of("Kubernetes"), false), user(org.ann())).id();
		Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			SearchResults results = search.search(QUESTION, EnumSet.noneOf(SearchHit.Type.class), 20);
			assertThat(results.semantic()).isTrue();
			assertThat(results.hits()).filteredOn(h -> h.id() == article && h.type() == SearchHit.Type.ARTICLE).singleElement()
				.satisfies(h -> assertThat(h.why()).singleElement().asString().startsWith("close in meaning (similarity 0."));
		});
		SearchResults keywordHit = search.search("autoscaling " + org.run(), EnumSet.of(SearchHit.Type.ARTICLE), 5);
		assertThat(keywordHit.hits().get(0).id()).isEqualTo(article);
		assertThat(keywordHit.hits().get(0).why()).contains("your words in the title, text");

		ExpertResults found = experts.find("container orchestration", 50);
		assertThat(found.semantic()).isTrue();
		assertThat(found.experts()).filteredOn(e -> e.person().id() == org.ann().personId()).singleElement()
			.satisfies(e -> assertThat(e.reasons()).anyMatch(r -> r.startsWith("wrote 1 answer or article close in meaning to 'container orchestration'")));

		String token = "Bearer " + org.token(identity, org.bo());
		mvc.perform(get("/api/v1/community/search").param("q", QUESTION).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.semantic").value(true))
			.andExpect(jsonPath("$.hits[*].id", hasItem((int) article)));
		mvc.perform(get("/api/v1/community/experts").param("q", "container orchestration").header("Authorization", token))
			.andExpect(jsonPath("$.semantic").value(true))
			.andExpect(jsonPath("$.experts[*].person.id", hasItem((int) org.ann().personId())));

		Pages pages = new Pages(mvc);
		Cookie bo = pages.signIn(org.bo());
		Document page = Jsoup.parse(mvc.perform(get("/community/search").param("q", QUESTION).cookie(bo))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#ranking").text()).startsWith("Keyword (BM25) and semantic ranking");
		assertThat(page.select(".why").eachText()).anyMatch(t -> t.contains("close in meaning"));
	}

	@Test
	void aRebuildTakesVectorsFromTheCacheAndShowsTheirProgress() throws Exception {
		long article = articles.publish(new NewArticle("Scheduling workloads on our clusters " + org.run(),
				"Node pools, taints and tolerations for the batch jobs on Kubernetes.", List.of("Kubernetes"), false),
				user(org.ann())).id();
		Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> search.status().awaitingVectors() == 0
				&& search.search("batch job placement on a cluster", EnumSet.of(SearchHit.Type.ARTICLE), 20).hits().stream()
					.anyMatch(h -> h.id() == article));
		long embeddedBefore = vectors.embeddedSoFar();

		String admin = "Bearer " + org.token(identity, org.admin());
		mvc.perform(post("/api/v1/community/search/index/rebuild").header("Authorization", admin)).andExpect(status().isAccepted());
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> search.status().state() == IndexStatus.State.READY
				&& search.status().awaitingVectors() == 0);
		IndexStatus status = search.status();
		assertThat(status.semantic()).isTrue();
		assertThat(status.withVectors()).isPositive().isLessThanOrEqualTo(status.documents());
		assertThat(status.vectorPercent()).isEqualTo(100);
		assertThat(vectors.embeddedSoFar()).as("every text was embedded before: the rebuild reads vectors by text hash")
			.isEqualTo(embeddedBefore);
		assertThat(search.search("batch job placement on a cluster", EnumSet.of(SearchHit.Type.ARTICLE), 20).hits())
			.extracting(SearchHit::id).contains(article);

		mvc.perform(get("/api/v1/community/search/index").header("Authorization", admin))
			.andExpect(jsonPath("$.withVectors").value(greaterThan(0)))
			.andExpect(jsonPath("$.awaitingVectors").value(0));
		Pages pages = new Pages(mvc);
		Document page = pages.get("/community/index", pages.signIn(org.admin()));
		assertThat(page.select("#vector-progress")).hasSize(1);
		assertThat(page.select("#vectors").text()).contains("documents have vectors; 0 wait");
	}

	static CurrentUser user(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(),
				member.email().startsWith("admin-") ? Set.of("ADMIN", "EMPLOYEE") : Set.of("EMPLOYEE"));
	}
}
