package org.guildhall.mentorships;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of a list of mentorships: for its own people ("My mentorships") and for the programme's
 * managers. It carries counts and health only, never the text of notes, goals or feedback.
 * {@code nextMeetingAt} is the start of the next meeting not cancelled, if one is planned.
 */
public record MentorshipSummary(long id, long programmeId, String programmeName, long mentorId, String mentorName,
		long menteeId, String menteeName, MentorshipStatus status, boolean requested, Instant createdAt,
		@Nullable Instant startedAt, @Nullable Integer cadenceDays, boolean agreed, int goals, int goalProgress,
		int meetingsHeld, int meetingsPlanned, @Nullable Instant lastMetAt, @Nullable Health health,
		@Nullable Instant nextMeetingAt) {
}
