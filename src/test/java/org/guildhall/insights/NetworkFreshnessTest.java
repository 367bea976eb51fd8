package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewKudos;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.insights.internal.Figures;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new learning link shows in the network's counts after one short round, which applies only
 * what changed and keeps bridging and clusters from the last full analysis; a full analysis of the
 * same data then counts the same.
 */
@GuildhallTest
class NetworkFreshnessTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired ProgrammeManagement programmes;
	@Autowired KudosBoard kudos;
	@Autowired Insights insights;
	@Autowired Figures figures;

	@Test
	void aNewLinkIsCountedByTheNextRoundWithoutRecomputingBridging() {
		String suffix = "-" + UUID.randomUUID().toString().substring(0, 6);
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes, suffix);
		figures.computeNow();
		LearningNetwork before = insights.network(w.admin()).orElseThrow();
		LearningNetwork.Reach engineering = engineering(before, suffix);
		assertThat(engineering.connected().value()).isZero();
		assertThat(before.structureComputedAt()).isEqualTo(before.computedAt());

		kudos.give(new NewKudos(w.engineering().get(3).personId(), "Java", "Thanks for the code review"), w.engineering().get(2));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> insights.mine(w.engineering().get(3)).links() == 1);
		figures.updateNetwork();
		assertThat(figures.updateNetwork()).as("nothing changed since: no round").isFalse();

		LearningNetwork after = insights.network(w.admin()).orElseThrow();
		LearningNetwork.Reach now = engineering(after, suffix);
		assertThat(now.connected().value()).isEqualTo(2);
		assertThat(now.isolated().value()).isEqualTo(engineering.isolated().value() - 2);
		assertThat(now.links().value()).isEqualTo(1);
		assertThat(now.crossing().value()).isZero();
		assertThat(after.organisation().links().value()).isEqualTo(before.organisation().links().value() + 1);
		assertThat(after.computedAt()).isAfter(before.computedAt());
		assertThat(after.structureComputedAt()).as("bridging and clusters were not recomputed").isEqualTo(before.structureComputedAt());

		figures.computeNow();
		LearningNetwork full = insights.network(w.admin()).orElseThrow();
		assertThat(engineering(full, suffix)).isEqualTo(now);
		assertThat(full.organisation().links()).isEqualTo(after.organisation().links());
		assertThat(full.structureComputedAt()).isAfter(before.structureComputedAt());
	}

	private static LearningNetwork.Reach engineering(LearningNetwork network, String suffix) {
		return network.departments().stream().filter(r -> r.group().equals("Engineering" + suffix)).findFirst().orElseThrow();
	}
}
