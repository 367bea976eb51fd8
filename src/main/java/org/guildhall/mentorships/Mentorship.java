package org.guildhall.mentorships;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A mentorship as its two people see it, without goals and meetings (see {@link MentorshipDetail}). */
public record Mentorship(long id, long programmeId, String programmeName, Participant mentor, Participant mentee,
		MentorshipStatus status, boolean requested, @Nullable String requestMessage, boolean mentorAccepted,
		boolean menteeAccepted, @Nullable Double matchScore, List<String> matchReasons, int plannedWeeks,
		Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable String closeReason,
		Agreement agreement) {

	/** The person on the other side from {@code personId}. */
	public Participant other(long personId) {
		return mentor.id() == personId ? mentee : mentor;
	}

	/** Whether {@code personId} still has to answer the invitation or request. */
	public boolean awaitsAnswerFrom(long personId) {
		if (status == MentorshipStatus.REQUESTED) {
			return personId == mentor.id();
		}
		return status == MentorshipStatus.INVITED
				&& ((personId == mentor.id() && !mentorAccepted) || (personId == mentee.id() && !menteeAccepted));
	}
}
