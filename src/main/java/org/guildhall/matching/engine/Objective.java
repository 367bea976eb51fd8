package org.guildhall.matching.engine;

import java.util.Locale;

/** What a matching run optimises. */
public enum Objective {

	/** Maximum total score; exact, with a dual certificate. */
	OPTIMAL,

	/** Most mentees matched, then the highest lowest score, then the highest total; exact. */
	FAIR,

	/** Mentee-proposing deferred acceptance: no blocking pair. */
	STABLE;

	/** The objective named on the command line or in a file ({@code optimal|fair|stable}). */
	public static Objective parse(String name) {
		for (Objective objective : values()) {
			if (objective.name().equalsIgnoreCase(name)) {
				return objective;
			}
		}
		throw new InvalidProblemException("objective '" + name + "' is not one of optimal, fair, stable");
	}

	/** The lower-case name used in files. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
