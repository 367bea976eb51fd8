package org.guildhall.mentorships;

import java.time.Duration;
import java.time.Instant;

/** The two surveys of a mentorship: halfway through its planned weeks, and at the end. */
public enum SurveyKind {
	MIDPOINT, FINAL;

	/** When the survey is due: the mid-point after half the planned weeks, the final one a week before the end. */
	public Instant dueAt(Instant startedAt, int plannedWeeks) {
		long days = this == MIDPOINT ? plannedWeeks * 7L / 2 : Math.max(1, plannedWeeks * 7L - 7);
		return startedAt.plus(Duration.ofDays(days));
	}

	public String label() {
		return this == MIDPOINT ? "Mid-point survey" : "Final survey";
	}
}
