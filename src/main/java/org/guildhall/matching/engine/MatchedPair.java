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
 * @param choiceRank where the mentor stands in the mentee's preference order among the mentors the
 *        run allowed them (1 = first): the mentee's own ranking first when the input has one, then by
 *        score, best first; mentors tied with it share its rank (1 + how many are strictly preferred).
 *        Null when the pair was required and the mentee had no candidates of their own to rank
 */
public record MatchedPair(String mentee, String mentor, double score, boolean required, Map<String, Double> criteria,
		List<String> reasons, Integer choiceRank) {

	/** A pair without a known rank in the mentee's preferences. */
	public MatchedPair(String mentee, String mentor, double score, boolean required, Map<String, Double> criteria,
			List<String> reasons) {
		this(mentee, mentor, score, required, criteria, reasons, null);
	}

	/** Whether the mentor was one of the mentee's three most preferred. */
	public boolean topThreeChoice() {
		return choiceRank != null && choiceRank <= 3;
	}
}
