package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Peer, reverse and group programmes match and enrol as their names say. */
@GuildhallTest
@AutoConfigureMockMvc
class ProgrammeFormatsTest {

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MatchingRuns runs;

	@Autowired
	MentorRecommendations recommendations;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	TestOrganisation people;
	CurrentUser pm;
	CurrentUser ann;
	CurrentUser bo;

	@BeforeEach
	void organisation() {
		people = TestOrganisation.create(imports, identity, directory);
		pm = user(people.pm(), CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE);
		ann = user(people.ann(), CurrentUser.EMPLOYEE);
		bo = user(people.bo(), CurrentUser.EMPLOYEE);
	}

	private static CurrentUser user(Member member, String... roles) {
		return new CurrentUser(member.accountId(), member.email(), member.email(), member.personId(), Set.of(roles));
	}

	private Programme programme(ProgrammeFormat format, MatchingMode mode, Map<String, String> weights) {
		Programme programme = programmes.create(new ProgrammeSettings(format.label() + " " + people.run(), null, format, null, null,
				8, 3, mode, ProgrammeSettings.ObjectiveChoice.OPTIMAL, weights, List.of(), false), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		return programme;
	}

	private void level(Member member, int level) {
		jdbc.sql("UPDATE person SET level = ? WHERE id = ?").params(level, member.personId()).update();
	}

	@Test
	void reverseMentoringRecommendsTheJuniorColleagueAndSaysWhyInPlainWords() {
		level(people.pm(), 5);
		level(people.bo(), 2);
		level(people.ann(), 6);
		Programme programme = programme(ProgrammeFormat.REVERSE, MatchingMode.SELF_SELECT, Map.of("seniority", "5"));
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Learn how the new tools feel", 0, List.of()), pm);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 1, List.of()), bo);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 1, List.of()), ann);
		programmes.advance(programme.id(), "close-enrolment", pm);

		List<Recommendation> mentors = recommendations.forMentee(programme.id(), pm);
		assertThat(mentors).first().satisfies(first -> {
			assertThat(first.mentorId()).as("Bo is three levels below Pat").isEqualTo(people.bo().personId());
			assertThat(first.reasons()).contains("3 levels more junior than you: reverse mentoring brings a view from closer to the work");
		});
		assertThat(mentors).allSatisfy(r -> assertThat(r.reasons()).noneMatch(reason -> reason.contains("more senior than you")));
	}

	@Test
	void peersAreMatchedBothWaysButNeverWithThemselves() {
		level(people.pm(), 4);
		level(people.ann(), 4);
		level(people.bo(), 4);
		Programme programme = programme(ProgrammeFormat.PEER, MatchingMode.BULK, Map.of("seniority", "3", "skills", "1"));
		enrolEveryoneAsPeers(programme);
		// Ann is Bo's manager, so the only peer pairs are Pat with Ann and Pat with Bo, each way round
		runs.decide(programme.id(), people.ann().personId(), people.pm().personId(), PairRule.Kind.PIN, pm);
		runs.decide(programme.id(), people.pm().personId(), people.ann().personId(), PairRule.Kind.PIN, pm);
		MatchingRun run = FinishedRuns.runToTheEnd(runs, programme.id(), pm);
		assertThat(run.state()).as(run.failure()).isEqualTo(MatchingRun.State.DONE);
		assertThat(run.mentees()).isEqualTo(3);
		assertThat(run.mentors()).isEqualTo(3);
		List<Proposal> pairs = runs.proposals(programme.id(), run.id(), pm);
		assertThat(pairs).noneMatch(p -> p.menteeId() == p.mentorId());
		assertThat(pairs).extracting(Proposal::menteeId, Proposal::mentorId).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(people.ann().personId(), people.pm().personId()),
				org.assertj.core.groups.Tuple.tuple(people.pm().personId(), people.ann().personId()));
		assertThat(pairs).allSatisfy(p -> assertThat(p.reasons()).isNotEmpty());

		runs.publish(programme.id(), run.id(), pm);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mentorship WHERE programme_id = ? AND status = 'INVITED'").param(programme.id())
			.query(Long.class).single()).as("a mutual pair is two mentorships").isEqualTo(2);
	}

	private void enrolEveryoneAsPeers(Programme programme) {
		for (CurrentUser person : List.of(pm, ann, bo)) {
			programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.BOTH, "Learn from a colleague", 1, List.of()), person);
		}
		programmes.advance(programme.id(), "close-enrolment", pm);
	}

	@Test
	void peerMatchingPrefersTheSameLevel() {
		level(people.pm(), 4);
		level(people.ann(), 4);
		level(people.bo(), 8);
		Programme programme = programme(ProgrammeFormat.PEER, MatchingMode.SELF_SELECT, Map.of("seniority", "5"));
		enrolEveryoneAsPeers(programme);

		List<Recommendation> forPat = recommendations.forMentee(programme.id(), pm);
		assertThat(forPat).extracting(Recommendation::mentorId).doesNotContain(people.pm().personId());
		assertThat(forPat).first().satisfies(first -> {
			assertThat(first.mentorId()).as("Ann is at Pat's level, Bo four levels above").isEqualTo(people.ann().personId());
			assertThat(first.reasons()).anyMatch(r -> r.startsWith("At the same level as you"));
		});
	}

	@Test
	void aGroupProgrammeGivesEveryMentorTheGroupSizeAndTheFormsSayWhatEachFormatMeans() throws Exception {
		Programme group = programme(ProgrammeFormat.GROUP, MatchingMode.SELF_SELECT, Map.of("skills", "3"));
		Enrolment mentor = programmes.enrol(group.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 0, List.of()), ann);
		assertThat(mentor.capacity()).as("0: the programme's group size applies").isZero();

		Pages pages = new Pages(mvc);
		Cookie boSession = pages.signIn(people.bo());
		Document groupPage = pages.get("/programmes/" + group.id(), boSession);
		assertThat(groupPage.select("#format-explanation").text()).contains("One mentor leads a small group of mentees");
		assertThat(groupPage.select("#group-size").text()).isEqualTo("Mentors lead one group of up to 3 mentees.");
		assertThat(groupPage.select("input#capacity")).isEmpty();

		Programme peer = programme(ProgrammeFormat.PEER, MatchingMode.BULK, Map.of("skills", "3"));
		Document peerPage = pages.get("/programmes/" + peer.id(), boSession);
		assertThat(peerPage.select("input[name=role][checked]").attr("value")).isEqualTo("BOTH");
		assertThat(peerPage.select("#format-explanation").text()).contains("learn from each other");

		Document form = pages.get("/programmes/new", pages.signIn(people.pm()));
		assertThat(form.select("#formats-help li")).hasSize(ProgrammeFormat.values().length);
		assertThat(form.select("#formats-help").text()).contains("A single session on one question");

		// switching a programme to group while enrolling drops the places mentors chose for the group size
		Programme later = programme(ProgrammeFormat.ONE_TO_ONE, MatchingMode.SELF_SELECT, Map.of("skills", "3"));
		programmes.enrol(later.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 5, List.of()), ann);
		programmes.update(later.id(), new ProgrammeSettings(later.name(), null, ProgrammeFormat.GROUP, null, null, 8, 4,
				MatchingMode.SELF_SELECT, ProgrammeSettings.ObjectiveChoice.OPTIMAL, Map.of("skills", "3"), List.of(), false),
				programmes.programme(later.id(), pm).version(), pm);
		assertThat(programmes.enrolmentOf(later.id(), people.ann().personId()).orElseThrow().capacity()).isZero();
		mvc.perform(post("/programmes/" + group.id() + "/enrol").with(csrf()).cookie(boSession).param("role", "MENTEE")
				.param("goals", "Learn with others"))
			.andExpect(status().is3xxRedirection());
	}
}
