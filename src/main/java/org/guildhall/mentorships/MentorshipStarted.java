package org.guildhall.mentorships;

/** Both people accepted: the mentorship is active. */
public record MentorshipStarted(long mentorshipId, long programmeId, long mentorId, long menteeId) {
}
