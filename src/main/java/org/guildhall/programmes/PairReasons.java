package org.guildhall.programmes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The matching engine explains a pair to the mentee ("can teach 1 of the 1 skills you want to
 * learn"). The manager reads about the pair instead, and the mentee never reads that the manager
 * pinned them: that is the manager's decision, not a reason the pair fits.
 */
public final class PairReasons {

	/** The engine's and the run's own words for a pair the manager fixed. */
	static final List<String> PINNED = List.of("Set by the programme as a required pair", "Pinned by the programme manager");

	private static final String[][] ABOUT_THE_PAIR = {
			{"skills you want to learn", "skills the mentee wants to learn"},
			{"your goals", "the mentee's goals"},
			{"widens your network", "widens the mentee's network"},
			{"^You both speak", "Both speak"},
			{"^You work the same hours", "They work the same hours"},
			{"^Your working hours overlap", "Their working hours overlap"},
			{"^You asked for each other", "They asked for each other"},
			{"^You asked for this mentor", "The mentee asked for this mentor"},
			{"^This mentor asked to mentor you", "The mentor asked to mentor this mentee"},
			{"^Your first choice", "The mentee's first choice"},
			{"^Your choice number", "The mentee's choice number"},
			{"^Your best-scoring mentor", "The mentee's best-scoring mentor"},
			{"^One of your three best-scoring", "One of the mentee's three best-scoring"},
			{"you can learn from each other", "they can learn from each other"},
			{"than you\\b", "than the mentee"},
			{"as you\\b", "as the mentee"},
			{"from you\\b", "from the mentee"}};

	private static final Pattern[] PATTERNS = new Pattern[ABOUT_THE_PAIR.length];

	static {
		for (int i = 0; i < ABOUT_THE_PAIR.length; i++) {
			PATTERNS[i] = Pattern.compile(ABOUT_THE_PAIR[i][0]);
		}
	}

	private PairReasons() {
	}

	/** A reason as the programme manager reads it: about the pair, not to the mentee. */
	public static String forManager(String reason) {
		String text = reason;
		for (int i = 0; i < PATTERNS.length; i++) {
			text = PATTERNS[i].matcher(text).replaceAll(ABOUT_THE_PAIR[i][1]);
		}
		return text;
	}

	/** The reasons the mentee and mentor are told: without the manager's pin. */
	static List<String> forMentee(List<String> reasons) {
		return reasons.stream().filter(r -> !PINNED.contains(r)).toList();
	}
}
