package org.guildhall.matching.engine;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one run.
 *
 * @param objective the objective solved
 * @param pairs matched pairs in mentee id order
 * @param unmatched ids of mentees without a mentor, in id order
 * @param totalScore sum of the pair scores
 * @param metrics figures about the result
 * @param optimality what is proven about it
 * @param stats sizes and timings of the steps (candidate pairs, rounds, milliseconds)
 */
public record MatchingResult(Objective objective, List<MatchedPair> pairs, List<String> unmatched, double totalScore,
		MatchingMetrics metrics, Optimality optimality, Map<String, Object> stats) {
}
