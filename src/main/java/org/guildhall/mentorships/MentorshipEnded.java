package org.guildhall.mentorships;

import org.jspecify.annotations.Nullable;

/**
 * An active mentorship finished: completed as agreed, or ended early with a reason.
 * {@code finalSurvey} says whether a final survey waits for the pair (not after a flash session,
 * whose check-in was the survey).
 */
public record MentorshipEnded(long mentorshipId, long programmeId, long mentorId, long menteeId, boolean completed,
		@Nullable String reason, boolean finalSurvey) {
}
