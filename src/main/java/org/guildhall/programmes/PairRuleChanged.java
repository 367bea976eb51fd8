package org.guildhall.programmes;

import org.jspecify.annotations.Nullable;

/**
 * A programme manager pinned a pair (every later run keeps it), moved a mentee (pinned them to
 * another mentor than their earlier pin), forbade a pair, or removed such a rule.
 *
 * @param change {@code pinned}, {@code moved}, {@code forbidden} or {@code removed}
 * @param movedFrom for a move, the mentor the mentee was pinned to before
 */
public record PairRuleChanged(long programmeId, long menteeId, long mentorId, String change, @Nullable Long movedFrom,
		String by) {
}
