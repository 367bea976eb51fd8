package org.guildhall.matching.engine;

import java.util.List;
import java.util.Map;

/**
 * One pair of a result.
 *
 * @param mentee mentee id
 * @param mentor mentor id
 * @param score compatibility 0–100
 * @param required whether the input required this pair
 * @param criteria score of each criterion, 0–100 (empty when scores were supplied)
 * @param reasons the two or three strongest reasons, in plain words
 */
public record MatchedPair(String mentee, String mentor, double score, boolean required, Map<String, Double> criteria,
		List<String> reasons) {
}
