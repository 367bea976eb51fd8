package org.guildhall.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Reverse and peer mentoring: seniority looks the other way, or at the same level, and says so. */
class SeniorityRuleTest {

	private static final MatchingEngine.Options EXACT = new MatchingEngine.Options(10, 1_000_000, 2, 30, Long.MAX_VALUE);
	private static final MatchingEngine.Options PRUNED = new MatchingEngine.Options(3, 1_000_000, 2, 50, 0);

	/** Rita (level 5) wants to learn; Jay is two levels below her, Sam two levels above, Pia at her level. */
	private static MatchingProblem rita(SeniorityRule rule) {
		CriterionWeights onlySeniority = CriterionWeights.of(Map.of(Criterion.SENIORITY, 1.0));
		MenteeProfile rita = new MenteeProfile("rita", "", Map.of(), 5, "Finance", Set.of("en"), "UTC", null, List.of());
		List<MentorProfile> mentors = List.of(mentor("jay", 3), mentor("sam", 7), mentor("pia", 5));
		float[] none = new float[4];
		return MatchingProblem.builder().profiles(List.of(rita), mentors, onlySeniority).seniority(rule)
			.vectors(new float[][] { none }, new float[][] { none, none, none }).build();
	}

	private static MentorProfile mentor(String id, int level) {
		return new MentorProfile(id, 1, "", "", Map.of(), level, "IT", Set.of("en"), "UTC", null, List.of());
	}

	private static MatchedPair solve(MatchingProblem problem) {
		MatchingResult result = new MatchingEngine(null, EXACT).solve(problem, Objective.OPTIMAL, Progress.NONE);
		assertThat(result.pairs()).hasSize(1);
		return result.pairs().get(0);
	}

	@Test
	void classicMentoringPrefersTheSeniorMentor() {
		MatchedPair pair = solve(rita(SeniorityRule.MENTOR_ABOVE));
		assertThat(pair.mentor()).isEqualTo("sam");
		assertThat(pair.reasons()).contains("2 levels more senior than you");
	}

	@Test
	void reverseMentoringPrefersTheJuniorMentorAndSaysWhy() {
		MatchedPair pair = solve(rita(SeniorityRule.MENTEE_ABOVE));
		assertThat(pair.mentor()).isEqualTo("jay");
		assertThat(pair.score()).isEqualTo(100.0);
		assertThat(pair.reasons()).anyMatch(r -> r.startsWith("2 levels more junior than you: reverse mentoring"));
		assertThat(pair.reasons()).noneMatch(r -> r.contains("more senior"));
	}

	@Test
	void peerMentoringPrefersTheSameLevel() {
		MatchedPair pair = solve(rita(SeniorityRule.SAME_LEVEL));
		assertThat(pair.mentor()).isEqualTo("pia");
		assertThat(pair.reasons()).anyMatch(r -> r.startsWith("At the same level as you"));
		assertThat(SeniorityRule.SAME_LEVEL.value(1)).isLessThan(SeniorityRule.SAME_LEVEL.value(0));
		assertThat(SeniorityRule.SAME_LEVEL.value(-4)).isLessThan(SeniorityRule.SAME_LEVEL.value(-1)).isPositive();
	}

	@Test
	void everyRuleStaysWithinZeroAndOneSoThePruningBoundHolds() {
		for (SeniorityRule rule : SeniorityRule.values()) {
			for (int d = -20; d <= 20; d++) {
				assertThat(rule.value(d)).as("%s at %d", rule, d).isBetween(0.0, 1.0);
			}
		}
	}

	@Test
	void prunedEqualsUnprunedForReverseAndPeerRules() {
		for (SeniorityRule rule : List.of(SeniorityRule.MENTEE_ABOVE, SeniorityRule.SAME_LEVEL)) {
			CriterionWeights heavySeniority = CriterionWeights.of(Map.of(Criterion.SKILLS, 3.0, Criterion.GOALS, 3.0,
					Criterion.SENIORITY, 4.0, Criterion.TIME_ZONE, 1.0)).withMust(Criterion.LANGUAGE);
			for (long seed = 1; seed <= 6; seed++) {
				MatchingProblem problem = RandomProblems.profiles(seed, 150, 40, heavySeniority, rule);
				MatchingResult full = new MatchingEngine(null, EXACT).solve(problem, Objective.OPTIMAL, Progress.NONE);
				MatchingResult pruned = new MatchingEngine(null, PRUNED).solve(problem, Objective.OPTIMAL, Progress.NONE);
				assertThat(full.optimality().proven()).isTrue();
				assertThat(pruned.optimality().proven()).as("%s seed %d: %s", rule, seed, pruned.optimality()).isTrue();
				assertThat(pruned.totalScore()).as("%s seed %d", rule, seed).isEqualTo(full.totalScore());
				assertThat(pruned.metrics().violations()).isZero();
			}
		}
	}

	@Test
	void aPersonWhoBothMentorsAndLearnsIsNeverMatchedWithThemselves() {
		CriterionWeights weights = CriterionWeights.of(Map.of(Criterion.SENIORITY, 1.0));
		MenteeProfile ann = new MenteeProfile("ann", "", Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of());
		MenteeProfile bob = new MenteeProfile("bob", "", Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of());
		List<MentorProfile> mentors = List.of(mentor("ann", 3), mentor("bob", 3));
		float[] none = new float[4];
		MatchingProblem problem = MatchingProblem.builder().profiles(List.of(ann, bob), mentors, weights)
			.seniority(SeniorityRule.SAME_LEVEL).vectors(new float[][] { none, none }, new float[][] { none, none }).build();
		MatchingResult result = new MatchingEngine(null, EXACT).solve(problem, Objective.OPTIMAL, Progress.NONE);
		assertThat(result.pairs()).extracting(MatchedPair::mentee, MatchedPair::mentor).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("ann", "bob"), org.assertj.core.groups.Tuple.tuple("bob", "ann"));
	}
}
