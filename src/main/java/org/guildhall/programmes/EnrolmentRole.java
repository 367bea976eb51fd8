package org.guildhall.programmes;

/** The side someone takes in a programme. */
public enum EnrolmentRole {
	MENTOR, MENTEE, BOTH;

	public boolean mentors() {
		return this != MENTEE;
	}

	public boolean learns() {
		return this != MENTOR;
	}
}
