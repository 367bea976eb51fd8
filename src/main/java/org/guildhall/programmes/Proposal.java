package org.guildhall.programmes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A proposed pair of a run, with its score and reasons; {@code pinned} when the manager fixed it.
 *
 * @param choiceRank where the mentor stood among the mentors the run allowed the mentee, by score
 *        (1 = the best-scoring), as the matching engine ranked them; null for runs made before it was
 *        kept and for pinned pairs the engine did not rank
 */
public record Proposal(long menteeId, String menteeName, long mentorId, String mentorName, double score, boolean pinned,
		List<String> reasons, @Nullable Integer choiceRank) {

	/** The reasons as the programme manager reads them: about the pair, not addressed to the mentee. */
	public List<String> reasonsAboutThePair() {
		return reasons.stream().map(PairReasons::forManager).toList();
	}

	/** Whether the mentor was one of the mentee's three best-scoring eligible mentors. */
	public boolean topThreeChoice() {
		return choiceRank != null && choiceRank <= 3;
	}
}
