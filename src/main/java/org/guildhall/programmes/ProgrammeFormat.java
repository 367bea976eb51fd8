package org.guildhall.programmes;

/** How mentors and mentees meet in a programme. */
public enum ProgrammeFormat {
	/** One mentor, one mentee. */
	ONE_TO_ONE,
	/** A group circle: one mentor and several mentees. */
	GROUP,
	/** Colleagues at the same level learn from each other. */
	PEER,
	/** Junior people mentor senior ones (e.g. on new technology). */
	REVERSE,
	/** A single session. */
	FLASH
}
