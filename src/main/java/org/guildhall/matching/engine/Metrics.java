package org.guildhall.matching.engine;

import java.util.Arrays;

/** Computes {@link MatchingMetrics} and independently re-checks the hard rules. */
final class Metrics {

	private Metrics() {
	}

	/**
	 * @param mentorOf final mentor per mentee (required pairs included), -1 unmatched
	 * @param units score of each matched mentee's pair in units
	 * @param allowed checks whether a pair is allowed at all (scored: listed; profiles: musts met)
	 */
	static MatchingMetrics of(MatchingProblem problem, int[] mentorOf, int[] units, PairGraph candidates,
			Preferences preferences, java.util.function.BiPredicate<Integer, Integer> allowed) {
		int n = problem.menteeCount();
		int m = problem.mentorCount();
		int[] load = new int[m];
		int violations = 0;
		int matched = 0;
		long total = 0;
		int[] scores = new int[n];
		for (int i = 0; i < n; i++) {
			int j = mentorOf[i];
			int required = problem.requiredMentor[i];
			if (required >= 0 && required != j) {
				violations++;
			}
			if (j < 0) {
				continue;
			}
			load[j]++;
			scores[matched++] = units[i];
			total += units[i];
			if (problem.breaksHardRule(i, j) || (required != j && !allowed.test(i, j))) {
				violations++;
			}
		}
		double loadSum = 0;
		double loadSquares = 0;
		double loadMin = Double.POSITIVE_INFINITY;
		double loadMax = 0;
		int mentorsWithCapacity = 0;
		for (int j = 0; j < m; j++) {
			if (load[j] > problem.capacity[j]) {
				violations += load[j] - problem.capacity[j];
			}
			if (problem.capacity[j] > 0) {
				double ratio = load[j] / (double) problem.capacity[j];
				loadSum += ratio;
				loadSquares += ratio * ratio;
				loadMin = Math.min(loadMin, ratio);
				loadMax = Math.max(loadMax, ratio);
				mentorsWithCapacity++;
			}
		}
		double loadMean = mentorsWithCapacity == 0 ? 0 : loadSum / mentorsWithCapacity;
		double loadStd = mentorsWithCapacity == 0 ? 0
				: Math.sqrt(Math.max(0, loadSquares / mentorsWithCapacity - loadMean * loadMean));
		int[] sorted = Arrays.copyOf(scores, matched);
		Arrays.sort(sorted);
		double min = matched == 0 ? 0 : Scores.toScore(sorted[0]);
		double p10 = matched == 0 ? 0 : Scores.toScore(sorted[Math.max(0, (int) Math.ceil(0.1 * matched) - 1)]);
		double mean = matched == 0 ? 0 : Scores.toScore(total) / matched;
		long blocking = blockingPairs(problem, mentorOf, candidates, preferences);
		int top3 = 0;
		for (int i = 0; i < n; i++) {
			int j = mentorOf[i];
			if (j < 0) {
				continue;
			}
			int e = candidates.find(i, j);
			if (e >= 0 && preferences.menteeTiedRankOfEdge[e] < 3) {
				top3++;
			}
		}
		return new MatchingMetrics(n, matched, n == 0 ? 0 : matched / (double) n, Scores.toScore(total), mean, min,
				p10, blocking, n == 0 ? 0 : top3 / (double) n, loadMean, loadStd,
				mentorsWithCapacity == 0 ? 0 : loadMin, loadMax, violations);
	}

	/**
	 * Candidate pairs (mentee not in a required pair) where the mentee prefers the mentor to what
	 * it got and the mentor has a free place or prefers the mentee to its least preferred mentee
	 * that it could release (required mentees cannot be released).
	 */
	static long blockingPairs(MatchingProblem problem, int[] mentorOf, PairGraph candidates, Preferences preferences) {
		int n = problem.menteeCount();
		int m = problem.mentorCount();
		int[] free = new int[m];
		int[] worst = new int[m];
		Arrays.fill(worst, -1);
		for (int j = 0; j < m; j++) {
			free[j] = problem.capacity[j];
		}
		for (int i = 0; i < n; i++) {
			int j = mentorOf[i];
			if (j < 0) {
				continue;
			}
			free[j]--;
			if (problem.requiredMentor[i] == j) {
				continue;
			}
			int e = candidates.find(i, j);
			int rank = e >= 0 ? preferences.mentorRankOfEdge[e] : Integer.MAX_VALUE;
			worst[j] = Math.max(worst[j], rank);
		}
		long blocking = 0;
		for (int i = 0; i < n; i++) {
			if (problem.requiredMentor[i] >= 0) {
				continue;
			}
			int own = mentorOf[i];
			int ownEdge = own < 0 ? -1 : candidates.find(i, own);
			int ownRank = ownEdge < 0 ? Integer.MAX_VALUE : preferences.menteeRankOfEdge[ownEdge];
			for (int e = candidates.start(i); e < candidates.end(i); e++) {
				int j = candidates.mentor(e);
				if (j == own || preferences.menteeRankOfEdge[e] >= ownRank || problem.capacity[j] == 0) {
					continue;
				}
				if (free[j] > 0 || (worst[j] >= 0 && preferences.mentorRankOfEdge[e] < worst[j])) {
					blocking++;
				}
			}
		}
		return blocking;
	}
}
