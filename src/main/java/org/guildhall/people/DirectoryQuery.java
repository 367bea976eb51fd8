package org.guildhall.people;

import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A directory search: words of a name (each must start a word of the name), a skill (by name or
 * alias), a department and a location. Blank parts are ignored.
 */
public record DirectoryQuery(@Nullable String text, @Nullable String skill, @Nullable String department,
		@Nullable String location, boolean teachersOnly) {

	public static final int MAX_LENGTH = 100;

	public DirectoryQuery {
		text = clean("q", text);
		skill = clean("skill", skill);
		department = clean("department", department);
		location = clean("location", location);
	}

	public static DirectoryQuery everyone() {
		return new DirectoryQuery(null, null, null, null, false);
	}

	private static @Nullable String clean(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > MAX_LENGTH) {
			throw new InvalidInputException(field, "must be at most " + MAX_LENGTH + " characters");
		}
		return trimmed;
	}
}
