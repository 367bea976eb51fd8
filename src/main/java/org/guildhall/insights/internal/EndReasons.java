package org.guildhall.insights.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Groups the free-text reason a pair gave for ending early into a few categories, by keywords,
 * so that a manager sees why pairs end without reading anyone's words. The first category whose
 * words appear wins; the rest is "Other".
 */
public final class EndReasons {

	public static final String OTHER = "Other";

	private record Category(String name, List<String> words) {
	}

	private static final List<Category> CATEGORIES = List.of(
			new Category("Left or changed role", List.of("left the", "leaving", "resign", "new role", "new job", "changed role",
					"moved to", "parental", "leave", "reorg", "redundan", "new team", "promot")),
			new Category("Goals reached early", List.of("achieved", "reached", "accomplished", "goals met", "goal met",
					"learned what", "learnt what", "done what")),
			new Category("Not enough time", List.of("time", "busy", "workload", "capacity", "schedule", "availability",
					"deadline", "overload", "too much work")),
			new Category("Not a good fit", List.of("fit", "match", "chemistry", "expectation", "different", "not helpful",
					"mismatch", "not working", "did not click", "didn't click")));

	private EndReasons() {
	}

	public static String category(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			return OTHER;
		}
		String text = reason.toLowerCase(Locale.ROOT);
		for (Category category : CATEGORIES) {
			for (String word : category.words()) {
				if (text.contains(word)) {
					return category.name();
				}
			}
		}
		return OTHER;
	}

	public static List<String> names() {
		List<String> names = new java.util.ArrayList<>(CATEGORIES.stream().map(Category::name).toList());
		names.add(OTHER);
		return names;
	}
}
