package org.guildhall.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One module's part of a person's data archive ("download everything about me"). Each module that
 * keeps personal data implements this in its internal package; the people module collects every
 * part into one ZIP, one JSON file per part. A part reads only its own module's tables.
 */
public interface PersonalDataSource {

	/** The file name of this part in the archive (without {@code .json}), e.g. {@code community}. */
	String part();

	/** One sentence for the archive's README: what this part holds. */
	String describes();

	/**
	 * Everything this module holds about the person, as JSON-ready values (maps, lists, strings,
	 * numbers, booleans, dates). Secrets (password hashes, token hashes, TOTP keys) never appear.
	 */
	Map<String, Object> export(Subject subject);

	/** Whose data: the person (if the account has a profile) and the account. */
	record Subject(long accountId, String email, Long personId) {
	}

	/** Rows as plain maps with lower-case keys, the same on H2 and PostgreSQL. */
	static List<Map<String, Object>> rows(List<Map<String, Object>> rows) {
		return rows.stream().map(row -> {
			Map<String, Object> copy = new java.util.LinkedHashMap<>();
			row.forEach((key, value) -> copy.put(key.toLowerCase(Locale.ROOT), plain(value)));
			return copy;
		}).toList();
	}

	private static Object plain(Object value) {
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.sql.Date || value instanceof java.util.UUID) {
			return value.toString();
		}
		if (value instanceof java.sql.Clob clob) {
			try {
				return clob.getSubString(1, (int) clob.length());
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
		}
		return value;
	}
}
