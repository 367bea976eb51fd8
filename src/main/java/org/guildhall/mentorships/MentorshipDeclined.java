package org.guildhall.mentorships;

import org.jspecify.annotations.Nullable;

/** An invitation or request was declined by {@code declinedBy}, with an optional reason. */
public record MentorshipDeclined(long mentorshipId, long programmeId, long mentorId, long menteeId, long declinedBy,
		@Nullable String reason) {
}
