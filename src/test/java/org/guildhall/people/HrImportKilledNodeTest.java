package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.guildhall.demo.OrganisationGenerator;
import org.guildhall.people.HrImportStatus.State;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real second node, in its own JVM on the same PostgreSQL database, is killed ({@code kill -9})
 * in the middle of applying a large HR import. This node, which keeps running, must mark the import
 * failed within 60 s, nothing about the people may have changed, and the next import must go
 * through. Only on the PostgreSQL run: the H2 test database lives inside this JVM.
 */
@GuildhallTest
class HrImportKilledNodeTest {

	/** Large enough that applying takes seconds on PostgreSQL (100,000 took 16 s in the benchmark). */
	private static final int PEOPLE = 40_000;

	@Autowired
	HrImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	private final String run = "k" + UUID.randomUUID().toString().substring(0, 8);

	/** What an import could change about the people, summed up. */
	record People(long count, long active, long versions, long history) {
	}

	private People people() {
		return jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN active THEN 1 ELSE 0 END), 0), COALESCE(SUM(version), 0),
				       (SELECT COUNT(*) FROM person_history) FROM person""")
			.query((rs, n) -> new People(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
	}

	@Test
	void aNodeKilledMidApplyChangesNothingAndIsMarkedFailedWithinAMinuteByAnotherNode() throws Exception {
		Assumptions.assumeTrue(TestProfiles.onPostgres(), "needs a database a second JVM can share: runs on PostgreSQL");
		HrImportStatus preview = imports.uploadAndPreview("organisation.csv", organisation(), "admin@example.com");
		assertThat(preview.state()).as("preview: %s", imports.issues(preview.id())).isEqualTo(State.PREVIEWED);
		assertThat(preview.toCreate()).isEqualTo(PEOPLE);
		People before = people();

		Path log = Files.createTempFile("guildhall-applying-node-", ".log");
		Process node = startNode(preview.id(), log);
		try {
			await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(50))
				.until(() -> writing(preview.id()) || !node.isAlive());
			assertThat(node.isAlive()).as("the second node is still applying; its log: %s", log).isTrue();
		}
		finally {
			node.destroyForcibly();
			node.waitFor(30, TimeUnit.SECONDS);
		}
		long killed = System.nanoTime();
		assertThat(imports.status(preview.id()).state()).as("killed mid-apply").isEqualTo(State.APPLYING);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.until(() -> imports.status(preview.id()).state() == State.FAILED);
		System.out.printf("HrImportKilledNodeTest: marked failed %.1f s after the kill%n", (System.nanoTime() - killed) / 1e9);

		assertThat(people()).as("nothing about the people changed").isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE email LIKE ?").param("%@" + run + ".example.com")
			.query(Long.class).single()).isZero();
		HrImportStatus failed = imports.status(preview.id());
		assertThat(failed.failure()).contains("Nothing was changed");
		assertThat(failed.applicable() && failed.discardable()).as("it can be applied again or discarded").isTrue();

		// the user drops it, and the next import goes through at once
		imports.discard(preview.id());
		HrImportStatus next = imports.uploadAndPreview("next.csv", ("employee_id,email,full_name\n" + run
				+ "-N1,next@" + run + ".example.com,Nora Next\n").getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(imports.applyNow(next.id()).state()).isEqualTo(State.APPLIED);
		Files.deleteIfExists(log);
	}

	private boolean writing(long id) {
		return jdbc.sql("SELECT status, phase, processed_rows FROM hr_import WHERE id = ?").param(id)
			.query((rs, n) -> "APPLYING".equals(rs.getString(1)) && "writing".equals(rs.getString(2)) && rs.getInt(3) > 0)
			.single();
	}

	/** A generated organisation with this run's own employee ids and e-mail domain. */
	private byte[] organisation() throws IOException {
		StringWriter csv = new StringWriter(PEOPLE * 500);
		new OrganisationGenerator().generate(PEOPLE, 42, csv);
		return csv.toString().replace("@example.com", "@" + run + ".example.com")
			.replaceAll("\\bE(\\d{6})\\b", run.toUpperCase() + "-E$1")
			.getBytes(StandardCharsets.UTF_8);
	}

	private Process startNode(long importId, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				ApplyingNode.class.getName(), Long.toString(importId)));
		command.addAll(List.of("--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username", "postgres"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--spring.flyway.enabled=false", "--server.port=0", "--guildhall.demo.enabled=false",
				"--guildhall.mentorships.nudges.cron=-", "--guildhall.events.retry.enabled=false",
				"--guildhall.imports.lease=PT3S", "--guildhall.imports.heartbeat=PT1S", "--guildhall.imports.lease-check=PT1S",
				"--spring.datasource.hikari.maximum-pool-size=4"));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
			.directory(new File(System.getProperty("user.dir"))).start();
	}
}
