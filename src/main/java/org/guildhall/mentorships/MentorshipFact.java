package org.guildhall.mentorships;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a read model needs to know about one mentorship, without its private content: states and
 * dates, the agreed cadence, goal counts, the start times of its meetings and the ratings of its
 * surveys and check-ins (never their comments, never who gave which rating).
 *
 * @param meetings start times of the meetings not cancelled, past and planned
 * @param ratings one entry per answered survey or check-in
 */
public record MentorshipFact(long id, long programmeId, @Nullable Long runId, long mentorId, long menteeId,
		MentorshipStatus status, boolean requested, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant endedAt, @Nullable String closeReason, @Nullable Integer cadenceDays, int plannedWeeks,
		@Nullable Double matchScore, int goals, int goalsAchieved, List<Instant> meetings, List<Rating> ratings) {

	/** Which kind of feedback a rating answered. */
	public enum FeedbackKind {
		MIDPOINT, FINAL, CHECK_IN
	}

	/** One rating from 1 to 5, and whether the mentor (or the mentee) gave it. */
	public record Rating(FeedbackKind kind, boolean byMentor, int rating) {
	}
}
