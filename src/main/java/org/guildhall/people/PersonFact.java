package org.guildhall.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** PLACEHOLDER until the people-history branch lands. */
public record PersonFact(long id, String fullName, @Nullable String department, @Nullable String location,
		@Nullable Integer level, @Nullable LocalDate hireDate, @Nullable Long managerId, boolean active) {
}
