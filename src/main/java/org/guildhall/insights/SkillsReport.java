package org.guildhall.insights;

import java.time.Instant;
import java.util.List;

/**
 * Skills the organisation could lose or lacks, from what profiles say: knowledge held at
 * proficiency 4 or 5 by fewer than {@code threshold} active people who are staying (the others
 * have left, or HR gave them a leaving date),
 * and skills many want to learn that few can teach, overall and per department. These counts are
 * of profile entries everyone can already read in the directory, except the per-department
 * learners, which hide groups smaller than five.
 */
public record SkillsReport(int threshold, List<AtRisk> atRisk, List<Gap> gaps, List<DepartmentGap> departmentGaps,
		Instant computedAt) {

	/**
	 * A skill few people who are staying know well: {@code experts} active people without a leaving
	 * date, {@code leaving} active people with one, {@code left} people no longer active.
	 */
	public record AtRisk(long skillId, String skill, long experts, long leaving, long left, long learners) {

		public String why() {
			String gone = java.util.stream.Stream.of(leaving > 0 ? leaving + " leaving" : null, left > 0 ? left + " who have left" : null)
				.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" and "));
			if (experts == 0) {
				return "Only people who are leaving or have left know it well (" + gone + ")";
			}
			return (experts == 1 ? "Only 1 person who is staying knows" : "Only " + experts + " people who are staying know")
					+ " it well" + (gone.isEmpty() ? "" : "; " + gone);
		}
	}

	/** A skill wanted by many and taught by few: {@code perTeacher} learners for each teacher. */
	public record Gap(long skillId, String skill, long learners, long teachers, double perTeacher) {
	}

	/** Within one department: its learners of a skill, and who can teach it there and elsewhere. */
	public record DepartmentGap(String department, long skillId, String skill, Count learners, long teachersHere,
			long teachersElsewhere) {
	}
}
