package org.guildhall.programmes;

/** A programme manager's decision about one pair that every later run keeps. */
public record PairRule(long menteeId, String menteeName, long mentorId, String mentorName, Kind kind) {

	public enum Kind {
		/** The pair must be matched (also used to move a mentee to another mentor). */
		PIN,
		/** The pair must not be matched. */
		FORBID
	}
}
