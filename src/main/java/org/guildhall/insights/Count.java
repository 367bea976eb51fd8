package org.guildhall.insights;

import org.jspecify.annotations.Nullable;

/**
 * A number of people (or of things people did) that is shown only when at least
 * {@link #MIN_GROUP} people stand behind it; otherwise {@code value} is null and the page says
 * "fewer than 5", so that nobody can be singled out.
 */
public record Count(@Nullable Long value) {

	public static final int MIN_GROUP = 5;

	/** The count as it may be shown of a group of {@code people} (an empty group singles nobody out: it shows). */
	public static Count of(long value, long people) {
		return new Count(people > 0 && people < MIN_GROUP ? null : value);
	}

	/** A count whose group is the counted people themselves. */
	public static Count people(long people) {
		return of(people, people);
	}

	public boolean suppressed() {
		return value == null;
	}

	public String label() {
		return value == null ? "fewer than " + MIN_GROUP : String.format("%,d", value);
	}
}
