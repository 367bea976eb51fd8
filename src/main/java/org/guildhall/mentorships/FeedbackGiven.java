package org.guildhall.mentorships;

/**
 * Someone in a mentorship answered a survey or a check-in. Carries no rating or comment: listeners
 * that count ratings read them as facts, and nobody learns who said what.
 */
public record FeedbackGiven(long mentorshipId, long authorId) {
}
