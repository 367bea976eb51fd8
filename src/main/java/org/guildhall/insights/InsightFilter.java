package org.guildhall.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Which part of the organisation a dashboard looks at: one programme or all the viewer may see,
 * one cohort (the quarter people enrolled in, such as {@code 2026-Q1}), and the mentee's current
 * department, location and level.
 */
public record InsightFilter(@Nullable Long programmeId, @Nullable String cohort, @Nullable String department,
		@Nullable String location, @Nullable Integer level) {

	private static final Pattern COHORT = Pattern.compile("(20\\d\\d)-Q([1-4])");

	public static final InsightFilter ALL = new InsightFilter(null, null, null, null, null);

	/** Checks every field, naming each bad one; blank text means "no filter". */
	public static InsightFilter of(@Nullable Long programmeId, @Nullable String cohort, @Nullable String department,
			@Nullable String location, @Nullable Integer level) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (programmeId != null && programmeId < 1) {
			problems.add(new InvalidInputException.FieldProblem("programme", "must be a programme id"));
		}
		String c = blank(cohort);
		if (c != null && !COHORT.matcher(c).matches()) {
			problems.add(new InvalidInputException.FieldProblem("cohort", "must be a quarter such as 2026-Q1"));
		}
		String d = blank(department);
		String l = blank(location);
		if (d != null && d.length() > 120) {
			problems.add(new InvalidInputException.FieldProblem("department", "must be at most 120 characters"));
		}
		if (l != null && l.length() > 120) {
			problems.add(new InvalidInputException.FieldProblem("location", "must be at most 120 characters"));
		}
		if (level != null && (level < 0 || level > 100)) {
			problems.add(new InvalidInputException.FieldProblem("level", "must be a level from 0 to 100"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new InsightFilter(programmeId, c, d, l, level);
	}

	/** Whether anything narrows the people (not just the programme). */
	public boolean narrowsPeople() {
		return cohort != null || department != null || location != null || level != null;
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
