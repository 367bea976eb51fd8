package org.guildhall.programmes;

import java.util.List;

/** A proposed pair of a run, with its score and reasons; {@code pinned} when the manager fixed it. */
public record Proposal(long menteeId, String menteeName, long mentorId, String mentorName, double score, boolean pinned,
		List<String> reasons) {
}
