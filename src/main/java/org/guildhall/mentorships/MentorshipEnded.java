package org.guildhall.mentorships;

import org.jspecify.annotations.Nullable;

/** An active mentorship finished: completed as agreed, or ended early with a reason. */
public record MentorshipEnded(long mentorshipId, long programmeId, long mentorId, long menteeId, boolean completed,
		@Nullable String reason) {
}
