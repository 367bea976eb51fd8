package org.guildhall.matching.engine;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/** The exact reference for the benchmark: OR-Tools min-cost flow on the full graph. */
final class BenchReference {

	private BenchReference() {
	}

	/**
	 * Maximum-weight b-matching of all active mentees (each may stay unmatched). Returns the
	 * mentor of each mentee followed by the optimum total in units (index n).
	 */
	static long[] maxWeight(PairGraph graph, int[] capacity, boolean[] active) {
		Loader.loadNativeLibraries();
		int n = graph.menteeCount();
		int m = graph.mentorCount();
		int sink = n + m;
		MinCostFlow flow = new MinCostFlow(n + m + 1, graph.edgeCount() + n + m);
		int activeCount = 0;
		int[] firstArc = new int[n];
		for (int i = 0; i < n; i++) {
			if (!active[i]) {
				continue;
			}
			activeCount++;
			flow.setNodeSupply(i, 1);
			flow.addArcWithCapacityAndUnitCost(i, sink, 1, 0);
			firstArc[i] = -1;
			for (int e = graph.start(i); e < graph.end(i); e++) {
				int arc = flow.addArcWithCapacityAndUnitCost(i, n + graph.mentor(e), 1, -graph.weight(e));
				if (firstArc[i] < 0) {
					firstArc[i] = arc;
				}
			}
		}
		for (int j = 0; j < m; j++) {
			flow.addArcWithCapacityAndUnitCost(n + j, sink, capacity[j], 0);
		}
		flow.setNodeSupply(sink, -activeCount);
		MinCostFlowBase.Status status = flow.solve();
		if (status != MinCostFlowBase.Status.OPTIMAL) {
			throw new IllegalStateException("OR-Tools: " + status);
		}
		long[] out = new long[n + 1];
		java.util.Arrays.fill(out, 0, n, -1);
		for (int i = 0; i < n; i++) {
			if (!active[i] || firstArc[i] < 0) {
				continue;
			}
			for (int e = graph.start(i), arc = firstArc[i]; e < graph.end(i); e++, arc++) {
				if (flow.getFlow(arc) > 0) {
					out[i] = graph.mentor(e);
				}
			}
		}
		out[n] = -flow.getOptimalCost();
		return out;
	}
}
