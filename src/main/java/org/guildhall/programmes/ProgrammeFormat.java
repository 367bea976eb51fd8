package org.guildhall.programmes;

import org.guildhall.matching.engine.SeniorityRule;

/** How mentors and mentees meet in a programme; each format changes matching and the mentorships it makes. */
public enum ProgrammeFormat {
	/** One mentor, one mentee. */
	ONE_TO_ONE("One mentor and one mentee meet regularly for the whole programme."),
	/** A group circle: one mentor and several mentees. */
	GROUP("One mentor leads a small group of mentees (the group size is the places per mentor) and can meet the whole group at once."),
	/** Colleagues at the same level learn from each other. */
	PEER("Colleagues at about the same level learn from each other; everyone joins as both mentor and mentee."),
	/** Junior people mentor senior ones (e.g. on new technology). */
	REVERSE("A more junior colleague mentors a more senior one, for example on new technology or ways of working."),
	/** A single session. */
	FLASH("A single session on one question: no agreement or cadence needed, and it completes by itself after the meeting.");

	private final String explanation;

	ProgrammeFormat(String explanation) {
		this.explanation = explanation;
	}

	/** What the format means, in one sentence for the programme page and form. */
	public String explanation() {
		return explanation;
	}

	/** The format's name in words ("one to one", "flash"). */
	public String label() {
		return name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
	}

	/** Which way seniority counts in matching: mentors below their mentees in reverse mentoring, peers at the same level. */
	public SeniorityRule seniorityRule() {
		return switch (this) {
			case REVERSE -> SeniorityRule.MENTEE_ABOVE;
			case PEER -> SeniorityRule.SAME_LEVEL;
			default -> SeniorityRule.MENTOR_ABOVE;
		};
	}

	/** Whether mentors take the programme's group size rather than choosing their own number of places. */
	public boolean groupSized() {
		return this == GROUP;
	}

	/** The side the enrolment form offers first: both in a peer programme; otherwise nobody is preselected. */
	public @org.jspecify.annotations.Nullable EnrolmentRole defaultRole() {
		return this == PEER ? EnrolmentRole.BOTH : null;
	}
}
