package org.guildhall.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How mentees and mentors fared against comparable colleagues who took no part: still here 6 and
 * 12 months later, promoted (level went up) and moved to another department within 12 months.
 * Comparable means the same department, level band and tenure band in the month the participant
 * started. This is a comparison, not proof of cause: people who choose mentoring may differ in
 * ways no HR field shows.
 */
public record Outcomes(String scope, LocalDate asOf, List<Side> sides, Instant computedAt) {

	public static final String CAVEAT = "This compares participants with colleagues who were alike on paper when they "
			+ "started (same department, level band and tenure band). It is a comparison, not proof that mentoring caused "
			+ "the difference: people who choose to take part may differ in ways no HR record shows.";

	public String caveat() {
		return CAVEAT;
	}

	/**
	 * One role's comparison.
	 *
	 * @param participants people who started a mentorship in this role (in scope)
	 * @param withoutHistory participants left out because no HR record tells where they stood when they started
	 * @param comparison the comparable colleagues found for them
	 */
	public record Side(String role, Count participants, Count withoutHistory, Count comparison, List<Row> rows) {
	}

	/** One outcome: the participants' and the comparison group's rates, each over the people followed long enough. */
	public record Row(String outcome, String label, Rate participants, Rate comparison, @Nullable Double difference) {
	}
}
