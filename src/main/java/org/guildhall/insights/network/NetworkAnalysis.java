package org.guildhall.insights.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes the {@link NetworkFigures} of a {@link LearningGraph}: reach per department, crossing
 * links and the department link matrix, betweenness centrality (who bridges), clusters and
 * connected components. Deterministic: the same graph and options give the same figures (the exact
 * betweenness of a graph may differ in the last bits between thread counts).
 *
 * <p>Beyond the graph, betweenness needs about 40 bytes per person per thread and clustering about
 * 40 bytes per link while it runs. At 100,000 people and 1,000,000 links on 2 cores the whole
 * analysis took 3–6 s with the heap peaking under 80 MB (graph included); see
 * {@code NetworkScaleProbe} and {@code docs/insights-network.md}.
 */
public final class NetworkAnalysis {

	private NetworkAnalysis() {
	}

	/**
	 * How to analyse.
	 *
	 * @param exactLimit betweenness is exact (Brandes, O(people × links)) for graphs of at most this
	 *        many people and sampled above; 0 always samples
	 * @param epsilon for sampled betweenness, the largest error allowed on any person's normalised
	 *        value, in (0, 1)
	 * @param delta for sampled betweenness, the largest probability that some value misses
	 *        {@code epsilon}, in (0, 1)
	 * @param seed seeds the betweenness sample and the order in which clustering visits people
	 * @param topPeople how many bridging people to list, at least 0
	 * @param threads worker threads for betweenness, at least 1
	 */
	public record Options(int exactLimit, double epsilon, double delta, long seed, int topPeople, int threads) {

		/** Checks the ranges. */
		public Options {
			if (exactLimit < 0) {
				throw new IllegalArgumentException("exactLimit must be at least 0 but was " + exactLimit);
			}
			if (!(epsilon > 0 && epsilon < 1)) {
				throw new IllegalArgumentException("epsilon must be between 0 and 1 (exclusive) but was " + epsilon);
			}
			if (!(delta > 0 && delta < 1)) {
				throw new IllegalArgumentException("delta must be between 0 and 1 (exclusive) but was " + delta);
			}
			if (topPeople < 0) {
				throw new IllegalArgumentException("topPeople must be at least 0 but was " + topPeople);
			}
			if (threads < 1) {
				throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
			}
		}

		/**
		 * Exact up to 5,000 people (about 4 s there at 10 links per person on 2 cores; Brandes costs
		 * people × links), else sampled with ε = 0.01 and δ = 0.1: with 90% certainty every score is
		 * within 0.01 of the truth, enough to pick out the bridges that matter (the top scores in an
		 * organisation are several hundredths and more), at a cost that does not grow with the number
		 * of people. Seed 1, 20 people, every core.
		 */
		public static Options defaults() {
			return new Options(5_000, 0.01, 0.1, 1L, 20, Math.max(1, Runtime.getRuntime().availableProcessors()));
		}

		/** The same options with another exact limit (0 forces sampling). */
		public Options withExactLimit(int exactLimit) {
			return new Options(exactLimit, epsilon, delta, seed, topPeople, threads);
		}

		/** The same options with another error bound and failure probability. */
		public Options withBound(double epsilon, double delta) {
			return new Options(exactLimit, epsilon, delta, seed, topPeople, threads);
		}

		/** The same options with another seed. */
		public Options withSeed(long seed) {
			return new Options(exactLimit, epsilon, delta, seed, topPeople, threads);
		}

		/** The same options with another number of threads. */
		public Options withThreads(int threads) {
			return new Options(exactLimit, epsilon, delta, seed, topPeople, threads);
		}

		/** The same options listing another number of bridging people. */
		public Options withTopPeople(int topPeople) {
			return new Options(exactLimit, epsilon, delta, seed, topPeople, threads);
		}
	}

	/** Receives progress of the long steps; called from the analysing thread only. */
	@FunctionalInterface
	public interface Progress {

		/** No reporting. */
		Progress NONE = (step, done, total) -> {
		};

		/**
		 * Reports that {@code done} of {@code total} units of {@code step} are finished; steps are
		 * "components", "bridging" (sources or sampled paths), "clusters" and "departments".
		 */
		void report(String step, long done, long total);
	}

	/** Analyses the graph. */
	public static NetworkFigures analyse(LearningGraph graph, Options options) {
		return analyse(graph, options, Progress.NONE);
	}

	/** Analyses the graph, reporting progress. */
	public static NetworkFigures analyse(LearningGraph graph, Options options, Progress progress) {
		Objects.requireNonNull(graph, "graph");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(progress, "progress");
		int n = graph.personCount();
		progress.report("components", 0, 1);
		ComponentScan scan = ComponentScan.of(graph);
		progress.report("components", 1, 1);

		NetworkFigures.Bridging bridging;
		if (n <= options.exactLimit()) {
			bridging = new NetworkFigures.Bridging(NetworkFigures.Method.EXACT, 0, 0, 0, scan.vertexDiameterBound, 0,
					Betweenness.exact(graph, options.threads(), progress));
		}
		else {
			long samples = Betweenness.sampleSize(n, scan.vertexDiameterBound, options.epsilon(), options.delta());
			bridging = new NetworkFigures.Bridging(NetworkFigures.Method.SAMPLED, options.epsilon(), options.delta(),
					samples, scan.vertexDiameterBound, options.seed(),
					Betweenness.sampled(graph, scan.componentOf, samples, options.seed(), options.threads(), progress));
		}

		progress.report("clusters", 0, 1);
		NetworkFigures.Clusters clusters = Communities.find(graph, options.seed());
		progress.report("clusters", 1, 1);

		progress.report("departments", 0, 1);
		NetworkFigures figures = departments(graph, bridging, topBridges(graph, bridging.values(), options.topPeople()),
				clusters, scan.figures());
		progress.report("departments", 1, 1);
		return figures;
	}

	/**
	 * Recounts what changes as links are made (reach per department, links between departments,
	 * components) on a new graph in linear time, and carries bridging and clusters over from an
	 * earlier analysis by person: a person new since then has no bridging and no cluster until the
	 * next full {@link #analyse}. Cluster sizes and modularity are the earlier ones. For updates
	 * that must show within seconds while betweenness and clusters, which move slowly, are
	 * recomputed less often.
	 */
	public static NetworkFigures refresh(LearningGraph graph, NetworkFigures previous, Options options) {
		Objects.requireNonNull(graph, "graph");
		Objects.requireNonNull(previous, "previous");
		Objects.requireNonNull(options, "options");
		int n = graph.personCount();
		ComponentScan scan = ComponentScan.of(graph);
		LearningGraph before = previous.graph();
		double[] oldValues = previous.bridging().values();
		int[] oldClusters = previous.clusters().clusterOf();
		double[] values = new double[n];
		int[] clusterOf = new int[n];
		for (int v = 0; v < n; v++) {
			int was = before.indexOf(graph.personId(v));
			values[v] = was < 0 ? 0 : oldValues[was];
			clusterOf[v] = was < 0 ? -1 : oldClusters[was];
		}
		NetworkFigures.Bridging old = previous.bridging();
		NetworkFigures.Bridging bridging = new NetworkFigures.Bridging(old.method(), old.epsilon(), old.delta(),
				old.sampleSize(), old.vertexDiameterBound(), old.seed(), values);
		NetworkFigures.Clusters clusters = new NetworkFigures.Clusters(previous.clusters().count(),
				previous.clusters().sizes(), clusterOf, previous.clusters().modularity());
		return departments(graph, bridging, topBridges(graph, values, options.topPeople()), clusters, scan.figures());
	}

	private static NetworkFigures departments(LearningGraph g, NetworkFigures.Bridging bridging,
			List<NetworkFigures.Bridge> topBridges, NetworkFigures.Clusters clusters,
			NetworkFigures.Components components) {
		int n = g.personCount();
		int departments = g.departmentCount();
		// Slot 0 gathers the unknown department, slot d + 1 department d.
		int[] people = new int[departments + 1];
		int[] connected = new int[departments + 1];
		long[] links = new long[departments + 1];
		long[] crossing = new long[departments + 1];
		double[] bridgingSum = new double[departments + 1];
		long[][] matrix = new long[departments][departments];
		int allConnected = 0;
		long allCrossing = 0;
		double allBridging = 0;
		double[] values = bridging.values();
		for (int v = 0; v < n; v++) {
			int dv = g.departmentOf(v);
			people[dv + 1]++;
			bridgingSum[dv + 1] += values[v];
			allBridging += values[v];
			if (g.offsets[v + 1] > g.offsets[v]) {
				connected[dv + 1]++;
				allConnected++;
			}
			for (int at = g.offsets[v]; at < g.offsets[v + 1]; at++) {
				int w = g.neighbours[at];
				if (w < v) {
					continue;
				}
				int dw = g.departmentOf(w);
				links[dv + 1]++;
				if (dw != dv) {
					links[dw + 1]++;
					if (dv >= 0 && dw >= 0) {
						crossing[dv + 1]++;
						crossing[dw + 1]++;
						allCrossing++;
						matrix[dv][dw]++;
						matrix[dw][dv]++;
					}
				}
				else if (dv >= 0) {
					matrix[dv][dv]++;
				}
			}
		}
		NetworkFigures.Reach organisation = NetworkFigures.Reach.of(-1, n, allConnected, g.linkCount(), allCrossing,
				allBridging);
		List<NetworkFigures.Reach> perDepartment = new ArrayList<>(departments);
		for (int d = 0; d < departments; d++) {
			perDepartment.add(NetworkFigures.Reach.of(d, people[d + 1], connected[d + 1], links[d + 1], crossing[d + 1],
					bridgingSum[d + 1]));
		}
		NetworkFigures.Reach unknown = NetworkFigures.Reach.of(-1, people[0], connected[0], links[0], crossing[0],
				bridgingSum[0]);
		return new NetworkFigures(g, organisation, List.copyOf(perDepartment), unknown, matrix, bridging, topBridges,
				clusters, components);
	}

	/** The highest scores above zero, highest first, ties by node index: a bounded insertion list. */
	private static List<NetworkFigures.Bridge> topBridges(LearningGraph g, double[] values, int top) {
		int[] best = new int[top];
		int kept = 0;
		for (int v = 0; v < values.length && top > 0; v++) {
			if (values[v] <= 0 || (kept == top && values[v] <= values[best[top - 1]])) {
				continue;
			}
			int at = kept < top ? kept++ : top - 1;
			while (at > 0 && values[best[at - 1]] < values[v]) {
				best[at] = best[at - 1];
				at--;
			}
			best[at] = v;
		}
		List<NetworkFigures.Bridge> bridges = new ArrayList<>(kept);
		for (int i = 0; i < kept; i++) {
			int v = best[i];
			bridges.add(new NetworkFigures.Bridge(v, g.personId(v), g.departmentOf(v), values[v]));
		}
		return List.copyOf(bridges);
	}
}
