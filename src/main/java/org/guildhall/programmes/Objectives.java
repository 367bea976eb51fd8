package org.guildhall.programmes;

import java.util.Locale;

/** The objectives of a bulk matching run and blocking pairs, each explained in one sentence for the manager. */
public final class Objectives {

	/** What a blocking pair is, in one sentence. */
	public static final String BLOCKING_PAIR = "A blocking pair is a mentee and a mentor who would both rather be"
			+ " matched with each other than with whom this run gave them, so the pair is tempted to go around the match.";

	private Objectives() {
	}

	/** The objective's aim in one sentence; {@code objective} is OPTIMAL, FAIR or STABLE in any case. */
	public static String explain(String objective) {
		return switch (objective.toUpperCase(Locale.ROOT)) {
			case "OPTIMAL" -> "Optimal makes the total score of all pairs as high as it can be, even if a few mentees get a weaker match.";
			case "FAIR" -> "Fair matches as many mentees as it can, then makes the lowest pair score as high as it can, then the total, so nobody gets a poor match to help the others.";
			case "STABLE" -> "Stable lets mentees propose to mentors in their order of preference, so no mentee and mentor would both rather be with each other than with whom they got.";
			default -> objective;
		};
	}
}
