package org.guildhall.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** PLACEHOLDER until the people-history branch lands. */
public record PersonHistoryEntry(long sequence, long personId, LocalDate effectiveOn, @Nullable String department,
		@Nullable String location, @Nullable Integer level, @Nullable Long managerId, boolean active) {
}
