package org.guildhall.people.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guildhall.shared.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The people module's part of the archive: the profile, skills, goals, languages and HR history. */
@Component
class PeoplePersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	PeoplePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "profile";
	}

	@Override
	public String describes() {
		return "your profile as imported from HR and edited by you, skills, learning goals, languages, the dated history "
				+ "of your department, location, level and manager, and self-reported characteristics if you answered them";
	}

	@Override
	public Map<String, Object> export(Subject subject) {
		Map<String, Object> part = new LinkedHashMap<>();
		if (subject.personId() == null) {
			part.put("profile", null);
			return part;
		}
		long id = subject.personId();
		part.put("profile", PersonalDataSource.rows(jdbc.sql("""
				SELECT p.id, p.employee_id, p.email, p.full_name, p.title, p.department, p.location, p.time_zone, p.level,
				  p.manager_id, m.full_name AS manager_name, p.hire_date, p.leaving_date, p.bio, p.mentoring_role,
				  p.mentoring_capacity, p.active, p.updated_at
				FROM person p LEFT JOIN person m ON m.id = p.manager_id WHERE p.id = ?""").param(id).query().listOfRows())
			.stream().findFirst().orElse(null));
		part.put("skills", PersonalDataSource.rows(jdbc.sql("""
				SELECT s.name AS skill, ps.proficiency, ps.can_teach, ps.wants_to_learn
				FROM person_skill ps JOIN skill s ON s.id = ps.skill_id WHERE ps.person_id = ? ORDER BY s.name""")
			.param(id).query().listOfRows()));
		part.put("learningGoals", jdbc.sql("SELECT text FROM learning_goal WHERE person_id = ? ORDER BY position")
			.param(id).query(String.class).list());
		part.put("languages", jdbc.sql("SELECT language FROM person_language WHERE person_id = ? ORDER BY language")
			.param(id).query(String.class).list());
		part.put("history", PersonalDataSource.rows(jdbc.sql("""
				SELECT effective_on, department, location, level, manager_id, active, recorded_at
				FROM person_history WHERE person_id = ? ORDER BY effective_on, id""").param(id).query().listOfRows()));
		part.put("skillsSuggested", jdbc.sql("SELECT name FROM skill WHERE suggested_by = ? ORDER BY name")
			.param(id).query(String.class).list());
		part.put("characteristics", PersonalDataSource.rows(jdbc.sql("""
				SELECT c.given_at AS consent_given_at, a.characteristic_key, a.answer
				FROM characteristic_consent c LEFT JOIN characteristic_answer a ON a.person_id = c.person_id
				WHERE c.person_id = ?""").param(id).query().listOfRows()));
		return part;
	}
}
