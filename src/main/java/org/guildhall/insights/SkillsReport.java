package org.guildhall.insights;

import java.time.Instant;
import java.util.List;

/**
 * Skills the organisation could lose or lacks, from what profiles say: knowledge held at
 * proficiency 4 or 5 by fewer than {@code threshold} active people (or only by people who left),
 * and skills many want to learn that few can teach, overall and per department. These counts are
 * of profile entries everyone can already read in the directory, except the per-department
 * learners, which hide groups smaller than five.
 */
public record SkillsReport(int threshold, List<AtRisk> atRisk, List<Gap> gaps, List<DepartmentGap> departmentGaps,
		Instant computedAt) {

	/** A skill few active people know well; {@code left} experts are no longer active. */
	public record AtRisk(long skillId, String skill, long experts, long left, long learners) {

		public String why() {
			if (experts == 0) {
				return "Only people who have left knew it well";
			}
			return (experts == 1 ? "Only 1 active person knows" : "Only " + experts + " active people know") + " it well"
					+ (left > 0 ? "; " + left + " who did have left" : "");
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
