package org.guildhall.matching.engine;

import java.util.Arrays;

/**
 * Candidate pairs from a fully scored graph: each mentee's best K and each mentor's best
 * K × capacity; the rest are checked against the dual after solving ({@link #remainder}).
 */
final class GraphPruning {

	private GraphPruning() {
	}

	static PairGraph topK(PairGraph full, int k, int[] capacity, boolean[] active) {
		int n = full.menteeCount();
		int m = full.mentorCount();
		boolean[] keep = new boolean[full.edgeCount()];
		for (int i = 0; i < n; i++) {
			if (!active[i]) {
				continue;
			}
			int from = full.start(i);
			int size = full.end(i) - from;
			if (size <= k) {
				Arrays.fill(keep, from, from + size, true);
				continue;
			}
			long[] keys = new long[size];
			for (int e = from; e < from + size; e++) {
				keys[e - from] = ((long) (Scores.MAX_UNITS - full.weight(e)) << 32) | (e - from);
			}
			Arrays.sort(keys);
			for (int r = 0; r < k; r++) {
				keep[from + (int) keys[r]] = true;
			}
		}
		int[][] byMentor = full.edgesByMentor();
		int[] menteeOf = full.menteeOfEdges();
		for (int j = 0; j < m; j++) {
			int limit = (int) Math.min(Integer.MAX_VALUE, (long) k * capacity[j]);
			int[] edges = byMentor[j];
			long[] keys = new long[edges.length];
			int size = 0;
			for (int r = 0; r < edges.length; r++) {
				if (active[menteeOf[edges[r]]]) {
					keys[size++] = ((long) (Scores.MAX_UNITS - full.weight(edges[r])) << 32) | r;
				}
			}
			if (size > limit) {
				Arrays.sort(keys, 0, size);
			}
			for (int r = 0; r < Math.min(limit, size); r++) {
				keep[edges[(int) keys[r]]] = true;
			}
		}
		PairGraph.Builder out = new PairGraph.Builder(n, m);
		for (int i = 0; i < n; i++) {
			for (int e = full.start(i); e < full.end(i); e++) {
				if (keep[e]) {
					out.add(i, full.mentor(e), full.weight(e));
				}
			}
		}
		return out.build();
	}

	/**
	 * Exact pricing over every listed pair. Per mentee, only the {@code perMentee} most uncovered
	 * pairs join the graph in one round (column generation), which keeps each re-solve small.
	 */
	static Remainder remainder(PairGraph full, int perMentee) {
		return (u, v, active, capacity, candidates, added) -> {
			long raise = 0;
			long[] violations = new long[16];
			for (int i = 0; i < full.menteeCount(); i++) {
				if (!active[i]) {
					continue;
				}
				long need = 0;
				int count = 0;
				for (int e = full.start(i); e < full.end(i); e++) {
					int j = full.mentor(e);
					long slack = u[i] + v[j] - full.weight(e);
					if (slack < 0 && capacity[j] > 0 && candidates.find(i, j) < 0) {
						need = Math.max(need, -slack);
						if (count == violations.length) {
							violations = Arrays.copyOf(violations, count * 2);
						}
						// most uncovered first, then by edge (deterministic)
						violations[count++] = (slack << 32) | (e - full.start(i));
					}
				}
				if (count > perMentee) {
					Arrays.sort(violations, 0, count);
					count = perMentee;
				}
				for (int k = 0; k < count; k++) {
					int e = full.start(i) + (int) (violations[k] & 0xffffffffL);
					added.add(i, full.mentor(e), full.weight(e));
				}
				raise += need;
			}
			return raise;
		};
	}
}
