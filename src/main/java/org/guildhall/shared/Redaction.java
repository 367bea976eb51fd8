package org.guildhall.shared;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cutting a piece of text (an erased person's name, e-mail or employee id) out of free-text columns
 * that someone may have quoted it in, keeping the rest of the text. Each module calls it for its own
 * tables only. Running it again finds nothing more to replace, so it is safe in a retried listener.
 */
public final class Redaction {

	private Redaction() {
	}

	/**
	 * Replaces {@code trace} with {@code replacement} in the given columns ({@code table -> column -> length};
	 * a longer result is cut at the column's length). Returns how many rows changed.
	 */
	public static int replace(JdbcClient jdbc, Map<String, Map<String, Integer>> columns, String trace, String replacement) {
		String like = "%" + likeEscaped(trace) + "%";
		int changed = 0;
		for (var table : columns.entrySet()) {
			for (var column : table.getValue().entrySet()) {
				String name = column.getKey();
				changed += jdbc.sql("UPDATE " + table.getKey() + " SET " + name + " = SUBSTRING(REPLACE(" + name + ", ?, ?) FROM 1 FOR "
						+ column.getValue() + ") WHERE " + name + " LIKE ? ESCAPE '\\'").params(trace, replacement, like).update();
			}
		}
		return changed;
	}

	/** {@code text} as a LIKE pattern that matches it literally (escape character: backslash). */
	public static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
