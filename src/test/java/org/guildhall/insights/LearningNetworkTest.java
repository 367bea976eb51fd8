package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewKudos;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.Post;
import org.guildhall.community.QuestionBoard;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.insights.internal.Figures;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The learning network, one person's figures and the exports, counted by hand on an organisation
 * whose departments exist only in this test (the network covers the whole organisation).
 */
@GuildhallTest
@AutoConfigureMockMvc
class LearningNetworkTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired ProgrammeManagement programmes;
	@Autowired MentorshipManagement mentorships;
	@Autowired KudosBoard kudos;
	@Autowired QuestionBoard questions;
	@Autowired Insights insights;
	@Autowired Figures figures;
	@Autowired MockMvc mvc;

	static InsightsWorld w;
	static String suffix;

	@BeforeEach
	void world() {
		if (w != null) {
			return;
		}
		suffix = "-" + UUID.randomUUID().toString().substring(0, 6);
		w = InsightsWorld.create(imports, identity, directory, programmes, suffix);
		// mentoring inside Engineering and from Engineering to Sales
		pair(w.engineering().get(0), 0);
		pair(w.sales().get(0), 1);
		// kudos inside Sales
		kudos.give(new NewKudos(w.sales().get(2).personId(), "Java", "Thanks for the pairing session"), w.sales().get(1));
		// an accepted answer from Engineering to Design
		Post question = questions.ask(new NewQuestion("How do I profile a slow Java service?",
				"It gets slow under load and I do not know where to start looking.", List.of("Java")), w.design().get(0));
		Post answer = questions.answer(question.id(), "Start with a flame graph from async-profiler under a realistic load.",
				w.engineering().get(1));
		questions.accept(question.id(), answer.id(), w.design().get(0));
		Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
			MyInsights designer = insights.mine(w.design().get(0));
			MyInsights seller = insights.mine(w.sales().get(0));
			return designer.links() == 1 && seller.links() == 1 && insights.mine(w.sales().get(2)).links() == 1;
		});
		figures.computeNow();
	}

	private Mentorship pair(CurrentUser mentee, int mentor) {
		Mentorship requested = mentorships.request(w.programmeId(), w.mentors().get(mentor).personId(), mentee, "Please?");
		return mentorships.accept(requested.id(), w.mentors().get(mentor));
	}

	private Map<String, LearningNetwork.Reach> reach() {
		return insights.network(w.admin()).orElseThrow().departments().stream()
			.filter(r -> r.group().endsWith(suffix)).collect(Collectors.toMap(LearningNetwork.Reach::group, r -> r));
	}

	@Test
	void countsConnectedIsolatedAndCrossingLinksPerDepartment() {
		Map<String, LearningNetwork.Reach> reach = reach();
		LearningNetwork.Reach eng = reach.get("Engineering" + suffix);
		assertThat(eng.people().value()).isEqualTo(10);
		assertThat(eng.connected().value()).as("two mentors, their Engineering mentee, the answerer").isEqualTo(4);
		assertThat(eng.isolated().value()).isEqualTo(6);
		assertThat(eng.connectedShare().value()).isEqualTo(0.4);
		assertThat(eng.links().value()).isEqualTo(3);
		assertThat(eng.crossing().value()).isEqualTo(2);
		assertThat(eng.crossingShare().suppressed()).as("three links are fewer than five").isTrue();
		LearningNetwork.Reach sales = reach.get("Sales" + suffix);
		assertThat(sales.people().value()).isEqualTo(5);
		assertThat(sales.connected().value()).isEqualTo(3);
		assertThat(sales.isolated().value()).isEqualTo(2);
		assertThat(sales.links().value()).isEqualTo(2);
		assertThat(sales.crossing().value()).isEqualTo(1);
		LearningNetwork.Reach design = reach.get("Design" + suffix);
		assertThat(design.people().suppressed()).as("four people").isTrue();
		assertThat(design.connected().value()).isNull();
		assertThat(design.links().value()).isNull();
		assertThat(reach.get("People" + suffix).people().suppressed()).isTrue();
		LearningNetwork network = insights.network(w.admin()).orElseThrow();
		assertThat(network.departmentLinks()).filteredOn(l -> l.a().endsWith(suffix) || l.b().endsWith(suffix))
			.extracting(l -> l.a() + "/" + l.b() + "/" + l.links())
			.containsExactlyInAnyOrder("Design" + suffix + "/Engineering" + suffix + "/1", "Engineering" + suffix + "/Sales" + suffix + "/1");
		assertThat(network.bridges()).as("the answerer links nobody else: no shortest path runs through them")
			.noneMatch(b -> b.personId() == w.engineering().get(1).personId());
		assertThat(network.bridges()).as("mentor B joins the Sales mentee's pair to nobody else either")
			.noneMatch(b -> b.personId() == w.mentors().get(1).personId());
	}

	@Test
	void showsAPersonTheirOwnLinksAndSomeoneToMeetWhenTheyHaveNone() {
		MyInsights answerer = insights.mine(w.engineering().get(1));
		assertThat(answerer.links()).isEqualTo(1);
		assertThat(answerer.taught()).singleElement().satisfies(l -> {
			assertThat(l.personId()).isEqualTo(w.design().get(0).personId());
			assertThat(l.kinds()).containsExactly("accepted answer");
		});
		assertThat(answerer.learnedFrom()).isEmpty();
		MyInsights giver = insights.mine(w.sales().get(1));
		assertThat(giver.kudosGiven()).isEqualTo(1);
		assertThat(giver.kudosReceived()).isZero();
		assertThat(insights.mine(w.sales().get(2)).kudosReceived()).isEqualTo(1);
		MyInsights mentee = insights.mine(w.engineering().get(0));
		assertThat(mentee.mentorshipsAsMentee()).isEqualTo(1);
		assertThat(mentee.learnedFrom()).extracting(MyInsights.PersonLink::personId).containsExactly(w.mentors().get(0).personId());

		MyInsights isolated = insights.mine(w.design().get(3));
		assertThat(isolated.isolated()).isTrue();
		assertThat(isolated.suggestions()).isNotEmpty();
		assertThat(isolated.suggestions().get(0).reasons()).anyMatch(r -> r.equals("Can teach Java, which you want to learn"));
		assertThat(isolated.suggestions()).extracting(MyInsights.Suggestion::personId)
			.allMatch(id -> w.mentors().stream().anyMatch(m -> m.personId().longValue() == id.longValue()), "only the Java mentors teach Java here");
	}

	@Test
	void theMapOfADepartmentShowsItsPeopleAndWhoTheyLearnWith() {
		var map = insights.map("Sales" + suffix, w.pm());
		assertThat(map.nodes()).extracting(n -> n.id())
			.contains("p:" + w.sales().get(0).personId(), "p:" + w.mentors().get(1).personId(), "p:" + w.sales().get(4).personId());
		assertThat(map.links()).hasSize(2);
		assertThatThrownBy(() -> insights.map("Design" + suffix, w.pm())).isInstanceOf(org.guildhall.shared.InvalidInputException.class);
		assertThatThrownBy(() -> insights.network(w.employee())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void pagesAndExportsKeepToTheRulesAndNeutraliseFormulaCells() throws Exception {
		Pages pages = new Pages(mvc);
		Cookie admin = pages.signIn(new TestOrganisation.Member(w.admin().email(), w.admin().personId(), w.admin().accountId()));
		Cookie employee = pages.signIn(new TestOrganisation.Member(w.employee().email(), w.employee().personId(),
				w.employee().accountId()));
		String page = mvc.perform(get("/insights/network").cookie(admin)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Document html = Jsoup.parse(page);
		assertThat(html.select("#reach-table tbody tr").text()).contains("Engineering" + suffix);
		assertThat(html.select("script#map-data").html()).doesNotContain("</");
		Cookie otherManager = pages.signIn(new TestOrganisation.Member(w.otherPm().email(), w.otherPm().personId(),
				w.otherPm().accountId()));
		Cookie manager = pages.signIn(new TestOrganisation.Member(w.pm().email(), w.pm().personId(), w.pm().accountId()));
		for (String path : List.of("/insights?programme=", "/insights/outcomes?programme=", "/insights/fairness?programme=",
				"/insights/export/dashboard.csv?programme=", "/insights/export/report.pdf?programme=")) {
			mvc.perform(get(path + w.programmeId()).cookie(otherManager)).andExpect(status().isNotFound());
			mvc.perform(get(path + w.programmeId()).cookie(manager)).andExpect(status().isOk());
		}
		mvc.perform(get("/insights/network").cookie(employee)).andExpect(redirectedUrl("/insights/me"));
		mvc.perform(get("/insights").cookie(employee)).andExpect(redirectedUrl("/insights/me"));
		mvc.perform(get("/insights/me").cookie(employee)).andExpect(status().isOk());
		mvc.perform(get("/insights/export/network.csv").cookie(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/insights/export/network.csv")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/insights/network")).andExpect(status().isUnauthorized());

		String csv = mvc.perform(get("/insights/export/network.csv").cookie(admin)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("Engineering" + suffix + ",10,4,0.4,6,3,2,fewer than 5");
		mvc.perform(get("/insights/export/report.pdf").cookie(admin)).andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
	}
}
