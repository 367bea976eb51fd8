package org.guildhall.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The auction start on the markets where it matters: every pair allowed and exactly as many
 * places as mentees (the tail that shortest paths found slow), with many equal scores or none.
 */
class PriceAuctionTest {

	@Test
	void auctionStartFinishedExactlyEqualsOrToolsOnTightMarkets() {
		for (long seed = 1; seed <= 24; seed++) {
			Random random = new Random(seed);
			int m = 10 + random.nextInt(50);
			int n = 5 * m;
			boolean coarse = seed % 2 == 0;
			PairGraph.Builder builder = new PairGraph.Builder(n, m);
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < m; j++) {
					builder.add(i, j, coarse ? random.nextInt(11) * 100_000 : random.nextInt(1_000_001));
				}
			}
			PairGraph graph = builder.build();
			int[] capacity = new int[m];
			Arrays.fill(capacity, 5);
			boolean[] active = new boolean[n];
			Arrays.fill(active, true);
			Solution solution = Solvers.optimal(graph, new Solvers.Residual(capacity, active), null, Progress.NONE);
			assertThat(solution.note()).as("seed %d: the auction finished within its budget", seed)
				.startsWith("auction start");
			assertThat(solution.certificate().provesOptimal()).as("seed %d", seed).isTrue();
			assertThat(solution.certificate().total()).as("seed %d", seed)
				.isEqualTo(OrToolsReference.maxWeight(graph, capacity, active, 0, -1));
		}
	}

	@Test
	void noMenteesGiveAnEmptyProvenMatchingWithZeroValues() {
		PairGraph graph = new PairGraph.Builder(0, 3).build();
		int[] capacity = { 2, 0, 1 };
		Solution solution = Solvers.optimal(graph, new Solvers.Residual(capacity, new boolean[0]), null,
				Progress.NONE);
		assertThat(solution.mentorDuals()).containsOnly(0L);
		assertThat(solution.certificate().provesOptimal()).isTrue();
		assertThat(solution.certificate().bound()).isZero();
	}
}
