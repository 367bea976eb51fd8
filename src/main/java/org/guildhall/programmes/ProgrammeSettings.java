package org.guildhall.programmes;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What a programme manager decides when designing a programme. Criterion weights are keyed by the
 * criteria of the matching engine ({@code skills}, {@code goals}, {@code seniority},
 * {@code crossDepartment}, {@code language}, {@code timeZone}, {@code preferences}) with a number
 * from 0 to 10 or {@code must}.
 */
public record ProgrammeSettings(
		@NotBlank(message = "is required") @Size(max = 120, message = "must be at most 120 characters") String name,
		@Size(max = 2000, message = "must be at most 2000 characters") @Nullable String purpose,
		@NotNull(message = "is required") ProgrammeFormat format,
		@Nullable LocalDate enrolmentOpens,
		@Nullable LocalDate enrolmentCloses,
		@Min(value = 1, message = "must be between 1 and 104") @Max(value = 104, message = "must be between 1 and 104") int durationWeeks,
		@Min(value = 1, message = "must be between 1 and 20") @Max(value = 20, message = "must be between 1 and 20") int defaultCapacity,
		@NotNull(message = "is required") MatchingMode matchingMode,
		@NotNull(message = "is required") ObjectiveChoice objective,
		@NotNull(message = "is required") @Size(max = 7) java.util.Map<String, String> weights,
		@NotNull(message = "is required") @Size(max = 10, message = "at most 10 questions") List<@NotBlank @Size(max = 300, message = "must be at most 300 characters") String> questions,
		boolean approvalRequired) {

	/** The objective of bulk matching runs. */
	public enum ObjectiveChoice {
		OPTIMAL, FAIR, STABLE
	}
}
