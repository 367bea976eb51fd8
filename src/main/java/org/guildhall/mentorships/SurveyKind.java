package org.guildhall.mentorships;

/** The two surveys of a mentorship: halfway through its planned weeks, and at the end. */
public enum SurveyKind {
	MIDPOINT, FINAL;

	public String label() {
		return this == MIDPOINT ? "Mid-point survey" : "Final survey";
	}
}
