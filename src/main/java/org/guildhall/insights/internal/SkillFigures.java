package org.guildhall.insights.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.insights.Count;
import org.guildhall.insights.SkillsReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts the skills report from the read model's copy of the profiles' skills. */
@Component
class SkillFigures {

	static final int LIST = 50;

	private final JdbcTemplate jdbc;

	SkillFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	SkillsReport report(int threshold, Instant now) {
		List<SkillsReport.AtRisk> atRisk = new ArrayList<>();
		List<SkillsReport.Gap> gaps = new ArrayList<>();
		jdbc.query("""
				SELECT s.skill_id, MIN(s.skill_name),
				  SUM(CASE WHEN s.proficiency >= 4 AND p.active AND p.leaving_date IS NULL THEN 1 ELSE 0 END),
				  SUM(CASE WHEN s.proficiency >= 4 AND p.active AND p.leaving_date IS NOT NULL THEN 1 ELSE 0 END),
				  SUM(CASE WHEN s.proficiency >= 4 AND NOT p.active THEN 1 ELSE 0 END),
				  SUM(CASE WHEN s.wants_to_learn AND p.active THEN 1 ELSE 0 END),
				  SUM(CASE WHEN s.can_teach AND p.active THEN 1 ELSE 0 END)
				FROM insight_skill s JOIN insight_person p ON p.person_id = s.person_id
				GROUP BY s.skill_id""", rs -> {
			long experts = rs.getLong(3);
			long leaving = rs.getLong(4);
			long left = rs.getLong(5);
			long learners = rs.getLong(6);
			long teachers = rs.getLong(7);
			if (experts < threshold && experts + leaving + left > 0) {
				atRisk.add(new SkillsReport.AtRisk(rs.getLong(1), rs.getString(2), experts, leaving, left, learners));
			}
			if (learners > 0 && learners > teachers) {
				gaps.add(new SkillsReport.Gap(rs.getLong(1), rs.getString(2), learners, teachers,
						Math.round(learners * 10.0 / Math.max(1, teachers)) / 10.0));
			}
		});
		atRisk.sort(Comparator.comparingLong(SkillsReport.AtRisk::experts).thenComparing(Comparator.comparingLong(SkillsReport.AtRisk::learners).reversed())
			.thenComparing(SkillsReport.AtRisk::skill));
		gaps.sort(Comparator.comparingDouble(SkillsReport.Gap::perTeacher).reversed().thenComparing(Comparator.comparingLong(SkillsReport.Gap::learners).reversed())
			.thenComparing(SkillsReport.Gap::skill));

		Map<Long, Long> teachersBySkill = new HashMap<>();
		gaps.forEach(g -> teachersBySkill.put(g.skillId(), g.teachers()));
		List<SkillsReport.DepartmentGap> departments = new ArrayList<>();
		jdbc.query("""
				SELECT COALESCE(p.department, '(none given)'), s.skill_id, MIN(s.skill_name),
				  SUM(CASE WHEN s.wants_to_learn THEN 1 ELSE 0 END), SUM(CASE WHEN s.can_teach THEN 1 ELSE 0 END)
				FROM insight_skill s JOIN insight_person p ON p.person_id = s.person_id
				WHERE p.active AND (s.wants_to_learn OR s.can_teach)
				GROUP BY COALESCE(p.department, '(none given)'), s.skill_id""", rs -> {
			long learners = rs.getLong(4);
			long here = rs.getLong(5);
			Long total = teachersBySkill.get(rs.getLong(2));
			if (total != null && learners >= Count.MIN_GROUP && learners > here) {
				departments.add(new SkillsReport.DepartmentGap(rs.getString(1), rs.getLong(2), rs.getString(3),
						Count.people(learners), here, total - here));
			}
		});
		departments.sort(Comparator.comparingDouble((SkillsReport.DepartmentGap d) -> -(double) d.learners().value() / Math.max(1, d.teachersHere()))
			.thenComparing(SkillsReport.DepartmentGap::department).thenComparing(SkillsReport.DepartmentGap::skill));
		return new SkillsReport(threshold, limit(atRisk), limit(gaps), limit(departments), now);
	}

	private static <T> List<T> limit(List<T> list) {
		return List.copyOf(list.subList(0, Math.min(LIST, list.size())));
	}
}
