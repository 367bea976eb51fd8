package org.guildhall.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Each pair carries where its mentor stood in the mentee's preferences (the order the run's top-3
 * share counts by), checked on a problem small enough to rank by hand.
 */
class ChoiceRankTest {

	private static final MatchingEngine.Options EXACT = new MatchingEngine.Options(10, 1_000_000, 2, 30, Long.MAX_VALUE);

	/**
	 * Four mentees, four mentors with one place each. Bo, Cy and Di each love a different one of
	 * m1–m3 (95) and care little for the rest; Al likes m1–m4 almost alike (90, 89, 88, 87). The best
	 * total (95 + 95 + 95 + 87) gives Al m4: his fourth choice. Everyone else gets their first.
	 */
	private static MatchingProblem.Builder four() {
		MatchingProblem.Builder b = MatchingProblem.builder();
		for (String mentor : List.of("m1", "m2", "m3", "m4")) {
			b.mentor(mentor, 1);
		}
		String[] mentees = {"al", "bo", "cy", "di"};
		for (String mentee : mentees) {
			b.mentee(mentee);
		}
		double[][] scores = {{90, 89, 88, 87}, {95, 60, 50, 10}, {60, 95, 50, 10}, {60, 50, 95, 10}};
		for (int i = 0; i < 4; i++) {
			for (int j = 0; j < 4; j++) {
				b.pair(mentees[i], "m" + (j + 1), scores[i][j]);
			}
		}
		return b;
	}

	private static Map<String, MatchedPair> solve(MatchingProblem problem) {
		MatchingResult result = new MatchingEngine(null, EXACT).solve(problem, Objective.OPTIMAL, Progress.NONE);
		assertThat(result.pairs()).hasSize(4);
		return result.pairs().stream().collect(Collectors.toMap(MatchedPair::mentee, p -> p));
	}

	@Test
	void aPairKnowsItsMentorsPlaceAmongTheMenteesBestScoring() {
		MatchingResult result = new MatchingEngine(null, EXACT).solve(four().build(), Objective.OPTIMAL, Progress.NONE);
		Map<String, MatchedPair> pairs = result.pairs().stream().collect(Collectors.toMap(MatchedPair::mentee, p -> p));
		assertThat(pairs.get("al").mentor()).isEqualTo("m4");
		assertThat(pairs.get("al").choiceRank()).isEqualTo(4);
		assertThat(pairs.get("al").topThreeChoice()).isFalse();
		assertThat(List.of("bo", "cy", "di")).allSatisfy(m -> assertThat(pairs.get(m).choiceRank()).isEqualTo(1));
		// the run's own figure counts the same thing: 3 of 4
		assertThat(result.metrics().top3Share()).isEqualTo(0.75);
		assertThat(pairs.values().stream().filter(MatchedPair::topThreeChoice).count() / 4.0).isEqualTo(result.metrics().top3Share());
	}

	@Test
	void mentorsTiedInScoreShareARank() {
		// Al scores m1-m4 alike: whichever he gets is a first choice, not a fourth by tie-break
		MatchingProblem.Builder b = MatchingProblem.builder();
		b.mentee("al");
		for (String mentor : List.of("m1", "m2", "m3", "m4")) {
			b.mentor(mentor, 1);
			b.pair("al", mentor, 70);
		}
		b.mentee("bo");
		b.pair("bo", "m1", 99);
		b.pair("bo", "m2", 50);
		MatchingResult result = new MatchingEngine(null, EXACT).solve(b.build(), Objective.OPTIMAL, Progress.NONE);
		assertThat(result.pairs()).allSatisfy(p -> assertThat(p.choiceRank()).isEqualTo(1));
		assertThat(result.metrics().top3Share()).isEqualTo(1.0);
	}

	@Test
	void aMenteesOwnRankingComesBeforeTheScores() {
		// Al asked for m4 first: the same pair is now his first choice
		Map<String, MatchedPair> pairs = solve(four().menteeRanking("al", List.of("m4")).build());
		assertThat(pairs.get("al").mentor()).isEqualTo("m4");
		assertThat(pairs.get("al").choiceRank()).isEqualTo(1);
	}

	@Test
	void aRequiredPairIsRankedLikeAnyOther() {
		// the manager pins Bo to m2, his second-best (60): Cy takes m1 or m3 instead
		Map<String, MatchedPair> pairs = solve(four().require("bo", "m2").build());
		assertThat(pairs.get("bo").mentor()).isEqualTo("m2");
		assertThat(pairs.get("bo").required()).isTrue();
		assertThat(pairs.get("bo").choiceRank()).as("m2 is Bo's second-best").isEqualTo(2);
	}
}
