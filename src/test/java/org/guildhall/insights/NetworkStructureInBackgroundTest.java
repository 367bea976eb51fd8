package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.context.TestPropertySource;

/**
 * When bridging and clusters are due again, they are analysed in the background while the rounds
 * go on counting; a later round takes them up, and what it stores is what a full analysis of the
 * same data gives. (Due at every round here, so that the background path is the one taken.)
 */
@GuildhallTest
@TestPropertySource(properties = "guildhall.insights.network.structure-every=PT0S")
class NetworkStructureInBackgroundTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired ProgrammeManagement programmes;
	@Autowired KudosBoard kudos;
	@Autowired Insights insights;
	@Autowired Figures figures;

	@Test
	void bridgingAndClustersAnalysedInTheBackgroundAreTakenUpAndAgreeWithAFullAnalysis() {
		String suffix = "-" + UUID.randomUUID().toString().substring(0, 6);
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes, suffix);
		figures.computeNow();
		Instant analysedBefore = insights.network(w.admin()).orElseThrow().structureComputedAt();

		// a path across two departments: bridging changes only with a new analysis
		kudos.give(new NewKudos(w.engineering().get(1).personId(), "Java", "Thanks for the pairing"), w.engineering().get(0));
		kudos.give(new NewKudos(w.sales().get(0).personId(), "Java", "Thanks for the demo"), w.engineering().get(1));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			figures.updateNetwork();
			return engineering(insights.network(w.admin()).orElseThrow(), suffix).links().value() == 2;
		});
		// the round that counted both links also started (or found running) an analysis; one started then or later has both
		Instant counted = insights.network(w.admin()).orElseThrow().computedAt();
		assertThat(counted).isAfter(analysedBefore);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			figures.updateNetwork();
			return !insights.network(w.admin()).orElseThrow().structureComputedAt().isBefore(counted);
		});
		LearningNetwork background = insights.network(w.admin()).orElseThrow();

		figures.computeNow();
		LearningNetwork full = insights.network(w.admin()).orElseThrow();
		assertThat(engineering(background, suffix)).isEqualTo(engineering(full, suffix));
		assertThat(background.organisation()).isEqualTo(full.organisation());
		assertThat(background.bridges()).as("bridging taken up from the background analysis").isEqualTo(full.bridges());
		assertThat(background.clusters()).isEqualTo(full.clusters());
	}

	private static LearningNetwork.Reach engineering(LearningNetwork network, String suffix) {
		return network.departments().stream().filter(r -> r.group().equals("Engineering" + suffix)).findFirst().orElseThrow();
	}
}
