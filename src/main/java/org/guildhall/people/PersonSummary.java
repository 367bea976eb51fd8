package org.guildhall.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A row of the directory. */
public record PersonSummary(long id, String fullName, @Nullable String title, @Nullable String department,
		@Nullable String location, String email, List<String> topSkills) {
}
