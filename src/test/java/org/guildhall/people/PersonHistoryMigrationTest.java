package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.guildhall.testing.PostgresAvailability;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The V60 migration on a database that already holds people: each starts with one history entry
 * holding what they had. Runs on a database of its own (H2) or a schema of its own (PostgreSQL).
 */
@Tag("database")
@ExtendWith(PostgresAvailability.class)
class PersonHistoryMigrationTest {

	private static final String SCHEMA = "person_history_migration";

	@Test
	void everyoneAlreadyThereStartsWithWhatTheyHadToday() {
		String postgres = System.getenv().getOrDefault("GUILDHALL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String url = TestProfiles.onPostgres()
				? postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA
				: "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		String user = TestProfiles.onPostgres() ? System.getenv().getOrDefault("GUILDHALL_TEST_POSTGRES_USER", "postgres") : "sa";
		// one connection throughout: with a connection per step, the in-memory H2 database failed
		// its check constraints ("the database has been closed") after Flyway had closed its own
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, "", true);
		try {
			var flyway = Flyway.configure().dataSource(dataSource).schemas(TestProfiles.onPostgres() ? SCHEMA : "public")
				.createSchemas(true).cleanDisabled(false).locations("classpath:db/migration");
			flyway.load().clean();
			flyway.target("55").load().migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			migratedWithPeople(flyway, jdbc);
			flyway.load().clean();
		}
		finally {
			dataSource.destroy();
		}
	}

	private void migratedWithPeople(FluentConfiguration flyway, JdbcClient jdbc) {
		jdbc.sql("INSERT INTO person (employee_id, email, full_name, department, location, level) VALUES ('A', 'a@example.com', 'Ann', 'Sales', 'Oslo', 7)")
			.update();
		long ann = jdbc.sql("SELECT id FROM person WHERE employee_id = 'A'").query(Long.class).single();
		jdbc.sql("INSERT INTO person (employee_id, email, full_name, manager_id, active) VALUES ('B', 'b@example.com', 'Bo', ?, FALSE)")
			.param(ann).update();
		long bo = jdbc.sql("SELECT id FROM person WHERE employee_id = 'B'").query(Long.class).single();

		flyway.target("latest").load().migrate();

		LocalDate today = jdbc.sql("SELECT CURRENT_DATE").query(LocalDate.class).single();
		assertThat(jdbc.sql("SELECT person_id, effective_on, department, location, level, manager_id, active FROM person_history ORDER BY id")
			.query((rs, n) -> new PersonHistoryEntry(0, rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), rs.getObject(5, Integer.class), rs.getObject(6, Long.class), rs.getBoolean(7)))
			.list())
			.containsExactly(new PersonHistoryEntry(0, ann, today, "Sales", "Oslo", 7, null, true),
					new PersonHistoryEntry(0, bo, today, null, null, null, ann, false));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM hr_import WHERE effective_on IS NOT NULL").query(Long.class).single()).isZero();
	}
}
