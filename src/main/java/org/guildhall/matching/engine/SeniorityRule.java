package org.guildhall.matching.engine;

/**
 * Which way the seniority criterion looks: who should be the more senior of the two. Every rule
 * gives values from 0 to 1, so the criterion's most points stay its weight (the pruning bounds rely
 * on that).
 */
public enum SeniorityRule {

	/** Classic mentoring: the mentor is above the mentee; two levels above is best. */
	MENTOR_ABOVE("mentorAbove"),

	/** Reverse mentoring: a junior mentor teaches a senior mentee; two levels below is best. */
	MENTEE_ABOVE("menteeAbove"),

	/** Peer mentoring: the same level is best, one level apart less, far apart little. */
	SAME_LEVEL("sameLevel");

	/** Criterion value by levels above the other person (index 1–4; 5 or more give {@link #FAR}). */
	private static final double[] BY_GAP = { 0, 0.7, 1.0, 0.8, 0.6 };
	private static final double FAR = 0.4;
	/** Criterion value by levels apart for peers (index 0–2; 3 or more give {@link #PEERS_FAR}). */
	private static final double[] PEERS_BY_DISTANCE = { 1.0, 0.6, 0.2 };
	private static final double PEERS_FAR = 0.1;

	/** Level differences beyond this many give the same value under every rule. */
	static final int SPAN = 6;

	private final String key;

	SeniorityRule(String key) {
		this.key = key;
	}

	/** The name used in problem files. */
	public String key() {
		return key;
	}

	/** The rule with this file key, or {@code null}. */
	public static SeniorityRule fromKey(String key) {
		for (SeniorityRule rule : values()) {
			if (rule.key.equals(key)) {
				return rule;
			}
		}
		return null;
	}

	/** The criterion value (0–1) when the mentor's level minus the mentee's level is {@code difference}. */
	public double value(int difference) {
		switch (this) {
			case SAME_LEVEL: {
				int distance = Math.abs(difference);
				return distance < PEERS_BY_DISTANCE.length ? PEERS_BY_DISTANCE[distance] : PEERS_FAR;
			}
			case MENTEE_ABOVE:
				return above(-difference);
			default:
				return above(difference);
		}
	}

	private static double above(int gap) {
		if (gap <= 0) {
			return 0;
		}
		return gap < BY_GAP.length ? BY_GAP[gap] : FAR;
	}

	/**
	 * Values by difference clamped to ±{@link #SPAN}, at index {@code difference + SPAN}: a table for
	 * the scorer's hot loops.
	 */
	double[] table() {
		double[] table = new double[2 * SPAN + 1];
		for (int d = -SPAN; d <= SPAN; d++) {
			table[d + SPAN] = value(d);
		}
		return table;
	}

	/**
	 * The reason in words a mentee understands, for a pair whose mentor's level minus the mentee's
	 * level is {@code difference}.
	 */
	String reason(int difference) {
		switch (this) {
			case SAME_LEVEL: {
				int distance = Math.abs(difference);
				return distance == 0 ? "At the same level as you: you can learn from each other as peers"
						: distance == 1 ? "One level apart from you: close enough to learn from each other as peers"
								: distance + " levels apart from you";
			}
			case MENTEE_ABOVE:
				return -difference == 1 ? "One level more junior than you: reverse mentoring brings a view from closer to the work"
						: -difference + " levels more junior than you: reverse mentoring brings a view from closer to the work";
			default:
				return difference == 1 ? "One level more senior than you" : difference + " levels more senior than you";
		}
	}
}
