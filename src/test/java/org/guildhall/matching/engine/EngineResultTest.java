package org.guildhall.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * What a run hands back besides the pairs: the reasons on each pair, what is proven and how it is
 * worded, the unmatched mentees, the step figures, and the texts a profile problem embeds. Small
 * problems whose answers are worked out by hand.
 */
class EngineResultTest {

	private static final MatchingEngine.Options EXACT = new MatchingEngine.Options(10, 1_000_000, 2, 30, Long.MAX_VALUE);

	private static final MatchingEngine ENGINE = new MatchingEngine(null, EXACT);

	/**
	 * Mentors m1–m5 with one place each. Al's scores: m1 90, m2 80, m3 70, m4 60, m5 50. Bo wants only
	 * m1 (95), Cy only m2 (95), Di only m3 (95): the best total gives them those and Al m4 (his
	 * fourth). Ed has no listed pair at all.
	 */
	private static MatchingProblem.Builder crowd() {
		MatchingProblem.Builder b = MatchingProblem.builder();
		for (String mentor : List.of("m1", "m2", "m3", "m4", "m5")) {
			b.mentor(mentor, 1);
		}
		for (String mentee : List.of("al", "bo", "cy", "di", "ed")) {
			b.mentee(mentee);
		}
		b.pair("al", "m1", 90).pair("al", "m2", 80).pair("al", "m3", 70).pair("al", "m4", 60).pair("al", "m5", 50);
		b.pair("bo", "m1", 95).pair("cy", "m2", 95).pair("di", "m3", 95);
		return b;
	}

	private static Map<String, MatchedPair> byMentee(MatchingResult result) {
		return result.pairs().stream().collect(Collectors.toMap(MatchedPair::mentee, p -> p));
	}

	@Test
	void anOptimalRunIsProvenAndExplained() {
		MatchingResult result = ENGINE.solve(crowd().build(), Objective.OPTIMAL, Progress.NONE);

		Map<String, MatchedPair> pairs = byMentee(result);
		assertThat(pairs.get("al").mentor()).isEqualTo("m4");
		assertThat(pairs.get("al").score()).isEqualTo(60.0);
		assertThat(pairs.get("al").reasons()).containsExactly("Compatibility score 60.0 out of 100");
		assertThat(pairs.get("bo").reasons()).containsExactly("Compatibility score 95.0 out of 100", "Your best-scoring mentor");
		assertThat(pairs.get("bo").criteria()).isEmpty();
		assertThat(result.pairs()).extracting(MatchedPair::mentee).containsExactly("al", "bo", "cy", "di");
		assertThat(result.unmatched()).containsExactly("ed");
		assertThat(result.totalScore()).isEqualTo(60 + 95 * 3.0);
		assertThat(result.metrics().totalScore()).isEqualTo(result.totalScore());

		assertThat(result.optimality().proven()).isTrue();
		assertThat(result.optimality().gap()).isEqualTo(0.0);
		assertThat(result.optimality().basis())
			.isEqualTo("dual certificate: mentee and mentor values cover every allowed pair and sum to the total score");
		assertThat(result.stats()).containsEntry("candidatePairs", 8).containsEntry("allowedPairs", 8L)
			.containsEntry("rounds", 1).containsKeys("solveMillisRound1", "solverRound1", "pricingMillisRound1",
					"solvingMillis", "totalMillis")
			.doesNotContainKeys("embeddingMillis", "kernel", "addedPairsRound1");
	}

	@Test
	void theReasonNamesWhereTheMentorStandsForTheMentee() {
		// Al pinned to each of his mentors in turn (others are left without pairs by forbidding them)
		assertThat(alWith("m1")).containsExactly("Compatibility score 90.0 out of 100", "Your best-scoring mentor");
		assertThat(alWith("m2")).containsExactly("Compatibility score 80.0 out of 100", "One of your three best-scoring mentors");
		assertThat(alWith("m3")).containsExactly("Compatibility score 70.0 out of 100", "One of your three best-scoring mentors");
		assertThat(alWith("m4")).containsExactly("Compatibility score 60.0 out of 100");
	}

	private static List<String> alWith(String mentor) {
		MatchingProblem.Builder b = MatchingProblem.builder();
		for (String m : List.of("m1", "m2", "m3", "m4", "m5")) {
			b.mentor(m, 1);
		}
		b.mentee("al");
		b.pair("al", "m1", 90).pair("al", "m2", 80).pair("al", "m3", 70).pair("al", "m4", 60).pair("al", "m5", 50);
		b.require("al", mentor);
		MatchingResult result = ENGINE.solve(b.build(), Objective.OPTIMAL, Progress.NONE);
		MatchedPair pair = result.pairs().get(0);
		assertThat(pair.mentor()).isEqualTo(mentor);
		assertThat(pair.required()).isTrue();
		assertThat(pair.reasons().get(0)).isEqualTo("Set by the programme as a required pair");
		return pair.reasons().subList(1, pair.reasons().size());
	}

	@Test
	void aMenteesOwnRankingIsNamedInTheReason() {
		MatchingResult first = ENGINE.solve(crowd().menteeRanking("al", List.of("m4", "m5")).build(), Objective.OPTIMAL,
				Progress.NONE);
		assertThat(byMentee(first).get("al").reasons()).containsExactly("Compatibility score 60.0 out of 100",
				"Your first choice");
		MatchingResult second = ENGINE.solve(crowd().menteeRanking("al", List.of("m1", "m4")).build(), Objective.OPTIMAL,
				Progress.NONE);
		assertThat(byMentee(second).get("al").mentor()).isEqualTo("m4");
		assertThat(byMentee(second).get("al").reasons()).containsExactly("Compatibility score 60.0 out of 100",
				"Your choice number 2");
	}

	@Test
	void aRequiredPairKeepsItsListedScoreAndShowsAtMostThreeReasons() {
		MatchingResult result = ENGINE.solve(crowd().require("al", "m1").build(), Objective.OPTIMAL, Progress.NONE);
		Map<String, MatchedPair> pairs = byMentee(result);
		MatchedPair al = pairs.get("al");
		assertThat(al.mentor()).isEqualTo("m1");
		assertThat(al.required()).isTrue();
		assertThat(al.score()).isEqualTo(90.0);
		assertThat(al.reasons()).containsExactly("Set by the programme as a required pair", "Compatibility score 90.0 out of 100",
				"Your best-scoring mentor");
		assertThat(pairs).doesNotContainKey("bo");
		assertThat(result.unmatched()).containsExactly("bo", "ed");
		// Al 90, Cy 95, Di 95
		assertThat(result.totalScore()).isEqualTo(280.0);
		assertThat(result.metrics().violations()).isZero();
	}

	@Test
	void fairAndStableSayWhatTheyProve() {
		MatchingResult fair = ENGINE.solve(crowd().build(), Objective.FAIR, Progress.NONE);
		assertThat(fair.optimality().proven()).isTrue();
		assertThat(fair.optimality().gap()).isEqualTo(0.0);
		assertThat(fair.optimality().basis()).startsWith("exact: threshold search for the lowest score, dual certificate for the total; ");
		// the lowest score is raised as far as it goes: Al at m4 (60) leaves all four matched
		assertThat(fair.metrics().minScore()).isEqualTo(60.0);

		MatchingResult stable = ENGINE.solve(crowd().build(), Objective.STABLE, Progress.NONE);
		assertThat(stable.optimality().proven()).isFalse();
		assertThat(stable.optimality().gap()).isNull();
		assertThat(stable.optimality().basis())
			.isEqualTo("stable matching: no blocking pair among the allowed pairs; total score not optimised");
		assertThat(stable.metrics().blockingPairs()).isZero();
		// Bo, Cy and Di each get their only mentor; Al, whom m1–m3 rank below them, gets m4
		assertThat(byMentee(stable).get("al").mentor()).isEqualTo("m4");
	}

	@Test
	void aPrunedScoredRunSaysHowManyCandidatesItSolved() {
		// prune above 0 pairs: every scored optimal run is pruned to K = 1 and repaired by pricing
		MatchingEngine pruning = new MatchingEngine(null, new MatchingEngine.Options(1, 0, 1, 30, 0));
		MatchingResult result = pruning.solve(crowd().build(), Objective.OPTIMAL, Progress.NONE);
		assertThat(result.totalScore()).isEqualTo(345.0);
		assertThat(result.optimality().proven()).isTrue();
		int solved = (int) result.stats().get("candidatePairs");
		assertThat(result.optimality().basis()).startsWith("dual certificate: mentee and mentor values cover every allowed pair (")
			.contains("candidates solved; left-out pairs checked by score bounds and rescoring)");
		assertThat(solved).isLessThan(8);
		assertThat(result.stats()).containsEntry("allowedPairs", 8L);

		// not pruned for the other objectives
		MatchingResult fair = pruning.solve(crowd().build(), Objective.FAIR, Progress.NONE);
		assertThat(fair.stats()).containsEntry("candidatePairs", 8);
	}

	/**
	 * a: m1 90, m3 20 | b: m1 95, m2 60 | c: m2 70, m3 65; one place each. The best total is a–m1, b–m2,
	 * c–m3 = 215, and b–m2 is neither b's best mentor nor m2's best mentee: pruning to K = 1 leaves it out
	 * (the best on what is kept is b–m1 + c–m2 = 165) and only a pricing round brings it back.
	 */
	private static MatchingProblem hiddenOptimum() {
		MatchingProblem.Builder b = MatchingProblem.builder();
		for (String mentor : List.of("m1", "m2", "m3")) {
			b.mentor(mentor, 1);
		}
		for (String mentee : List.of("a", "b", "c")) {
			b.mentee(mentee);
		}
		b.pair("a", "m1", 90).pair("a", "m3", 20).pair("b", "m1", 95).pair("b", "m2", 60).pair("c", "m2", 70).pair("c", "m3", 65);
		return b.build();
	}

	@Test
	void aRunCutShortOfRoundsReportsTheGapInsteadOfAProof() {
		MatchingResult cut = new MatchingEngine(null, new MatchingEngine.Options(1, 0, 1, 1, 0))
			.solve(hiddenOptimum(), Objective.OPTIMAL, Progress.NONE);
		assertThat(cut.stats()).containsEntry("rounds", 1);
		assertThat(cut.totalScore()).isLessThan(215.0);
		assertThat(cut.optimality().proven()).isFalse();
		assertThat(cut.optimality().basis()).startsWith("dual bound ").contains(" vs total " + cut.totalScore());
		double bound = Double.parseDouble(cut.optimality().basis().replaceAll("^dual bound ([0-9.]+) vs total .*$", "$1"));
		assertThat(bound).isGreaterThanOrEqualTo(215.0);
		assertThat(cut.optimality().gap()).isCloseTo((bound - cut.totalScore()) / bound, within(1e-6));

		MatchingResult enough = new MatchingEngine(null, new MatchingEngine.Options(1, 0, 1, 30, 0))
			.solve(hiddenOptimum(), Objective.OPTIMAL, Progress.NONE);
		assertThat((int) enough.stats().get("rounds")).isGreaterThan(1);
		assertThat(enough.stats()).containsKey("addedPairsRound1");
		assertThat(enough.optimality().proven()).isTrue();
		assertThat(enough.optimality().gap()).isEqualTo(0.0);
		assertThat(enough.totalScore()).isEqualTo(215.0);
		assertThat(enough.pairs()).extracting(p -> p.mentee() + "-" + p.mentor()).containsExactly("a-m1", "b-m2", "c-m3");
	}

	@Test
	void optionsDefaultsAndAnotherK() {
		MatchingEngine.Options defaults = MatchingEngine.Options.defaults();
		assertThat(defaults.candidatesPerMentee()).isEqualTo(10);
		assertThat(defaults.pruneAbovePairs()).isEqualTo(1_000_000);
		assertThat(defaults.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors()));
		assertThat(defaults.maxRounds()).isEqualTo(30);
		assertThat(defaults.exactScoringPairs()).isEqualTo(2_000_000L);
		assertThat(defaults.withCandidatesPerMentee(4))
			.isEqualTo(new MatchingEngine.Options(4, 1_000_000, defaults.threads(), 30, 2_000_000L));
	}

	private static MatchingProblem.Builder profiles(boolean withVectors) {
		List<MenteeProfile> mentees = List.of(
				new MenteeProfile("e2", "Learn SQL tuning", Map.of(), 1, "IT", Set.of("en"), "UTC", null, List.of()),
				new MenteeProfile("e1", null, Map.of(), 1, "IT", Set.of("en"), "UTC", null, List.of()));
		List<MentorProfile> mentors = List.of(
				new MentorProfile("m2", 2, "Databases", null, Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of()),
				new MentorProfile("m1", 2, null, "  Speaker and writer  ", Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of()),
				new MentorProfile("m3", 2, "Java", "Platform lead", Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of()));
		MatchingProblem.Builder b = MatchingProblem.builder().profiles(mentees, mentors, CriterionWeights.defaults());
		if (withVectors) {
			// in the order added: e2, e1 and m2, m1, m3
			b.vectors(new float[][] {{1, 0}, {0, 1}}, new float[][] {{1, 0}, {0.6f, 0.8f}, {0, 1}});
		}
		return b;
	}

	@Test
	void profileTextsAreTheGoalsThenEachMentorsExpertiseAndBioInIdOrder() {
		assertThat(MatchingEngine.texts(profiles(false).build()))
			.containsExactly("", "Learn SQL tuning", "Speaker and writer", "Databases", "Java\nPlatform lead");
		assertThat(MatchingEngine.texts(profiles(true).build())).as("vectors given: nothing to embed").isEmpty();
		assertThat(MatchingEngine.texts(crowd().build())).as("scored pairs: nothing to embed").isEmpty();
	}

	@Test
	void profilesNeedAModelOrVectorsAndTheModelsVectorsGoToTheRightPeople() {
		assertThatThrownBy(() -> ENGINE.solve(profiles(false).build(), Objective.OPTIMAL, Progress.NONE))
			.isInstanceOf(InvalidProblemException.class)
			.hasMessage("profiles: no embedding model available to compare goals with expertise");

		// a stand-in model with a fixed vector per text: SQL goals sit with databases, an empty goal with Java
		Map<String, float[]> meaning = Map.of("", new float[] {0, 1}, "Learn SQL tuning", new float[] {1, 0},
				"Speaker and writer", new float[] {0.6f, 0.8f}, "Databases", new float[] {1, 0},
				"Java\nPlatform lead", new float[] {0, 1});
		List<List<String>> asked = new ArrayList<>();
		Embedder model = (texts, progress) -> {
			asked.add(List.copyOf(texts));
			return texts.stream().map(meaning::get).toArray(float[][]::new);
		};
		MatchingProblem withoutVectors = profiles(false).build();
		Map<String, List<MatchedPair>> ranked = new MatchingEngine(model, EXACT).rank(withoutVectors, 5, Progress.NONE);
		assertThat(asked).containsExactly(MatchingEngine.texts(withoutVectors));
		assertThat(ranked.get("e2")).extracting(MatchedPair::mentor).containsExactly("m2", "m1", "m3");
		assertThat(ranked.get("e1")).extracting(MatchedPair::mentor).containsExactly("m3", "m1", "m2");
		// the same vectors given directly (in the order the people were added) rank alike
		assertThat(ENGINE.rank(profiles(true).build(), 5, Progress.NONE)).isEqualTo(ranked);

		MatchingResult solved = new MatchingEngine(model, EXACT).solve(withoutVectors, Objective.OPTIMAL, Progress.NONE);
		assertThat(solved.pairs()).extracting(p -> p.mentee() + "-" + p.mentor()).containsExactly("e1-m3", "e2-m2");
		assertThat(solved.stats()).containsKeys("embeddingMillis", "kernel", "scoringMillis");
	}

	@Test
	void rankingListsTheBestMentorsFirstWithSharedRanksForTies() {
		assertThatThrownBy(() -> ENGINE.rank(crowd().build(), 3, Progress.NONE)).isInstanceOf(InvalidProblemException.class)
			.hasMessage("rank: needs profiles to score");

		Map<String, List<MatchedPair>> ranked = ENGINE.rank(profiles(true).build(), 2, Progress.NONE);
		assertThat(ranked.keySet()).containsExactly("e1", "e2");
		for (List<MatchedPair> list : ranked.values()) {
			assertThat(list).hasSizeLessThanOrEqualTo(2);
			assertThat(list).extracting(MatchedPair::score).isSortedAccordingTo((x, y) -> Double.compare(y, x));
			assertThat(list.get(0).choiceRank()).isEqualTo(1);
			for (int k = 1; k < list.size(); k++) {
				int expected = list.get(k).score() == list.get(k - 1).score() ? list.get(k - 1).choiceRank() : k + 1;
				assertThat(list.get(k).choiceRank()).isEqualTo(expected);
			}
			assertThat(list).allSatisfy(p -> {
				assertThat(p.required()).isFalse();
				assertThat(p.criteria()).isNotEmpty();
				assertThat(p.reasons()).isNotEmpty();
			});
		}
		Map<String, List<MatchedPair>> all = ENGINE.rank(profiles(true).build(), 10, Progress.NONE);
		assertThat(all.get("e1")).hasSize(3);
		assertThat(all.get("e1").subList(0, 2)).isEqualTo(ranked.get("e1"));
		assertThat(ENGINE.rank(profiles(true).build(), 0, Progress.NONE).get("e1")).isEmpty();
	}

	@Test
	void mentorsScoredAlikeShareARankAndAreListedById() {
		// e1's vector is [0, 1]: m1 [0, 1] and m3 differ; two identical mentors tie
		List<MenteeProfile> mentees = List.of(
				new MenteeProfile("e1", "g", Map.of(), 1, "IT", Set.of("en"), "UTC", null, List.of()));
		List<MentorProfile> mentors = List.of(
				new MentorProfile("mb", 1, "x", "", Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of()),
				new MentorProfile("ma", 1, "x", "", Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of()),
				new MentorProfile("mc", 1, "y", "", Map.of(), 3, "IT", Set.of("en"), "UTC", null, List.of()));
		MatchingProblem problem = MatchingProblem.builder().profiles(mentees, mentors, CriterionWeights.defaults())
			.vectors(new float[][] {{1, 0}}, new float[][] {{1, 0}, {1, 0}, {0, 1}}).build();
		List<MatchedPair> ranked = ENGINE.rank(problem, 3, Progress.NONE).get("e1");
		assertThat(ranked).extracting(MatchedPair::mentor).containsExactly("ma", "mb", "mc");
		assertThat(ranked).extracting(MatchedPair::choiceRank).containsExactly(1, 1, 3);
		assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(2).score());
	}
}
