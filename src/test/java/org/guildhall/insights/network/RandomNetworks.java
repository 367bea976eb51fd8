package org.guildhall.insights.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/** Seeded random learning graphs, and reference figures for them computed with JGraphT. */
final class RandomNetworks {

	private RandomNetworks() {
	}

	/**
	 * Blocks of the given sizes with about {@code linksPerPerson} random links per person inside
	 * each block and none between: as many components as blocks, plus isolated people where a block
	 * has one person. Person id = 1000 + node index; department = block.
	 */
	static LearningGraph blocks(long seed, int[] blockSizes, double linksPerPerson) {
		SplittableRandom random = new SplittableRandom(seed);
		LearningGraph.Builder builder = LearningGraph.builder();
		int first = 0;
		List<long[]> links = new ArrayList<>();
		for (int block = 0; block < blockSizes.length; block++) {
			int size = blockSizes[block];
			for (int i = 0; i < size; i++) {
				builder.addPerson(1000 + first + i, block);
			}
			if (size > 1) {
				long count = Math.round(size * linksPerPerson);
				for (long l = 0; l < count; l++) {
					links.add(new long[] { 1000 + first + random.nextInt(size), 1000 + first + random.nextInt(size) });
				}
			}
			first += size;
		}
		LinkKind[] kinds = LinkKind.values();
		for (long[] link : links) {
			builder.addLink(link[0], link[1], kinds[random.nextInt(kinds.length)]);
		}
		return builder.build();
	}

	/**
	 * Small-world communities: Watts–Strogatz rings (each person linked to the {@code k / 2} next
	 * people on the ring, each link rewired with probability 0.1) of {@code communitySize} people,
	 * joined into a ring of communities by one link each, plus a few isolated people. The links
	 * between communities give their ends high betweenness, so an estimator that loses paths shows.
	 */
	static LearningGraph smallWorld(long seed, int communities, int communitySize, int k, int isolated) {
		SplittableRandom random = new SplittableRandom(seed);
		LearningGraph.Builder builder = LearningGraph.builder();
		int n = communities * communitySize;
		for (int v = 0; v < n + isolated; v++) {
			builder.addPerson(v, v < n ? v / communitySize : LearningGraph.UNKNOWN_DEPARTMENT);
		}
		for (int c = 0; c < communities; c++) {
			int base = c * communitySize;
			for (int i = 0; i < communitySize; i++) {
				for (int j = 1; j <= k / 2; j++) {
					int target = (i + j) % communitySize;
					if (random.nextDouble() < 0.1) {
						target = random.nextInt(communitySize);
					}
					builder.addLink(base + i, base + target, LinkKind.ANSWER);
				}
			}
			int next = (c + 1) % communities * communitySize;
			builder.addLink(base + random.nextInt(communitySize), next + random.nextInt(communitySize),
					LinkKind.MENTORING);
		}
		return builder.build();
	}

	/** The same graph in JGraphT, vertices = node indexes. */
	static Graph<Integer, DefaultEdge> jgrapht(LearningGraph g) {
		Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
		for (int v = 0; v < g.personCount(); v++) {
			graph.addVertex(v);
		}
		g.forEachLink((a, b, weight, kinds) -> graph.addEdge(a, b));
		return graph;
	}

	/**
	 * JGraphT's Brandes betweenness, normalised by (n−1)(n−2)/2. JGraphT halves undirected sums
	 * and its own normalisation divides by (n−1)(n−2), half the undirected pair count, so this
	 * normalises the raw scores itself.
	 */
	static double[] referenceBetweenness(LearningGraph g) {
		int n = g.personCount();
		Map<Integer, Double> scores = new BetweennessCentrality<>(jgrapht(g), false).getScores();
		double[] values = new double[n];
		for (int v = 0; v < n; v++) {
			values[v] = scores.get(v) / ((n - 1.0) * (n - 2.0) / 2);
		}
		return values;
	}

	/** The true vertex diameter (most nodes on a shortest path), by a BFS from every node. */
	static int vertexDiameter(LearningGraph g) {
		int n = g.personCount();
		int[] distance = new int[n];
		int longest = 0;
		for (int s = 0; s < n; s++) {
			Arrays.fill(distance, -1);
			distance[s] = 0;
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			queue.add(s);
			while (!queue.isEmpty()) {
				int v = queue.poll();
				longest = Math.max(longest, distance[v]);
				for (int w : g.neighbours(v)) {
					if (distance[w] < 0) {
						distance[w] = distance[v] + 1;
						queue.add(w);
					}
				}
			}
		}
		return n == 0 ? 0 : longest + 1;
	}
}
