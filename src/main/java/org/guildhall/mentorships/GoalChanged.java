package org.guildhall.mentorships;

/** A goal of a mentorship was added or its progress changed ({@code progress} 100 means achieved). */
public record GoalChanged(long mentorshipId, long goalId, int progress) {
}
