package org.guildhall.people;

/** Whether a person is open to mentoring, and on which side. */
public enum MentoringRole {
	NONE, MENTOR, MENTEE, BOTH;

	public boolean mentors() {
		return this == MENTOR || this == BOTH;
	}

	public boolean learns() {
		return this == MENTEE || this == BOTH;
	}
}
