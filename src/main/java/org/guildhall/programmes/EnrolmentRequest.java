package org.guildhall.programmes;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** What an employee says when enrolling: the side, goals, mentoring capacity and answers to the questions. */
public record EnrolmentRequest(@NotNull(message = "is required") EnrolmentRole role,
		@Size(max = 1000, message = "must be at most 1000 characters") @Nullable String goals,
		@Min(value = 0, message = "must be between 0 and 20") @Max(value = 20, message = "must be between 0 and 20") int capacity,
		@NotNull @Size(max = 10) List<@Size(max = 2000, message = "must be at most 2000 characters") String> answers) {
}
