package org.guildhall.insights.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings one table of the read model to a wanted set of rows, writing only the difference: rows
 * it lacks are inserted, rows that differ are updated, rows nobody wants any more are deleted at
 * {@link #finish()}. The table's current rows are read once, at the first wanted row, and kept as
 * text by key. A rebuild of an up-to-date model then writes almost nothing, which on H2 is most
 * of its time: a million rows deleted and inserted again in one transaction cost the index
 * upkeep, the undo log and the commit of every one of them. The result is the same as emptying
 * the table and inserting the wanted rows; a value that compares unequal only by its type or
 * precision is written again, never skipped.
 */
final class TableSync {

	/** A table: its name, its key columns and the other columns, in the order rows list them. */
	record Table(String name, List<String> keys, List<String> values) {

		String select() {
			return "SELECT " + String.join(", ", columns()) + " FROM " + name;
		}

		String insert() {
			return "INSERT INTO " + name + " (" + String.join(", ", columns()) + ") VALUES ("
					+ String.join(", ", java.util.Collections.nCopies(keys.size() + values.size(), "?")) + ")";
		}

		String update() {
			return "UPDATE " + name + " SET " + String.join(", ", values.stream().map(c -> c + " = ?").toList()) + " WHERE "
					+ String.join(" AND ", keys.stream().map(c -> c + " = ?").toList());
		}

		String delete() {
			return "DELETE FROM " + name + " WHERE " + String.join(" AND ", keys.stream().map(c -> c + " = ?").toList());
		}

		List<String> columns() {
			List<String> all = new ArrayList<>(keys);
			all.addAll(values);
			return all;
		}
	}

	private static final int BATCH = 5_000;
	private static final char SEPARATOR = '\u0001';

	private final JdbcTemplate jdbc;
	private final Table table;
	private final int[] types;
	/** The rows the table had and nobody wanted yet: key (as text) to its key values and other values (as text). */
	private @Nullable Map<String, Existing> existing;
	private final List<Object[]> inserts = new ArrayList<>();
	private final List<Object[]> updates = new ArrayList<>();
	private int inserted;
	private int updated;
	private int deleted;

	private record Existing(Object[] key, String values) {
	}

	/** Types of the columns (keys first) as {@link java.sql.Types}, for the nulls of the inserts and updates. */
	TableSync(JdbcTemplate jdbc, Table table, int... types) {
		this.jdbc = jdbc;
		this.table = table;
		this.types = types;
	}

	/** Rows wanted in the table, each key once (each row lists the keys first, then the other columns). */
	void want(List<Object[]> rows) {
		Map<String, Existing> had = existing();
		int keys = table.keys().size();
		for (Object[] row : rows) {
			Existing old = had.remove(text(row, 0, keys));
			if (old == null) {
				inserts.add(row);
			}
			else if (!old.values().equals(text(row, keys, row.length))) {
				Object[] update = new Object[row.length];
				System.arraycopy(row, keys, update, 0, row.length - keys);
				System.arraycopy(row, 0, update, row.length - keys, keys);
				updates.add(update);
			}
		}
		if (inserts.size() >= BATCH || updates.size() >= BATCH) {
			write();
		}
	}

	/** Writes what is left and deletes the rows nobody wanted; returns a line for the log. */
	String finish() {
		Map<String, Existing> had = existing();
		write();
		List<Object[]> deletes = new ArrayList<>(had.size());
		had.values().forEach(e -> deletes.add(e.key()));
		for (int from = 0; from < deletes.size(); from += BATCH) {
			jdbc.batchUpdate(table.delete(), deletes.subList(from, Math.min(deletes.size(), from + BATCH)),
					Arrays.copyOf(types, table.keys().size()));
		}
		deleted = deletes.size();
		had.clear();
		return table.name() + ": " + inserted + " inserted, " + updated + " updated, " + deleted + " deleted";
	}

	int changes() {
		return inserted + updated + deleted;
	}

	private void write() {
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate(table.insert(), inserts, types);
			inserted += inserts.size();
			inserts.clear();
		}
		if (!updates.isEmpty()) {
			int keys = table.keys().size();
			int[] updateTypes = new int[types.length];
			System.arraycopy(types, keys, updateTypes, 0, types.length - keys);
			System.arraycopy(types, 0, updateTypes, types.length - keys, keys);
			jdbc.batchUpdate(table.update(), updates, updateTypes);
			updated += updates.size();
			updates.clear();
		}
	}

	private Map<String, Existing> existing() {
		if (existing == null) {
			Map<String, Existing> rows = new HashMap<>();
			int keys = table.keys().size();
			int columns = keys + table.values().size();
			jdbc.query(table.select(), rs -> {
				Object[] row = new Object[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rs.getObject(i + 1);
				}
				rows.put(text(row, 0, keys), new Existing(Arrays.copyOf(row, keys), text(row, keys, columns)));
			});
			existing = rows;
		}
		return existing;
	}

	/** Columns from..to of a row as one text that is equal for equal values, whatever Java type JDBC gave them. */
	static String text(Object[] row, int from, int to) {
		StringBuilder text = new StringBuilder();
		for (int i = from; i < to; i++) {
			if (i > from) {
				text.append(SEPARATOR);
			}
			Object value = row[i];
			if (value == null) {
				text.append('\u0000');
			}
			else if (value instanceof String s) {
				// a string that holds the separator or starts like null is told apart by its escape
				text.append('"').append(s.replace("\\", "\\\\").replace(String.valueOf(SEPARATOR), "\\1"));
			}
			else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
				text.append(((Number) value).longValue());
			}
			else if (value instanceof BigDecimal d) {
				text.append(d.stripTrailingZeros().toPlainString());
			}
			else if (value instanceof Double || value instanceof Float) {
				text.append(Double.toString(((Number) value).doubleValue()));
			}
			else if (value instanceof Timestamp t) {
				text.append(micros(t.toInstant()));
			}
			else if (value instanceof OffsetDateTime t) {
				text.append(micros(t.toInstant()));
			}
			else if (value instanceof Instant t) {
				text.append(micros(t));
			}
			else if (value instanceof java.sql.Date d) {
				text.append(d.toLocalDate());
			}
			else {
				text.append(value);
			}
		}
		return text.toString();
	}

	/** To the microsecond, rounded as H2 and PostgreSQL round what they store (a half-way value may compare unequal: written again). */
	private static String micros(Instant instant) {
		return "@" + instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
	}
}
