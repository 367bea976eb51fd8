package org.guildhall.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Input that breaks a rule, naming each offending field; shown as 400 with field errors. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.isEmpty() ? "Invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	public record FieldProblem(String field, String message) {

		private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\]$");

		/**
		 * The field as people read it, never the code's name for it: "skills[2].proficiency" is
		 * "Skill 3: proficiency", "weights.crossDepartment" is "Weights: cross department".
		 */
		public String label() {
			String path = field.replace(".<list element>", "").strip();
			if (path.isEmpty()) {
				return "Input";
			}
			if (path.equals("q")) {
				return "Search text";
			}
			List<String> parts = new ArrayList<>();
			for (String segment : path.split("\\.")) {
				Matcher indexed = INDEXED.matcher(segment);
				parts.add(indexed.matches() ? singular(words(indexed.group(1))) + " " + (Long.parseLong(indexed.group(2)) + 1)
						: words(segment));
			}
			String label = String.join(": ", parts);
			return Character.toUpperCase(label.charAt(0)) + label.substring(1);
		}

		/** The problem as a page says it: "Title must be at least 10 characters". */
		public String sentence() {
			return label() + " " + message;
		}

		private static String words(String camelCase) {
			return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
		}

		private static String singular(String plural) {
			return plural.endsWith("s") && !plural.endsWith("ss") ? plural.substring(0, plural.length() - 1) : plural;
		}
	}
}
