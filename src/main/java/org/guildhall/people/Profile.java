package org.guildhall.people;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything shown on a person's profile page. */
public record Profile(long id, String employeeId, String email, String fullName, @Nullable String title,
		@Nullable String department, @Nullable String location, String timeZone, @Nullable Integer level,
		@Nullable PersonRef manager, List<PersonRef> reports, @Nullable LocalDate hireDate, @Nullable String bio,
		List<String> languages, List<SkillEntry> skills, List<String> goals, MentoringRole mentoringRole,
		int mentoringCapacity, boolean active, long version) {

	public List<SkillEntry> teaches() {
		return skills.stream().filter(SkillEntry::canTeach).toList();
	}

	public List<SkillEntry> learns() {
		return skills.stream().filter(SkillEntry::wantsToLearn).toList();
	}
}
