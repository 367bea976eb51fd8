package org.guildhall.people.hrimport;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A person as HR data describes them: what Guildhall holds now, or what a row of the file says.
 * Collections are in a canonical order so that records compare equal when nothing changed.
 *
 * @param leavingDate the last working day HR has on file for someone who is leaving (kept out of
 *        profiles; counted only in the skills that are at risk)
 */
public record PersonRecord(String employeeId, String email, String fullName, @Nullable String title,
		@Nullable String department, @Nullable String location, String timeZone, @Nullable Integer level,
		@Nullable String managerEmployeeId, @Nullable LocalDate hireDate, @Nullable LocalDate leavingDate, @Nullable String bio,
		String mentoringRole,
		int mentoringCapacity, List<String> languages, List<SkillValue> skills, List<String> goals) {

	/** The same record for another person (tests and tools that derive data). */
	public PersonRecord withEmployeeId(String otherEmployeeId, String otherEmail) {
		return new PersonRecord(otherEmployeeId, otherEmail, fullName, title, department, location, timeZone, level,
				managerEmployeeId, hireDate, leavingDate, bio, mentoringRole, mentoringCapacity, languages, skills, goals);
	}

	/** A skill on the record, by taxonomy id. */
	public record SkillValue(long skillId, int proficiency, boolean canTeach, boolean wantsToLearn)
			implements Comparable<SkillValue> {

		@Override
		public int compareTo(SkillValue other) {
			return Long.compare(skillId, other.skillId);
		}
	}
}
