package org.guildhall.insights.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A refresh recounts what links change on the new graph exactly as a full analysis would, and
 * carries bridging and clusters over by person, not by node index.
 */
class NetworkRefreshTest {

	private static final NetworkAnalysis.Options OPTIONS = NetworkAnalysis.Options.defaults().withThreads(2).withTopPeople(5);

	@Test
	void recountsReachLinksAndComponentsLikeAFullAnalysis() {
		SplittableRandom random = new SplittableRandom(7);
		List<long[]> links = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			links.add(new long[] {100 + random.nextInt(200), 100 + random.nextInt(200), random.nextInt(LinkKind.values().length)});
		}
		NetworkFigures before = NetworkAnalysis.analyse(graph(200, links, -1), OPTIONS);
		// forty new links, some between people who had none; one person joins (id 99), one leaves (id 150)
		List<long[]> more = new ArrayList<>(links);
		for (int i = 0; i < 40; i++) {
			more.add(new long[] {99 + random.nextInt(201), 100 + random.nextInt(200), random.nextInt(LinkKind.values().length)});
		}
		LearningGraph after = graph(200, more, 150);
		NetworkFigures refreshed = NetworkAnalysis.refresh(after, before, OPTIONS);
		NetworkFigures full = NetworkAnalysis.analyse(after, OPTIONS);

		assertThat(withoutBridging(refreshed.organisation())).isEqualTo(withoutBridging(full.organisation()));
		assertThat(refreshed.departments().stream().map(NetworkRefreshTest::withoutBridging).toList())
			.isEqualTo(full.departments().stream().map(NetworkRefreshTest::withoutBridging).toList());
		assertThat(refreshed.departmentLinks()).isDeepEqualTo(full.departmentLinks());
		assertThat(refreshed.components().count()).isEqualTo(full.components().count());
		assertThat(refreshed.components().largestSize()).isEqualTo(full.components().largestSize());
		assertThat(refreshed.organisation().links()).isGreaterThan(before.organisation().links());

		for (int node = 0; node < after.personCount(); node++) {
			int was = before.graph().indexOf(after.personId(node));
			if (was < 0) {
				assertThat(refreshed.bridging().values()[node]).as("newcomer %d", after.personId(node)).isZero();
				assertThat(refreshed.clusters().clusterOf()[node]).isEqualTo(-1);
			}
			else {
				assertThat(refreshed.bridging().values()[node]).isEqualTo(before.bridging().values()[was]);
				assertThat(refreshed.clusters().clusterOf()[node]).isEqualTo(before.clusters().clusterOf()[was]);
			}
		}
		assertThat(refreshed.clusters().count()).isEqualTo(before.clusters().count());
		assertThat(refreshed.topBridges()).extracting(NetworkFigures.Bridge::personId)
			.as("the same people bridge the most, minus the one who left")
			.isSubsetOf(before.topBridges().stream().map(NetworkFigures.Bridge::personId).toList());
	}

	/** People 100.. in five departments, plus 99 in department 0; {@code leaver} is left out. */
	private static LearningGraph graph(int people, List<long[]> links, long leaver) {
		LearningGraph.Builder builder = LearningGraph.builder();
		builder.addPerson(99, 0);
		for (long id = 100; id < 100 + people; id++) {
			if (id != leaver) {
				builder.addPerson(id, (int) (id % 5));
			}
		}
		for (long[] l : links) {
			builder.addLink(l[0], l[1], LinkKind.values()[(int) l[2]]);
		}
		return builder.build();
	}

	private static NetworkFigures.Reach withoutBridging(NetworkFigures.Reach r) {
		return new NetworkFigures.Reach(r.department(), r.people(), r.connectedPeople(), r.isolatedPeople(), r.connectedShare(),
				r.links(), r.crossingLinks(), r.crossingShare(), 0, 0);
	}
}
