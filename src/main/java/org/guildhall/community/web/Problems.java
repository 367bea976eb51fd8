package org.guildhall.community.web;

import java.util.List;
import java.util.Locale;

import org.guildhall.shared.InvalidInputException;

/** Field problems as a person reads them: "Title must be at least 10 characters". */
final class Problems {

	private Problems() {
	}

	static List<String> messages(InvalidInputException e) {
		return e.problems().stream().map(p -> label(p.field()) + " " + p.message()).toList();
	}

	static String label(String field) {
		String words = field.replaceAll("\\[(\\d+)\\]", " $1").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		if (words.startsWith("topics ")) {
			words = "topic " + (Integer.parseInt(words.substring(7).strip()) + 1);
		}
		if (words.equals("receiver id")) {
			words = "colleague";
		}
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}
}
