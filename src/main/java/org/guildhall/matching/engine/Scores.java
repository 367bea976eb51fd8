package org.guildhall.matching.engine;

/**
 * Scores are numbers from 0 to 100. The solvers work on whole units of 0.0001 points so that
 * optimality is exact (integer arithmetic) and comparable with integer-cost reference solvers.
 */
public final class Scores {

	/** Units per score point. */
	public static final int SCALE = 10_000;

	/** The largest score, in units. */
	public static final int MAX_UNITS = 100 * SCALE;

	private Scores() {
	}

	/** Rounds a score (0–100) to whole units. */
	public static int toUnits(double score) {
		return (int) Math.round(score * SCALE);
	}

	/** A score in points from units. */
	public static double toScore(long units) {
		return units / (double) SCALE;
	}
}
