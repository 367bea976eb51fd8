package org.guildhall.insights.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Betweenness against JGraphT's Brandes implementation, exact and sampled. */
class BetweennessTest {

	private static final NetworkAnalysis.Options OPTIONS = NetworkAnalysis.Options.defaults().withThreads(2);

	@Test
	void exactEqualsJGraphTOnRandomGraphsWithSeveralComponents() {
		for (long seed = 1; seed <= 5; seed++) {
			LearningGraph g = RandomNetworks.blocks(seed, new int[] { 200, 80, 12, 4, 1, 2, 1 }, 4);
			assertThat(g.personCount()).isEqualTo(300);
			double[] reference = RandomNetworks.referenceBetweenness(g);

			for (int threads = 1; threads <= 2; threads++) {
				NetworkFigures figures = NetworkAnalysis.analyse(g, OPTIONS.withThreads(threads));
				assertThat(figures.bridging().method()).isEqualTo(NetworkFigures.Method.EXACT);
				double[] values = figures.bridging().values();
				for (int v = 0; v < g.personCount(); v++) {
					assertThat(values[v]).as("seed %d, %d threads, node %d", seed, threads, v)
						.isCloseTo(reference[v], within(1e-9));
				}
			}
			assertThat(Arrays.stream(reference).max().getAsDouble()).as("seed %d has bridges", seed).isGreaterThan(0.01);
		}
	}

	@Test
	void sampledIsWithinEpsilonOfExactOnSmallWorldGraphs() {
		double epsilon = 0.02;
		double delta = 0.1;
		for (long seed = 1; seed <= 3; seed++) {
			LearningGraph g = RandomNetworks.smallWorld(seed, 4, 500, 6, 8);
			int n = g.personCount();
			double[] reference = RandomNetworks.referenceBetweenness(g);
			// Without some large values a sampler that found nothing would pass too.
			assertThat(Arrays.stream(reference).max().getAsDouble()).isGreaterThan(0.2);

			NetworkFigures.Bridging bridging = NetworkAnalysis
				.analyse(g, OPTIONS.withExactLimit(0).withBound(epsilon, delta).withSeed(seed))
				.bridging();

			assertThat(bridging.method()).isEqualTo(NetworkFigures.Method.SAMPLED);
			assertThat(bridging.epsilon()).isEqualTo(epsilon);
			assertThat(bridging.delta()).isEqualTo(delta);
			int trueVertexDiameter = RandomNetworks.vertexDiameter(g);
			assertThat(bridging.vertexDiameterBound()).as("an upper bound")
				.isBetween(trueVertexDiameter, 2 * (trueVertexDiameter - 1) + 1);
			assertThat(bridging.sampleSize()).isEqualTo(riondatoKornaropoulos(n, bridging.vertexDiameterBound(), epsilon,
					delta));
			double[] values = bridging.values();
			for (int v = 0; v < n; v++) {
				assertThat(Math.abs(values[v] - reference[v])).as("seed %d node %d: %f vs exact %f", seed, v, values[v],
						reference[v])
					.isLessThanOrEqualTo(epsilon);
			}
		}
	}

	@Test
	void sampledPathsAreUniformAmongEqualShortestPaths() {
		// A grid has many shortest paths between most pairs; a sampler that favoured some
		// predecessors or some meeting links would pile credit on one side of the grid.
		int rows = 5;
		int columns = 6;
		LearningGraph.Builder builder = LearningGraph.builder();
		for (int v = 0; v < rows * columns; v++) {
			builder.addPerson(v, 0);
		}
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				int v = r * columns + c;
				if (c + 1 < columns) {
					builder.addLink(v, v + 1, LinkKind.CIRCLE);
				}
				if (r + 1 < rows) {
					builder.addLink(v, v + columns, LinkKind.CIRCLE);
				}
			}
		}
		LearningGraph g = builder.build();
		double epsilon = 0.005;
		double[] reference = RandomNetworks.referenceBetweenness(g);

		NetworkFigures.Bridging bridging = NetworkAnalysis
			.analyse(g, OPTIONS.withExactLimit(0).withBound(epsilon, 0.1).withSeed(5))
			.bridging();

		// The true vertex diameter is rows + columns - 1 (corner to corner); the bound may be up to twice.
		assertThat(bridging.vertexDiameterBound()).isBetween(rows + columns - 1, 2 * (rows + columns - 2) + 1);
		for (int v = 0; v < g.personCount(); v++) {
			assertThat(Math.abs(bridging.values()[v] - reference[v])).as("node %d", v).isLessThanOrEqualTo(epsilon);
		}
	}

	@Test
	void sampledIsTheSameForASeedWhateverTheThreadsAndChangesWithTheSeed() {
		LearningGraph g = RandomNetworks.smallWorld(9, 3, 300, 4, 2);
		NetworkAnalysis.Options sampled = OPTIONS.withExactLimit(0).withBound(0.05, 0.1).withSeed(21);

		double[] one = NetworkAnalysis.analyse(g, sampled.withThreads(1)).bridging().values();
		double[] two = NetworkAnalysis.analyse(g, sampled.withThreads(2)).bridging().values();
		double[] otherSeed = NetworkAnalysis.analyse(g, sampled.withSeed(22)).bridging().values();

		assertThat(two).containsExactly(one);
		assertThat(otherSeed).isNotEqualTo(one);
	}

	/** r = ⌈(0.5/ε'²)(⌊log₂(VD−2)⌋ + 1 + ln(1/δ))⌉ with ε' = ε(n−2)/n, written out independently. */
	private static long riondatoKornaropoulos(int n, int vertexDiameter, double epsilon, double delta) {
		double scaled = epsilon * (n - 2) / n;
		int floorLog2 = (int) Math.floor(Math.log(vertexDiameter - 2) / Math.log(2) + 1e-12);
		return (long) Math.ceil(0.5 / (scaled * scaled) * (floorLog2 + 1 + Math.log(1 / delta)));
	}
}
