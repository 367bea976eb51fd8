package org.guildhall.programmes.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guildhall.shared.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The programmes' part of the archive: enrolments and the matching proposals that named the person. */
@Component
class ProgrammesPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	ProgrammesPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "programmes";
	}

	@Override
	public String describes() {
		return "your enrolments in mentoring programmes (role, goals, answers, capacity, status) and the matching proposals "
				+ "that paired you, with their scores and reasons";
	}

	@Override
	public Map<String, Object> export(Subject subject) {
		Map<String, Object> part = new LinkedHashMap<>();
		if (subject.personId() == null) {
			return part;
		}
		long id = subject.personId();
		part.put("enrolments", PersonalDataSource.rows(jdbc.sql("""
				SELECT p.id AS programme_id, p.name AS programme, e.role, e.goals, e.answers, e.capacity, e.status
				FROM enrolment e JOIN programme p ON p.id = e.programme_id WHERE e.person_id = ? ORDER BY e.id""")
			.param(id).query().listOfRows()));
		part.put("matchingProposals", PersonalDataSource.rows(jdbc.sql("""
				SELECT r.programme_id, mp.run_id, mp.mentee_person_id, mp.mentor_person_id, mp.score, mp.reasons
				FROM match_proposal mp JOIN matching_run r ON r.id = mp.run_id
				WHERE mp.mentee_person_id = ? OR mp.mentor_person_id = ? ORDER BY mp.run_id""").params(id, id).query().listOfRows()));
		return part;
	}
}
