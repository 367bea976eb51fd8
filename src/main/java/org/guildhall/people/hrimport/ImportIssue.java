package org.guildhall.people.hrimport;

import org.jspecify.annotations.Nullable;

/** Something wrong in an HR file, at a line (the header is line 1) and a column when it has one. */
public record ImportIssue(@Nullable Integer line, @Nullable String column, String message) {

	public static ImportIssue ofFile(String message) {
		return new ImportIssue(null, null, message);
	}

	@Override
	public String toString() {
		return (line == null ? "" : "line " + line + (column == null ? "" : ", column " + column) + ": ") + message;
	}
}
