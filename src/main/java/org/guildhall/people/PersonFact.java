package org.guildhall.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What read models need to know about a person today, read in bulk through {@link PeopleFacts}.
 *
 * @param leavingDate the last working day of someone HR says is leaving, if any
 */
public record PersonFact(long id, String fullName, @Nullable String department, @Nullable String location,
		@Nullable Integer level, @Nullable LocalDate hireDate, @Nullable LocalDate leavingDate, @Nullable Long managerId,
		boolean active) {
}
