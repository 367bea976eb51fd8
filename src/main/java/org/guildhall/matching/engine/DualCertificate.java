package org.guildhall.matching.engine;

/**
 * A checkable proof of optimality for a b-matching: mentee values {@code u ≥ 0} and mentor values
 * {@code v ≥ 0} with {@code u_i + v_j ≥ W_ij} on every allowed pair. Their sum
 * {@code Σu + Σ capacity·v} bounds every matching's total from above (linear-programming duality),
 * so a matching whose total equals it is optimal, and the difference is a proven gap otherwise.
 *
 * @param bound the dual objective (an upper bound on the optimum), in weight units
 * @param total the matching's total, in weight units
 * @param uncovered pairs on which the dual is infeasible (must be 0 for the bound to hold)
 */
record DualCertificate(long bound, long total, long uncovered) {

	/** True when the bound holds and equals the total. */
	boolean provesOptimal() {
		return uncovered == 0 && bound == total;
	}

	/** Checks duals against every enabled edge of the graph, independently of the solver. */
	static DualCertificate check(AugmentingPaths solver, PairGraph graph, boolean[] active, int[] capacity, long[] u,
			long[] v) {
		long bound = 0;
		long total = 0;
		long uncovered = 0;
		for (int i = 0; i < graph.menteeCount(); i++) {
			if (!active[i]) {
				continue;
			}
			bound += u[i];
			for (int e = graph.start(i); e < graph.end(i); e++) {
				long w = solver.weightOf(e);
				if (w == Long.MIN_VALUE) {
					continue;
				}
				int j = graph.mentor(e);
				if (capacity[j] == 0) {
					// A full mentor's value can be raised at no cost, so its pairs never bind.
					continue;
				}
				if (u[i] + v[j] < w) {
					uncovered++;
				}
				if (solver.mentorOf[i] == j) {
					total += w;
				}
			}
		}
		for (int j = 0; j < graph.mentorCount(); j++) {
			bound += capacity[j] * v[j];
		}
		return new DualCertificate(bound, total, uncovered);
	}
}
