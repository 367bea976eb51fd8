package org.guildhall.matching.engine;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/** Independent exact answers from Google OR-Tools' min-cost flow, in score units. */
final class OrToolsReference {

	static {
		Loader.loadNativeLibraries();
	}

	private OrToolsReference() {
	}

	/**
	 * Maximum total weight over b-matchings of the active mentees on the edges with weight at
	 * least {@code threshold}; with {@code forcedCardinality ≥ 0}, among matchings of exactly that
	 * many mentees (-1 when impossible).
	 */
	static long maxWeight(PairGraph graph, int[] capacity, boolean[] active, int threshold, int forcedCardinality) {
		int n = graph.menteeCount();
		int m = graph.mentorCount();
		int source = n + m;
		int sink = n + m + 1;
		MinCostFlow flow = new MinCostFlow();
		int activeCount = 0;
		for (int i = 0; i < n; i++) {
			if (!active[i]) {
				continue;
			}
			activeCount++;
			flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
			if (forcedCardinality < 0) {
				flow.addArcWithCapacityAndUnitCost(i, sink, 1, 0);
			}
			for (int e = graph.start(i); e < graph.end(i); e++) {
				if (graph.weight(e) >= threshold) {
					flow.addArcWithCapacityAndUnitCost(i, n + graph.mentor(e), 1, -graph.weight(e));
				}
			}
		}
		for (int j = 0; j < m; j++) {
			flow.addArcWithCapacityAndUnitCost(n + j, sink, capacity[j], 0);
		}
		int units = forcedCardinality < 0 ? activeCount : forcedCardinality;
		flow.setNodeSupply(source, units);
		flow.setNodeSupply(sink, -units);
		MinCostFlowBase.Status status = flow.solve();
		if (status == MinCostFlowBase.Status.INFEASIBLE) {
			return -1;
		}
		if (status != MinCostFlowBase.Status.OPTIMAL) {
			throw new IllegalStateException("OR-Tools: " + status);
		}
		return -flow.getOptimalCost();
	}

	/** Most mentees that can be matched on edges with weight at least {@code threshold}. */
	static int maxCardinality(PairGraph graph, int[] capacity, boolean[] active, int threshold) {
		int n = graph.menteeCount();
		int m = graph.mentorCount();
		int source = n + m;
		int sink = n + m + 1;
		MinCostFlow flow = new MinCostFlow();
		for (int i = 0; i < n; i++) {
			if (!active[i]) {
				continue;
			}
			flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
			for (int e = graph.start(i); e < graph.end(i); e++) {
				if (graph.weight(e) >= threshold) {
					flow.addArcWithCapacityAndUnitCost(i, n + graph.mentor(e), 1, 0);
				}
			}
		}
		for (int j = 0; j < m; j++) {
			flow.addArcWithCapacityAndUnitCost(n + j, sink, capacity[j], 0);
		}
		flow.setNodeSupply(source, n);
		flow.setNodeSupply(sink, -n);
		flow.solveMaxFlowWithMinCost();
		return (int) flow.getMaximumFlow();
	}
}
