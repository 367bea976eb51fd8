package org.guildhall.people.hrimport;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What applying an HR file would do. Built by {@link ImportPlanner}; applied by {@link ImportWriter}
 * only when it has no issues.
 *
 * @param cleared for each field (as the preview names it: "title", "department"), how many people
 *        already in Guildhall have a value there that an empty cell in the file clears
 */
public record ImportPlan(Set<Column> columns, List<Change> creates, List<Change> updates, List<Deactivation> deactivations,
		int unchanged, List<ImportIssue> issues, Map<String, Integer> cleared) {

	public boolean valid() {
		return issues.isEmpty();
	}

	/** A person to create ({@code personId} null) or update, with a short description for the preview. */
	public record Change(int line, @Nullable Long personId, PersonRecord record, boolean reactivate,
			boolean nameChanged, boolean emailChanged, String summary) {
	}

	public record Deactivation(long personId, String employeeId, String fullName) {
	}
}
