package org.guildhall.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

/**
 * The figures of a result on problems small enough to work out on paper: each expected number is
 * derived in the comments, not taken from a run.
 */
class MetricsTest {

	private static final double EPS = 1e-9;

	/**
	 * Mentors m1 (3 places), m2 (1), m3 (0 places), m4 (2); mentees a–f with these listed pairs:
	 * a: m1 80, m2 60 | b: m1 70, m2 75 | c: m2 50, m4 40 | d: m4 30 | e: m1 20, m3 90 |
	 * f: m1 10, m2 15, m3 20, m4 25.
	 */
	private static MatchingProblem.Builder six() {
		MatchingProblem.Builder b = MatchingProblem.builder();
		b.mentor("m1", 3);
		b.mentor("m2", 1);
		b.mentor("m3", 0);
		b.mentor("m4", 2);
		for (String mentee : new String[] {"a", "b", "c", "d", "e", "f"}) {
			b.mentee(mentee);
		}
		b.pair("a", "m1", 80).pair("a", "m2", 60);
		b.pair("b", "m1", 70).pair("b", "m2", 75);
		b.pair("c", "m2", 50).pair("c", "m4", 40);
		b.pair("d", "m4", 30);
		b.pair("e", "m1", 20).pair("e", "m3", 90);
		b.pair("f", "m1", 10).pair("f", "m2", 15).pair("f", "m3", 20).pair("f", "m4", 25);
		return b;
	}

	/** The metrics of an assignment given as mentor ids per mentee id (null: unmatched). */
	private static MatchingMetrics metrics(MatchingProblem problem, String... mentorPerMentee) {
		int n = problem.menteeCount();
		int[] mentorOf = new int[n];
		int[] units = new int[n];
		PairGraph pairs = problem.scoredPairs;
		for (int i = 0; i < n; i++) {
			String mentor = mentorPerMentee[i];
			mentorOf[i] = mentor == null ? -1 : problem.mentorIndexForTest(mentor);
			int e = mentorOf[i] < 0 ? -1 : pairs.find(i, mentorOf[i]);
			units[i] = e < 0 ? 0 : pairs.weight(e);
		}
		BiPredicate<Integer, Integer> allowed = (i, j) -> pairs.find(i, j) >= 0;
		return Metrics.of(problem, mentorOf, units, pairs, Preferences.of(pairs, problem), allowed);
	}

	@Test
	void figuresOfAValidAssignment() {
		MatchingProblem problem = six().build();
		// a–m1 80, b–m2 75, c–m4 40, d unmatched, e–m1 20, f–m1 10
		MatchingMetrics metrics = metrics(problem, "m1", "m2", "m4", null, "m1", "m1");

		assertThat(metrics.mentees()).isEqualTo(6);
		assertThat(metrics.matched()).isEqualTo(5);
		assertThat(metrics.matchedShare()).isCloseTo(5 / 6.0, within(EPS));
		assertThat(metrics.totalScore()).isCloseTo(225, within(EPS)); // 80 + 75 + 40 + 20 + 10
		assertThat(metrics.meanScore()).isCloseTo(45, within(EPS)); // 225 / 5
		assertThat(metrics.minScore()).isCloseTo(10, within(EPS));
		assertThat(metrics.p10Score()).as("nearest rank: ceil(0.1 × 5) = 1st lowest").isCloseTo(10, within(EPS));
		// a, b, e get their best or second-best, c its second; f gets m1, its fourth (25, 20, 15, 10)
		assertThat(metrics.top3Share()).isCloseTo(4 / 6.0, within(EPS));
		// loads over mentors with places: m1 3/3, m2 1/1, m4 1/2 (m3 has none and is left out)
		assertThat(metrics.mentorLoadMean()).isCloseTo(2.5 / 3, within(EPS));
		// variance = (1 + 1 + 0.25) / 3 − (2.5 / 3)² = 0.75 − 0.69444… = 0.05555…
		assertThat(metrics.mentorLoadStdDev()).isCloseTo(Math.sqrt(0.75 - (2.5 / 3) * (2.5 / 3)), within(EPS));
		assertThat(metrics.mentorLoadStdDev()).isCloseTo(0.2357, within(1e-4));
		assertThat(metrics.mentorLoadMin()).isCloseTo(0.5, within(EPS));
		assertThat(metrics.mentorLoadMax()).isCloseTo(1.0, within(EPS));
		assertThat(metrics.violations()).isZero();
		// d–m4 (d has nobody, m4 a free place) and f–m4 (f prefers m4 at 25 to m1 at 10; m4 has a free place).
		// Not blocking: c–m2 (m2 is full with b, whom it prefers), e–m3 and f–m3 (m3 has no places),
		// f–m2 (m2 prefers b).
		assertThat(metrics.blockingPairs()).isEqualTo(2);
	}

	@Test
	void aFullMentorWhoPrefersTheMenteeToItsWorstMakesABlockingPair() {
		MatchingProblem problem = six().build();
		// a–m2 60 instead of m1: a prefers m1 (80), and m1 (full with b, e, f) ranks a first, above its worst f
		MatchingMetrics metrics = metrics(problem, "m2", "m1", "m4", "m4", "m1", "m1");
		// a–m1 blocks; b prefers m2 (75) to m1 (70) but m2 ranks b 0th and holds a (1st): b–m2 blocks too;
		// c–m2: c ranks m2 first, m2 ranks c 2nd, worse than a → no; d, e, f as before except m4 now full
		// with c (rank 0) and d (rank 1): f–m4 (f ranks 2nd at m4) → no
		assertThat(metrics.blockingPairs()).isEqualTo(2);
		assertThat(metrics.mentorLoadMin()).as("m2 1/1, m1 3/3, m4 2/2").isCloseTo(1.0, within(EPS));
		assertThat(metrics.mentorLoadStdDev()).isCloseTo(0.0, within(EPS));
		assertThat(metrics.matchedShare()).isCloseTo(1.0, within(EPS));
		assertThat(metrics.totalScore()).isCloseTo(60 + 70 + 40 + 30 + 20 + 10, within(EPS));
	}

	@Test
	void everyBrokenRuleIsCounted() {
		MatchingProblem problem = six().forbid("a", "m1").require("c", "m4").manager("b", "m1").build();
		// a–m1: forbidden (1). b–m1: b reports to m1 (1). c–m2: c's required mentor is m4 (1). c, e and f
		// fill m2 (1 place) with three: over capacity by 2. e–m2 is not a listed pair (1).
		MatchingMetrics metrics = metrics(problem, "m1", "m1", "m2", null, "m2", "m2");
		assertThat(metrics.violations()).isEqualTo(1 + 1 + 1 + 2 + 1);
	}

	@Test
	void aRequiredPairThatIsKeptIsNoViolationAndAMissingOneIs() {
		MatchingProblem problem = six().require("c", "m4").build();
		assertThat(metrics(problem, "m1", "m2", "m4", null, "m1", "m1").violations()).isZero();
		assertThat(metrics(problem, "m1", "m2", null, null, "m1", "m1").violations()).isEqualTo(1);
	}

	@Test
	void theTenthPercentileIsTheNearestRank() {
		// eleven mentees with one mentor of eleven places, scoring 1, 2, …, 11: ceil(0.1 × 11) = 2nd lowest
		MatchingProblem.Builder b = MatchingProblem.builder();
		b.mentor("m", 11);
		String[] assignment = new String[11];
		for (int k = 1; k <= 11; k++) {
			String mentee = "x" + (char) ('a' + k);
			b.mentee(mentee);
			b.pair(mentee, "m", k);
			assignment[k - 1] = "m";
		}
		MatchingMetrics metrics = metrics(b.build(), assignment);
		assertThat(metrics.minScore()).isCloseTo(1, within(EPS));
		assertThat(metrics.p10Score()).isCloseTo(2, within(EPS));
		assertThat(metrics.meanScore()).isCloseTo(6, within(EPS)); // 66 / 11
		assertThat(metrics.mentorLoadMean()).isCloseTo(1, within(EPS));
		// one mentor: everyone is ranked by score, the mentee ranks its only mentor first
		assertThat(metrics.top3Share()).isCloseTo(1, within(EPS));
		assertThat(metrics.blockingPairs()).isZero();
	}

	@Test
	void nobodyMatchedAndNoPlacesGiveZerosNotNaNOrInfinity() {
		MatchingProblem.Builder b = MatchingProblem.builder();
		b.mentor("m", 0);
		b.mentee("a");
		b.pair("a", "m", 50);
		MatchingMetrics metrics = metrics(b.build(), (String) null);
		assertThat(metrics.matched()).isZero();
		assertThat(metrics.matchedShare()).isZero();
		assertThat(metrics.meanScore()).isZero();
		assertThat(metrics.minScore()).isZero();
		assertThat(metrics.p10Score()).isZero();
		assertThat(metrics.mentorLoadMean()).isZero();
		assertThat(metrics.mentorLoadStdDev()).isZero();
		assertThat(metrics.mentorLoadMin()).isZero();
		assertThat(metrics.mentorLoadMax()).isZero();
		assertThat(metrics.blockingPairs()).as("a mentor without places blocks nothing").isZero();

		MatchingProblem empty = MatchingProblem.builder().build();
		MatchingMetrics none = metrics(empty);
		assertThat(none.mentees()).isZero();
		assertThat(none.matchedShare()).isZero();
		assertThat(none.top3Share()).isZero();
	}
}
