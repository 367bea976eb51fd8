package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.insights.internal.Fairness;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.programmes.Proposal;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Matched to a top-3 choice" in the fairness audit, counted by hand: from a run's proposals (the
 * engine's rank of the proposed mentor among the mentee's eligible mentors), from self-select
 * requests (the mentor was one of the first three the mentee asked), and end to end through a
 * real bulk run, the programmes API and the CSV.
 */
@GuildhallTest
@AutoConfigureMockMvc
class FairnessTopChoiceTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired ProgrammeManagement programmes;
	@Autowired MentorshipManagement mentorships;
	@Autowired MatchingRuns runs;
	@Autowired Fairness fairness;
	@Autowired Insights insights;
	@Autowired MockMvc mvc;

	@Test
	void perGroupFromARunsRanksWithRatiosAndTheFlag() {
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes);
		settledEnrolments(w);
		List<Proposal> proposals = new ArrayList<>();
		// Engineering (6): ranks 1, 1, 2, 4, 4 and one pinned pair without a rank: 3 of 5 ranked are top-3
		Integer[] eng = {1, 1, 2, 4, 4, null};
		// Sales (5): 1, 1, 2, 3, 3: all 5; Design (4): 1, 1, 1, 5: 3 of 4 (a group too small to show)
		Integer[] sales = {1, 1, 2, 3, 3};
		Integer[] design = {1, 1, 1, 5};
		add(proposals, w.engineering(), eng, w);
		add(proposals, w.sales(), sales, w);
		add(proposals, w.design(), design, w);
		MatchingRun run = new MatchingRun(99, w.programmeId(), MatchingRun.State.DONE, "OPTIMAL", null, 100, 15, 4, 15, 900.0, 60.0,
				50.0, 0L, 0, true, null, "pm", Instant.now(), Instant.now(), null, null);

		FairnessAudit f = fairness.audit(w.programmeId(), "P", run, proposals, List.of(), false, Instant.now());

		assertThat(f.topChoiceBasis()).isEqualTo(FairnessAudit.ChoiceBasis.RUN);
		// the run: 3 + 5 + 3 = 11 top-3 choices of 14 ranked proposals (the pinned one is left out)
		assertThat(f.run().topChoice().part()).isEqualTo(11);
		assertThat(f.run().topChoice().whole()).isEqualTo(14);
		FairnessAudit.Breakdown departments = f.breakdowns().get(0);
		FairnessAudit.Group designGroup = departments.groups().get(0);
		FairnessAudit.Group engineering = departments.groups().get(1);
		FairnessAudit.Group salesGroup = departments.groups().get(2);
		assertThat(engineering.topChoice().part()).isEqualTo(3);
		assertThat(engineering.topChoice().whole()).isEqualTo(5);
		assertThat(engineering.topChoice().value()).isEqualTo(0.6);
		// Wilson 95% for 3 of 5: 0.231 to 0.882
		assertThat(engineering.topChoice().low()).isCloseTo(0.231, org.assertj.core.data.Offset.offset(0.001));
		assertThat(engineering.topChoice().high()).isCloseTo(0.882, org.assertj.core.data.Offset.offset(0.001));
		assertThat(salesGroup.topChoice().value()).isEqualTo(1.0);
		assertThat(salesGroup.topChoiceRatio()).as("the best-served group").isEqualTo(1.0);
		assertThat(engineering.topChoiceRatio()).as("0.6 / 1.0").isEqualTo(0.6);
		assertThat(engineering.flagged()).isTrue();
		assertThat(salesGroup.flagged()).isFalse();
		assertThat(designGroup.topChoice().suppressed()).as("four mentees: hidden").isTrue();
		assertThat(designGroup.topChoiceRatio()).isNull();
		// everyone is on level 2: one group of 15, 11 of 14
		FairnessAudit.Group level = f.breakdowns().get(2).groups().get(0);
		assertThat(level.topChoice().part()).isEqualTo(11);
		assertThat(level.topChoiceRatio()).isEqualTo(1.0);
	}

	@Test
	void selfSelectCountsTheFirstThreeMentorsAMenteeAsked() {
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes);
		List<CurrentUser> eng = w.engineering();
		// A, B, C, D are the four mentors. Engineering: 0 gets A (1st ask), 1 gets D after three declines (4th),
		// 2 gets B (1st), 3 gets C (1st), 4 gets D after three declines (4th), 5 gets B after one decline (2nd): 4 of 6
		ask(w, eng.get(0), 0);
		declined(w, eng.get(1), 0, 1, 2);
		ask(w, eng.get(1), 3);
		ask(w, eng.get(2), 1);
		ask(w, eng.get(3), 2);
		declined(w, eng.get(4), 0, 1, 2);
		ask(w, eng.get(4), 3);
		declined(w, eng.get(5), 0);
		ask(w, eng.get(5), 1);
		// Sales: each gets the first mentor asked: 5 of 5
		int[] salesMentor = {0, 0, 1, 2, 3};
		for (int i = 0; i < 5; i++) {
			ask(w, w.sales().get(i), salesMentor[i]);
		}
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			FairnessAudit.Group g = fairness.audit(w.programmeId(), "P", null, List.of(), List.of(), false, Instant.now())
				.breakdowns().get(0).groups().get(2);
			return g.topChoice().whole() != null && g.topChoice().whole() == 5;
		});
		FairnessAudit f = fairness.audit(w.programmeId(), "P", null, List.of(), List.of(), false, Instant.now());
		assertThat(f.topChoiceBasis()).isEqualTo(FairnessAudit.ChoiceBasis.REQUESTS);
		assertThat(f.run()).isNull();
		FairnessAudit.Group engineering = f.breakdowns().get(0).groups().get(1);
		assertThat(engineering.name()).startsWith("Engineering");
		assertThat(engineering.topChoice().part()).isEqualTo(4);
		assertThat(engineering.topChoice().whole()).isEqualTo(6);
		assertThat(engineering.topChoiceRatio()).as("(4/6) / (5/5)").isEqualTo(0.67);
		assertThat(engineering.flagged()).isTrue();
		assertThat(f.breakdowns().get(0).groups().get(2).topChoice().value()).isEqualTo(1.0);
	}

	@Test
	void aBulkRunKeepsEachProposalsRankAndTheAuditCountsIt() throws Exception {
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes);
		Programme bulk = programmes.create(new ProgrammeSettings("Bulk " + w.run(), "Grow", ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2,
				MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL, Map.of("skills", "3"), List.of(), false), w.pm());
		programmes.advance(bulk.id(), "open-enrolment", w.pm());
		for (CurrentUser mentor : w.mentors()) {
			programmes.enrol(bulk.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of()), mentor);
		}
		List<CurrentUser> mentees = new ArrayList<>(w.engineering());
		mentees.addAll(w.sales());
		for (CurrentUser mentee : mentees) {
			programmes.enrol(bulk.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Learn Java", 0, List.of()), mentee);
		}
		programmes.advance(bulk.id(), "close-enrolment", w.pm());
		runs.start(bulk.id(), w.pm());
		Awaitility.await().atMost(Duration.ofSeconds(90))
			.until(() -> runs.latest(bulk.id(), w.pm()).orElseThrow().state() != MatchingRun.State.RUNNING);
		MatchingRun run = runs.latest(bulk.id(), w.pm()).orElseThrow();
		assertThat(run.state()).as(run.failure()).isEqualTo(MatchingRun.State.DONE);
		List<Proposal> proposals = runs.proposals(bulk.id(), run.id(), w.pm());
		assertThat(proposals).as("4 mentors with 2 places for 11 mentees").hasSize(8);
		assertThat(proposals).allSatisfy(p -> assertThat(p.choiceRank()).isBetween(1, 4));
		// the four mentors are alike (same department, level and skill): every one scores the same for a
		// mentee, so each is a first choice (ties share a rank; no tie-break makes one a "fourth choice")
		assertThat(proposals).allSatisfy(p -> assertThat(p.choiceRank()).as(p.toString()).isEqualTo(1));
		long top = proposals.stream().filter(p -> p.choiceRank() <= 3).count();

		FairnessAudit f = insights.fairness(bulk.id(), w.pm());
		assertThat(f.topChoiceBasis()).isEqualTo(FairnessAudit.ChoiceBasis.RUN);
		assertThat(f.run().topChoice().part()).isEqualTo(top);
		assertThat(f.run().topChoice().whole()).isEqualTo(8);

		String token = "Bearer " + identity.issueToken(w.pm().accountId(), "t", 1).secret();
		mvc.perform(get("/api/v1/programmes/" + bulk.id() + "/runs/" + run.id() + "/proposals").header("Authorization", token))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].choiceRank").isNumber());
		mvc.perform(get("/api/v1/insights/fairness").param("programme", Long.toString(bulk.id())).header("Authorization", token))
			.andExpect(status().isOk()).andExpect(jsonPath("$.run.topChoice.whole").value(8))
			.andExpect(jsonPath("$.breakdowns[0].groups[0].topChoice").exists());
		String csv = mvc.perform(get("/api/v1/insights/export/fairness.csv").param("programme", Long.toString(bulk.id()))
			.header("Authorization", token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("top-3 choice").contains("Department,false,Engineering");
		assertThat(csv).doesNotContain("Mentee A");
	}

	private void add(List<Proposal> proposals, List<CurrentUser> group, Integer[] ranks, InsightsWorld w) {
		for (int i = 0; i < ranks.length; i++) {
			proposals.add(new Proposal(group.get(i).personId(), "m", w.mentors().get(0).personId(), "M", 60, ranks[i] == null,
					List.of("r"), ranks[i]));
		}
	}

	private void ask(InsightsWorld w, CurrentUser mentee, int mentor) {
		Mentorship m = mentorships.request(w.programmeId(), w.mentors().get(mentor).personId(), mentee, "Please?");
		mentorships.accept(m.id(), w.mentors().get(mentor));
	}

	private void declined(InsightsWorld w, CurrentUser mentee, int... mentors) {
		for (int mentor : mentors) {
			Mentorship m = mentorships.request(w.programmeId(), w.mentors().get(mentor).personId(), mentee, "Please?");
			mentorships.decline(m.id(), w.mentors().get(mentor), "Full this quarter");
		}
	}

	private void settledEnrolments(InsightsWorld w) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> fairness
			.audit(w.programmeId(), "P", null, List.of(), List.of(), false, Instant.now()).breakdowns().get(2).groups().stream()
			.anyMatch(g -> g.mentees().value() != null && g.mentees().value() == 15));
	}
}
