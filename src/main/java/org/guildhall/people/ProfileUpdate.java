package org.guildhall.people;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What a person may change on their own profile (HR fields such as title, department and manager
 * come from the HR import). {@code version} is the version the editor saw, so that two editors
 * cannot silently overwrite each other.
 */
public record ProfileUpdate(
		@Size(max = 4000, message = "must be at most 4000 characters") @Nullable String bio,
		@NotBlank(message = "is required") @Size(max = 64) String timeZone,
		@NotNull @Size(max = 10, message = "at most 10 languages") List<@NotBlank @Size(max = 40) String> languages,
		@NotNull @Size(max = 50, message = "at most 50 skills") List<@Valid SkillChoice> skills,
		@NotNull @Size(max = 10, message = "at most 10 goals") List<@NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String> goals,
		@NotNull MentoringRole mentoringRole,
		@Min(value = 0, message = "must be 0 or more") @Max(value = 20, message = "must be at most 20") int mentoringCapacity,
		long version) {

	/** A skill picked for the profile, named by its name or any alias. */
	public record SkillChoice(
			@NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters") String skill,
			@Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") int proficiency,
			boolean canTeach, boolean wantsToLearn) {
	}
}
