package org.guildhall.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Bringing a table to a wanted set of rows: the same rows as emptying and filling it, with only the differences written. */
class TableSyncTest {

	private static final TableSync.Table LINKS = new TableSync.Table("link", List.of("source", "learner"), List.of("kind", "at", "score"));

	JdbcTemplate jdbc;

	@BeforeEach
	void database() {
		jdbc = new JdbcTemplate(new SingleConnectionDataSource(
				"jdbc:h2:mem:sync-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true));
		jdbc.execute("""
				CREATE TABLE link (source VARCHAR(40) NOT NULL, learner BIGINT NOT NULL, kind VARCHAR(20), at TIMESTAMP WITH TIME ZONE,
				  score DOUBLE PRECISION, PRIMARY KEY (source, learner))""");
	}

	private TableSync sync() {
		return new TableSync(jdbc, LINKS, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP, Types.DOUBLE);
	}

	private static Object[] row(String source, long learner, String kind, Instant at, Double score) {
		return new Object[] {source, learner, kind, at == null ? null : Timestamp.from(at), score};
	}

	private List<String> table() {
		return jdbc.query("SELECT source, learner, kind, at, score FROM link ORDER BY source, learner",
				(rs, n) -> rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getString(3) + "/"
						+ (rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()) + "/" + rs.getObject(5));
	}

	@Test
	void writesOnlyWhatDiffersAndEndsAsIfFilledAfresh() {
		Instant at = Instant.parse("2026-03-01T10:15:30.123456789Z");
		List<Object[]> first = new ArrayList<>();
		for (int i = 0; i < 12_000; i++) {
			first.add(row("kudos:" + i, i, "KUDOS", at.plusSeconds(i), i % 3 == 0 ? null : i / 7.0));
		}
		TableSync fill = sync();
		fill.want(first.subList(0, 7_000));
		fill.want(first.subList(7_000, 12_000));
		assertThat(fill.finish()).isEqualTo("link: 12000 inserted, 0 updated, 0 deleted");

		TableSync again = sync();
		again.want(first);
		assertThat(again.finish()).as("the same rows again: nothing written, nanoseconds the table cannot keep included")
			.isEqualTo("link: 0 inserted, 0 updated, 0 deleted");
		assertThat(again.changes()).isZero();

		List<Object[]> second = new ArrayList<>(first.subList(0, 11_000)); // the last 1,000 nobody has any more
		second.set(5, row("kudos:5", 5, "ANSWER", at.plusSeconds(5), 5 / 7.0)); // another kind
		second.set(6, row("kudos:6", 6, "KUDOS", at.plusSeconds(60), 6 / 7.0)); // another time
		second.set(9, row("kudos:9", 9, "KUDOS", at.plusSeconds(9), 1.5)); // a score where there was none
		second.set(10, row("kudos:10", 10, "KUDOS", at.plusSeconds(10), null)); // no score where there was one
		second.add(row("answer\u0001odd\\name", 1, null, null, null)); // a new row whose key holds the separator
		TableSync change = sync();
		change.want(second);
		assertThat(change.finish()).isEqualTo("link: 1 inserted, 4 updated, 1000 deleted");

		List<String> expected = second.stream()
			.map(r -> r[0] + "/" + r[1] + "/" + r[2] + "/" + (r[3] == null ? null
					: ((Timestamp) r[3]).toInstant().plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS)) + "/" + r[4])
			.sorted().toList();
		assertThat(table()).as("the table holds exactly the wanted rows").containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void anEmptyWishEmptiesTheTable() {
		TableSync fill = sync();
		fill.want(List.<Object[]>of(row("a", 1, "KUDOS", Instant.now(), 1.0), row("b", 2, "KUDOS", Instant.now(), 2.0)));
		fill.finish();
		assertThat(sync().finish()).isEqualTo("link: 0 inserted, 0 updated, 2 deleted");
		assertThat(table()).isEmpty();
	}

	@Test
	void valuesCompareByWhatTheyAreNotByTheirJavaType() {
		Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
		assertThat(TableSync.text(new Object[] {Timestamp.from(at)}, 0, 1))
			.isEqualTo(TableSync.text(new Object[] {OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(2))}, 0, 1))
			.isEqualTo(TableSync.text(new Object[] {at.plusNanos(400)}, 0, 1))
			.isEqualTo(TableSync.text(new Object[] {at.minusNanos(300)}, 0, 1));
		assertThat(TableSync.text(new Object[] {7}, 0, 1)).isEqualTo(TableSync.text(new Object[] {7L}, 0, 1));
		assertThat(TableSync.text(new Object[] {java.sql.Date.valueOf("2020-02-29")}, 0, 1))
			.isEqualTo(TableSync.text(new Object[] {java.time.LocalDate.parse("2020-02-29")}, 0, 1));
		assertThat(TableSync.text(new Object[] {null}, 0, 1)).isNotEqualTo(TableSync.text(new Object[] {"\u0000"}, 0, 1));
		assertThat(TableSync.text(new Object[] {"7"}, 0, 1)).isNotEqualTo(TableSync.text(new Object[] {7}, 0, 1));
		assertThat(TableSync.text(new Object[] {"a\u0001", "b"}, 0, 2)).isNotEqualTo(TableSync.text(new Object[] {"a", "\u0001b"}, 0, 2));
	}
}
