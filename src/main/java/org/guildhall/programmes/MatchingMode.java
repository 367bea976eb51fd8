package org.guildhall.programmes;

/** Who decides the pairs. */
public enum MatchingMode {
	/** The programme manager runs a bulk match and publishes it. */
	BULK,
	/** Mentees choose from recommended mentors. */
	SELF_SELECT,
	BOTH
}
