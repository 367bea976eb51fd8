package org.guildhall.insights.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Figures of small graphs counted by hand. */
class NetworkAnalysisTest {

	private static final NetworkAnalysis.Options EXACT = NetworkAnalysis.Options.defaults().withThreads(2);

	@Test
	void pathOfFiveHasItsMiddleOnTwoThirdsOfThePairs() {
		// 10 - 11 - 12 - 13 - 14: with n = 5 there are (n-1)(n-2)/2 = 6 pairs without a given node.
		// 11 lies between 10 and each of 12, 13, 14 (3 pairs); 12 between {10, 11} and {13, 14} (4).
		LearningGraph g = graph(5, 0, new long[][] { { 10, 11 }, { 11, 12 }, { 12, 13 }, { 13, 14 } });
		NetworkFigures figures = NetworkAnalysis.analyse(g, EXACT);

		assertThat(figures.bridging().method()).isEqualTo(NetworkFigures.Method.EXACT);
		assertThat(figures.bridging().values()).containsExactly(new double[] { 0, 3 / 6.0, 4 / 6.0, 3 / 6.0, 0 },
				within(1e-12));
		assertThat(figures.bridging().vertexDiameterBound()).isEqualTo(5);
		assertThat(figures.topBridges()).extracting(NetworkFigures.Bridge::personId).containsExactly(12L, 11L, 13L);
		assertThat(figures.components().count()).isEqualTo(1);
		assertThat(figures.components().largestSize()).isEqualTo(5);
		assertThat(figures.organisation().links()).isEqualTo(4);
		assertThat(figures.organisation().connectedShare()).isEqualTo(1.0);
	}

	@Test
	void starCentreLiesOnEveryPairOfLeaves() {
		LearningGraph g = graph(5, 0, new long[][] { { 10, 11 }, { 10, 12 }, { 10, 13 }, { 10, 14 } });
		NetworkFigures figures = NetworkAnalysis.analyse(g, EXACT);

		assertThat(figures.bridging().values()).containsExactly(new double[] { 1, 0, 0, 0, 0 }, within(1e-12));
		assertThat(figures.topBridges()).containsExactly(new NetworkFigures.Bridge(0, 10, 0, 1.0));
	}

	@Test
	void twoTrianglesJoinedByABridge() {
		// {10, 11, 12} and {13, 14, 15}, bridge 12 - 13. n = 6: 10 pairs without a node. 12 carries
		// the 2 x 3 pairs from {10, 11} to the other triangle, 13 likewise.
		LearningGraph g = graph(6, 0, new long[][] { { 10, 11 }, { 11, 12 }, { 10, 12 }, { 13, 14 }, { 14, 15 },
				{ 13, 15 }, { 12, 13 } });
		NetworkFigures figures = NetworkAnalysis.analyse(g, EXACT);

		assertThat(figures.bridging().values()).containsExactly(new double[] { 0, 0, 0.6, 0.6, 0, 0 }, within(1e-12));
		assertThat(figures.clusters().count()).isEqualTo(2);
		assertThat(figures.clusters().sizes()).containsExactly(3, 3);
		int[] clusterOf = figures.clusters().clusterOf();
		assertThat(clusterOf[0]).isEqualTo(clusterOf[1]).isEqualTo(clusterOf[2]);
		assertThat(clusterOf[3]).isEqualTo(clusterOf[4]).isEqualTo(clusterOf[5]).isNotEqualTo(clusterOf[0]);
		// m = 7; each triangle has 3 inner links and total degree 7: Q = 2 (3/7 - (7/14)^2).
		assertThat(figures.clusters().modularity()).isCloseTo(2 * (3 / 7.0 - 0.25), within(1e-12));
	}

	@Test
	void twoCliquesJoinedByOneLinkAreTwoClustersAndAnIsolatedPersonIsInNone() {
		LearningGraph.Builder builder = LearningGraph.builder();
		for (long id = 0; id < 11; id++) {
			builder.addPerson(id, 0);
		}
		for (int a = 0; a < 5; a++) {
			for (int b = a + 1; b < 5; b++) {
				builder.addLink(a, b, LinkKind.CIRCLE);
				builder.addLink(a + 5, b + 5, LinkKind.CIRCLE);
			}
		}
		builder.addLink(4, 5, LinkKind.ANSWER);
		NetworkFigures figures = NetworkAnalysis.analyse(builder.build(), EXACT);

		assertThat(figures.clusters().count()).isEqualTo(2);
		assertThat(figures.clusters().sizes()).containsExactly(5, 5);
		assertThat(figures.clusters().clusterOf()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, -1);
		assertThat(figures.components().count()).isEqualTo(2);
		assertThat(figures.components().withLinks()).isEqualTo(1);
		assertThat(figures.components().largestSize()).isEqualTo(10);
		assertThat(figures.organisation().isolatedPeople()).isEqualTo(1);
		assertThat(figures.forPerson(10).cluster()).isEqualTo(-1);
		assertThat(figures.forPerson(10).clusterSize()).isEqualTo(1);
	}

	/**
	 * Department 0: 1, 2, 3, 4. Department 1: 5, 6, 7 and 8 (isolated). Person 9: department unknown.
	 * Links: 1-2 (mentoring, then kudos), 2-3, 3-4, 5-6, 6-7 inside; 4-5 and 2-6 across; 7-9 to the
	 * unknown department.
	 */
	private static LearningGraph office() {
		LearningGraph.Builder builder = LearningGraph.builder();
		for (long id = 1; id <= 4; id++) {
			builder.addPerson(id, 0);
		}
		for (long id = 5; id <= 8; id++) {
			builder.addPerson(id, 1);
		}
		builder.addPerson(9, LearningGraph.UNKNOWN_DEPARTMENT);
		assertThat(builder.addLink(1, 2, LinkKind.MENTORING)).isTrue();
		builder.addLink(2, 1, LinkKind.KUDOS);
		builder.addLink(2, 3, LinkKind.ANSWER);
		builder.addLink(3, 4, LinkKind.ANSWER);
		builder.addLink(5, 6, LinkKind.CIRCLE);
		builder.addLink(6, 7, LinkKind.EXPERT_SESSION);
		builder.addLink(4, 5, LinkKind.KUDOS);
		builder.addLink(2, 6, LinkKind.CIRCLE);
		builder.addLink(7, 9, LinkKind.MENTORING);
		assertThat(builder.addLink(3, 3, LinkKind.KUDOS)).as("self link").isFalse();
		assertThat(builder.addLink(3, 100, LinkKind.KUDOS)).as("someone not added").isFalse();
		return builder.build();
	}

	@Test
	void reachAndCrossingLinksPerDepartment() {
		NetworkFigures figures = NetworkAnalysis.analyse(office(), EXACT);

		NetworkFigures.Reach all = figures.organisation();
		assertThat(all.people()).isEqualTo(9);
		assertThat(all.connectedPeople()).isEqualTo(8);
		assertThat(all.isolatedPeople()).isEqualTo(1);
		assertThat(all.connectedShare()).isCloseTo(8 / 9.0, within(1e-12));
		assertThat(all.links()).isEqualTo(8);
		assertThat(all.crossingLinks()).isEqualTo(2);
		assertThat(all.crossingShare()).isCloseTo(0.25, within(1e-12));

		assertThat(figures.departments()).hasSize(2);
		NetworkFigures.Reach first = figures.department(0);
		assertThat(first.people()).isEqualTo(4);
		assertThat(first.connectedPeople()).isEqualTo(4);
		assertThat(first.links()).as("3 inside + 2 across").isEqualTo(5);
		assertThat(first.crossingLinks()).isEqualTo(2);
		assertThat(first.crossingShare()).isCloseTo(0.4, within(1e-12));

		NetworkFigures.Reach second = figures.department(1);
		assertThat(second.people()).isEqualTo(4);
		assertThat(second.connectedPeople()).isEqualTo(3);
		assertThat(second.isolatedPeople()).isEqualTo(1);
		assertThat(second.connectedShare()).isCloseTo(0.75, within(1e-12));
		assertThat(second.links()).as("2 inside + 2 across + 1 to the unknown department").isEqualTo(5);
		assertThat(second.crossingLinks()).isEqualTo(2);

		assertThat(figures.unknownDepartment().people()).isEqualTo(1);
		assertThat(figures.unknownDepartment().links()).isEqualTo(1);
		assertThat(figures.unknownDepartment().crossingLinks()).isZero();

		assertThat(figures.departmentLinks()).isDeepEqualTo(new long[][] { { 3, 2 }, { 2, 2 } });
		assertThat(figures.linksBetween(1, 0)).isEqualTo(2);

		double[] values = figures.bridging().values();
		assertThat(first.bridgingSum()).isCloseTo(values[0] + values[1] + values[2] + values[3], within(1e-12));
		assertThat(second.bridgingMean()).isCloseTo((values[4] + values[5] + values[6] + values[7]) / 4, within(1e-12));
	}

	@Test
	void aPersonsOwnNetwork() {
		LearningGraph g = office();
		NetworkFigures figures = NetworkAnalysis.analyse(g, EXACT);

		NetworkFigures.Person two = figures.forPerson(g.indexOf(2));
		assertThat(two.personId()).isEqualTo(2);
		assertThat(two.links()).isEqualTo(3);
		assertThat(two.interactions()).as("two with person 1, one each with 3 and 6").isEqualTo(4);
		assertThat(two.links(LinkKind.MENTORING)).isEqualTo(1);
		assertThat(two.links(LinkKind.KUDOS)).isEqualTo(1);
		assertThat(two.links(LinkKind.ANSWER)).isEqualTo(1);
		assertThat(two.links(LinkKind.CIRCLE)).isEqualTo(1);
		assertThat(two.links(LinkKind.EXPERT_SESSION)).isZero();
		assertThat(two.sameDepartmentShare()).isCloseTo(2 / 3.0, within(1e-12));
		assertThat(two.neighbourDepartments()).containsExactly(new NetworkFigures.NeighbourDepartment(0, 2, 2 / 3.0),
				new NetworkFigures.NeighbourDepartment(1, 1, 1 / 3.0));
		assertThat(two.betweenness()).isEqualTo(figures.bridging().values()[g.indexOf(2)]).isPositive();

		NetworkFigures.Person seven = figures.forPerson(g.indexOf(7));
		assertThat(seven.neighbourDepartments()).containsExactly(new NetworkFigures.NeighbourDepartment(-1, 1, 0.5),
				new NetworkFigures.NeighbourDepartment(1, 1, 0.5));

		NetworkFigures.Person eight = figures.forPerson(g.indexOf(8));
		assertThat(eight.links()).isZero();
		assertThat(eight.sameDepartmentShare()).isZero();
		assertThat(eight.neighbourDepartments()).isEmpty();
	}

	@Test
	void interactionsBetweenTheSamePeopleMergeIntoOneLink() {
		LearningGraph g = office();

		assertThat(g.personCount()).isEqualTo(9);
		assertThat(g.linkCount()).isEqualTo(8);
		assertThat(g.departmentCount()).isEqualTo(2);
		int one = g.indexOf(1);
		int two = g.indexOf(2);
		assertThat(g.linkWeight(one, two)).isEqualTo(2);
		assertThat(g.linkWeight(two, one)).isEqualTo(2);
		assertThat(LinkKind.of(g.linkKinds(one, two))).containsExactlyInAnyOrder(LinkKind.MENTORING, LinkKind.KUDOS);
		assertThat(g.linkWeight(one, g.indexOf(3))).isZero();
		assertThat(g.neighbours(two)).containsExactly(g.indexOf(1), g.indexOf(3), g.indexOf(6));
		assertThat(g.degree(g.indexOf(8))).isZero();
		assertThat(g.indexOf(100)).isEqualTo(-1);
		assertThat(g.personId(g.indexOf(9))).isEqualTo(9);
		assertThat(g.department(g.indexOf(9))).isEqualTo(-1);
		Set<String> seen = new HashSet<>();
		g.forEachLink((a, b, weight, kinds) -> {
			assertThat(a).isLessThan(b);
			seen.add(g.personId(a) + "-" + g.personId(b) + ":" + weight);
		});
		assertThat(seen).containsExactlyInAnyOrder("1-2:2", "2-3:1", "3-4:1", "5-6:1", "6-7:1", "4-5:1", "2-6:1",
				"7-9:1");
	}

	@Test
	void neighbourListsStaySortedWhateverTheOrderOfInteractions() {
		LearningGraph.Builder builder = LearningGraph.builder(4, 4);
		for (long id = 0; id < 6; id++) {
			builder.addPerson(1_000 - id, 0);
		}
		builder.addLink(995, 1_000, LinkKind.KUDOS);
		builder.addLink(997, 998, LinkKind.KUDOS);
		builder.addLink(998, 999, LinkKind.KUDOS);
		builder.addLink(1_000, 998, LinkKind.KUDOS);
		builder.addLink(996, 998, LinkKind.KUDOS);
		LearningGraph g = builder.build();

		assertThat(g.neighbours(2)).containsExactly(0, 1, 3, 4);
		assertThat(g.neighbours(0)).containsExactly(2, 5);
		assertThat(g.linkKinds(0, 5)).isEqualTo(LinkKind.KUDOS.bit());
	}

	@Test
	void badInputIsRefusedWithTheValueNamed() {
		LearningGraph.Builder builder = LearningGraph.builder();
		builder.addPerson(7, 0);
		assertThatThrownBy(() -> builder.addPerson(7, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("person 7");
		assertThatThrownBy(() -> builder.addPerson(8, -2)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("-2");
		assertThatThrownBy(() -> builder.addPerson(8, LearningGraph.MAX_DEPARTMENTS))
			.isInstanceOf(IllegalArgumentException.class);
		builder.build();
		assertThatThrownBy(() -> builder.addLink(7, 7, LinkKind.KUDOS)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> NetworkAnalysis.Options.defaults().withBound(0, 0.1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("epsilon");
		assertThatThrownBy(() -> NetworkAnalysis.Options.defaults().withBound(0.1, 1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("delta");
		assertThatThrownBy(() -> NetworkAnalysis.Options.defaults().withThreads(0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void emptyAndLinklessGraphsHaveZeroFigures() {
		NetworkFigures empty = NetworkAnalysis.analyse(LearningGraph.builder().build(), EXACT);
		assertThat(empty.organisation().people()).isZero();
		assertThat(empty.organisation().connectedShare()).isZero();
		assertThat(empty.components().count()).isZero();
		assertThat(empty.clusters().count()).isZero();

		for (NetworkAnalysis.Options options : List.of(EXACT, EXACT.withExactLimit(0))) {
			LearningGraph.Builder builder = LearningGraph.builder();
			for (long id = 1; id <= 3; id++) {
				builder.addPerson(id, 3);
			}
			NetworkFigures alone = NetworkAnalysis.analyse(builder.build(), options);
			assertThat(alone.organisation().isolatedPeople()).isEqualTo(3);
			assertThat(alone.departments()).hasSize(4);
			assertThat(alone.department(3).people()).isEqualTo(3);
			assertThat(alone.department(0).people()).isZero();
			assertThat(alone.components().count()).isEqualTo(3);
			assertThat(alone.components().withLinks()).isZero();
			assertThat(alone.clusters().clusterOf()).containsOnly(-1);
			assertThat(alone.bridging().values()).containsOnly(0.0);
			assertThat(alone.topBridges()).isEmpty();
		}
	}

	@Test
	void plantedGroupsAreFoundAsClusters() {
		// Four groups of 40: each pair inside a group linked with probability 0.3, across with 0.005.
		SplittableRandom random = new SplittableRandom(11);
		LearningGraph.Builder builder = LearningGraph.builder();
		for (int v = 0; v < 160; v++) {
			builder.addPerson(v, v / 40);
		}
		for (int a = 0; a < 160; a++) {
			for (int b = a + 1; b < 160; b++) {
				if (random.nextDouble() < (a / 40 == b / 40 ? 0.3 : 0.005)) {
					builder.addLink(a, b, LinkKind.CIRCLE);
				}
			}
		}
		NetworkFigures figures = NetworkAnalysis.analyse(builder.build(), EXACT);

		int[] clusterOf = figures.clusters().clusterOf();
		assertThat(figures.clusters().count()).isEqualTo(4);
		for (int v = 0; v < 160; v++) {
			assertThat(clusterOf[v]).as("node %d with the first of its group", v).isEqualTo(clusterOf[v / 40 * 40]);
		}
		assertThat(Arrays.stream(clusterOf).distinct().count()).isEqualTo(4);
		assertThat(figures.clusters().modularity()).isGreaterThan(0.6);
		assertThat(NetworkAnalysis.analyse(figures.graph(), EXACT).clusters().clusterOf()).as("deterministic")
			.containsExactly(clusterOf);
	}

	/** People 10, 11, ... in one department, linked as given. */
	static LearningGraph graph(int people, int department, long[][] links) {
		LearningGraph.Builder builder = LearningGraph.builder();
		for (int i = 0; i < people; i++) {
			builder.addPerson(10 + i, department);
		}
		for (long[] link : links) {
			builder.addLink(link[0], link[1], LinkKind.KUDOS);
		}
		return builder.build();
	}
}
