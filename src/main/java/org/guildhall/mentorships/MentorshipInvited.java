package org.guildhall.mentorships;

/**
 * A mentorship was proposed to both people: published from a bulk match ({@code requested} false)
 * or asked for by the mentee in self-select ({@code requested} true, only the mentor must answer).
 */
public record MentorshipInvited(long mentorshipId, long programmeId, long mentorId, long menteeId, boolean requested) {
}
