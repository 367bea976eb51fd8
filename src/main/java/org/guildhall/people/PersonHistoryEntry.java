package org.guildhall.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What HR said about a person from {@code effectiveOn} on: their department, location, level,
 * manager and whether they were active. A new entry is written only when one of these changes.
 *
 * @param sequence increases with every entry written; read on from the last one seen with
 *        {@link PersonHistory#after}
 * @param managerId the manager's person id
 */
public record PersonHistoryEntry(long sequence, long personId, LocalDate effectiveOn, @Nullable String department,
		@Nullable String location, @Nullable Integer level, @Nullable Long managerId, boolean active) {
}
