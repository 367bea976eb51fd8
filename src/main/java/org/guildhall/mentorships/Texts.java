package org.guildhall.mentorships;

import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Checks free text from people: stripped, within its length limit, present when required. */
final class Texts {

	private Texts() {
	}

	static @Nullable String optional(String field, @Nullable String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String clean = text.strip();
		if (clean.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters (it has " + clean.length() + ")");
		}
		return clean;
	}

	static String required(String field, @Nullable String text, int max, String whenMissing) {
		String clean = optional(field, text, max);
		if (clean == null) {
			throw new InvalidInputException(field, whenMissing);
		}
		return clean;
	}

	static int rating(@Nullable Integer rating) {
		if (rating == null || rating < 1 || rating > 5) {
			throw new InvalidInputException("rating", "must be a whole number from 1 to 5");
		}
		return rating;
	}
}
