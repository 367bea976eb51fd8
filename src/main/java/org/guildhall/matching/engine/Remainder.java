package org.guildhall.matching.engine;

/**
 * The allowed pairs left out of the candidate graph. After a solve, it finds the left-out pairs
 * that the dual solution does not cover ({@code u_i + v_j < w_ij}); those must join the graph
 * before the result can be called optimal.
 */
interface Remainder {

	/**
	 * @param added receives uncovered pairs (mentee, mentor, units)
	 * @return how much the mentee duals must rise in total to cover every left-out pair (0 when
	 *         the dual is feasible on the full problem)
	 */
	long price(long[] u, long[] v, boolean[] active, int[] capacity, PairGraph candidates, PairGraph.Builder added);

	/** Nothing was left out. */
	Remainder NONE = (u, v, active, capacity, candidates, added) -> 0;
}
