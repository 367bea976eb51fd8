package org.guildhall.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What read models need to know about a person today, read in bulk through {@link PeopleFacts}. */
public record PersonFact(long id, String fullName, @Nullable String department, @Nullable String location,
		@Nullable Integer level, @Nullable LocalDate hireDate, @Nullable Long managerId, boolean active) {
}
