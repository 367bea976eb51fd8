package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guildhall.people.HrImportStatus.State;
import org.guildhall.shared.ConflictException;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import whose node stopped (killed mid-apply or mid-preview) is marked failed by a node that is
 * still running, within the lease, without a restart, and blocks nothing. The stopped node is played
 * by a row as such a node leaves it: running, with a lease that nobody renews. A real second JVM
 * killed mid-apply is in {@link HrImportKilledNodeTest}. The test profile sets a lease of 10 s,
 * renewed every 2 s and checked every second.
 */
@GuildhallTest
class HrImportLeaseTest {

	@Autowired
	HrImports imports;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private String file(String... rows) {
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,title,department,location,manager,skills,languages,goals\n");
		for (String row : rows) {
			csv.append(row.replace("{r}", run)).append('\n');
		}
		return csv.toString();
	}

	private HrImportStatus preview(String csv) {
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(preview.state()).as("preview: %s", imports.issues(preview.id())).isEqualTo(State.PREVIEWED);
		return preview;
	}

	/** The row as a node leaves it when it is killed: running, its lease renewed until then. */
	private void leftRunningByAStoppedNode(long id, State state, Duration leaseLeft) {
		jdbc.sql("""
				UPDATE hr_import SET status = ?, phase = 'writing', effective_on = ?, lease_owner = 'stopped-node:1/claim',
				       lease_until = ? WHERE id = ?""")
			.params(state.name(), state == State.APPLYING ? java.sql.Date.valueOf(LocalDate.now()) : null,
					Timestamp.from(Instant.now().plus(leaseLeft)), id)
			.update();
	}

	@Test
	void anImportLeftApplyingByAStoppedNodeIsMarkedFailedWithoutARestartAndCanBeAppliedAgain() {
		HrImportStatus stuck = preview(file("A{r},stuck-{r}@example.com,Stella Stuck,,,,,,,"));
		HrImportStatus other = preview(file("B{r},other-{r}@example.com,Otto Other,,,,,,,"));
		leftRunningByAStoppedNode(stuck.id(), State.APPLYING, Duration.ofSeconds(2));

		// while its lease runs, the import is being applied as far as anyone can tell
		assertThatThrownBy(() -> imports.applyNow(other.id())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("Another import is being applied");
		assertThatThrownBy(() -> imports.discard(stuck.id())).isInstanceOf(ConflictException.class);

		long started = System.nanoTime();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> imports.status(stuck.id()).state() == State.FAILED);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("marked failed within the lease and one check")
			.isLessThan(Duration.ofSeconds(20));
		HrImportStatus failed = imports.status(stuck.id());
		assertThat(failed.failure()).contains("Nothing was changed").contains("apply it again or discard it");
		assertThat(failed.applicable()).isTrue();
		assertThat(failed.discardable()).isTrue();
		assertThat(directory.findIdByEmail("stuck-" + run + "@example.com")).isEmpty();

		// other imports go ahead, and the failed one is applied again against the people as they are now
		assertThat(imports.applyNow(other.id()).state()).isEqualTo(State.APPLIED);
		HrImportStatus again = imports.applyNow(stuck.id());
		assertThat(again.state()).isEqualTo(State.APPLIED);
		assertThat(again.failure()).isNull();
		assertThat(directory.findIdByEmail("stuck-" + run + "@example.com")).isPresent();
	}

	@Test
	void aFailedImportCanBeDiscarded() {
		HrImportStatus stuck = preview(file("A{r},gone-{r}@example.com,Gina Gone,,,,,,,"));
		leftRunningByAStoppedNode(stuck.id(), State.APPLYING, Duration.ofSeconds(-1));

		await().atMost(Duration.ofSeconds(60)).until(() -> imports.status(stuck.id()).state() == State.FAILED);
		imports.discard(stuck.id());

		assertThat(imports.status(stuck.id()).state()).isEqualTo(State.DISCARDED);
		assertThatThrownBy(() -> imports.applyNow(stuck.id())).isInstanceOf(ConflictException.class);
		assertThat(directory.findIdByEmail("gone-" + run + "@example.com")).isEmpty();
	}

	@Test
	void aPreviewLeftByAStoppedNodeIsMarkedFailedAndCanBeDiscardedButNotApplied() {
		HrImportStatus stuck = preview(file("A{r},half-{r}@example.com,Hal Half,,,,,,,"));
		leftRunningByAStoppedNode(stuck.id(), State.PREVIEWING, Duration.ofSeconds(1));

		await().atMost(Duration.ofSeconds(60)).until(() -> imports.status(stuck.id()).state() == State.FAILED);
		HrImportStatus failed = imports.status(stuck.id());
		assertThat(failed.failure()).contains("The preview stopped");
		assertThat(failed.applicable()).as("its preview was never finished").isFalse();
		assertThatThrownBy(() -> imports.applyNow(stuck.id())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("discard it and upload the file again");
		imports.discard(stuck.id());
		assertThat(imports.status(stuck.id()).state()).isEqualTo(State.DISCARDED);
	}

	@Test
	void aNodeThatIsStillWorkingKeepsItsImportPastTheLeaseByRenewingIt() throws Exception {
		HrImportStatus working = preview(file("A{r},slow-{r}@example.com,Sol Slow,,,,,,,"));
		jdbc.sql("UPDATE hr_import SET status = 'APPLYING', effective_on = ?, lease_owner = 'this-node/claim', lease_until = ? WHERE id = ?")
			.params(java.sql.Date.valueOf(LocalDate.now()), Timestamp.from(Instant.now().plusSeconds(10)), working.id())
			.update();

		try (HrImports.Lease held = imports.hold(working.id(), "this-node/claim")) {
			Thread.sleep(14_000); // more than the lease, with a lease check every second
			assertThat(imports.status(working.id()).state()).as("renewed, so still running").isEqualTo(State.APPLYING);
		}
		// once nobody renews it, the lease runs out
		await().atMost(Duration.ofSeconds(60)).until(() -> imports.status(working.id()).state() == State.FAILED);
	}

	@Test
	void ofTwoImportsClaimedAtTheSameInstantOnlyOneIsApplied() throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				List<HrImportStatus> previews = List.of(preview(file("A{r}-" + round + ",one-" + round + "-{r}@example.com,Una One,,,,,,,")),
						preview(file("B{r}-" + round + ",two-" + round + "-{r}@example.com,Tom Two,,,,,,,")));
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<Long>> claims = new ArrayList<>();
				for (HrImportStatus preview : previews) {
					claims.add(nodes.submit(() -> {
						together.await();
						try {
							return imports.apply(preview.id()).id();
						}
						catch (ConflictException e) {
							return -1L;
						}
					}));
				}
				List<Long> started = new ArrayList<>();
				for (Future<Long> claim : claims) {
					long id = claim.get();
					if (id > 0) {
						started.add(id);
					}
				}
				assertThat(started).as("round %d", round).hasSize(1);
				await().atMost(Duration.ofSeconds(30)).until(() -> imports.status(started.get(0)).state() == State.APPLIED);
			}
		}
		finally {
			nodes.shutdownNow();
		}
	}
}
