package org.guildhall.mentorships;

import java.time.Instant;
import java.util.List;

import org.guildhall.programmes.ProgrammeFormat;
import org.jspecify.annotations.Nullable;

/**
 * A mentorship as its two people see it, without goals and meetings (see {@link MentorshipDetail}).
 * {@code format} is its programme's: a flash mentorship is one session, and in a group programme the
 * mentees of the same mentor form a group.
 */
public record Mentorship(long id, long programmeId, String programmeName, Participant mentor, Participant mentee,
		MentorshipStatus status, boolean requested, @Nullable String requestMessage, boolean mentorAccepted,
		boolean menteeAccepted, @Nullable Double matchScore, List<String> matchReasons, int plannedWeeks,
		Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable String closeReason,
		Agreement agreement, ProgrammeFormat format) {

	/** A single session: no agreement or cadence, the check-in after it is the final survey, and it completes by itself. */
	public boolean flash() {
		return format == ProgrammeFormat.FLASH;
	}

	/** One of the mentor's group in a group programme. */
	public boolean inGroup() {
		return format == ProgrammeFormat.GROUP;
	}

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
