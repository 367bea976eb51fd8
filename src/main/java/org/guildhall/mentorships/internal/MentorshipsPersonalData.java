package org.guildhall.mentorships.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.shared.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mentorships' part of the archive: every mentorship a person took part in, with what it holds. */
@Component
class MentorshipsPersonalData implements PersonalDataSource {

	private static final String THEIRS = "SELECT id FROM mentorship WHERE mentor_id = ? OR mentee_id = ?";

	private final JdbcClient jdbc;

	MentorshipsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "mentorships";
	}

	@Override
	public String describes() {
		return "your mentorships as mentor or mentee: request, agreement, goals and milestones, meetings with their shared "
				+ "notes, your private notes (never the other person's), your check-ins and survey answers";
	}

	@Override
	public Map<String, Object> export(Subject subject) {
		Map<String, Object> part = new LinkedHashMap<>();
		if (subject.personId() == null) {
			return part;
		}
		long id = subject.personId();
		part.put("mentorships", rows("""
				SELECT id, programme_id, mentor_id, mentee_id, status, requested, request_message, match_score, match_reasons,
				  planned_weeks, created_at, started_at, ended_at, close_reason, expectations, cadence_days
				FROM mentorship WHERE mentor_id = ? OR mentee_id = ? ORDER BY created_at, id""", id, id));
		part.put("goals", rows("SELECT mentorship_id, id, title, description, progress, created_at, achieved_at FROM mentorship_goal "
				+ "WHERE mentorship_id IN (" + THEIRS + ") ORDER BY mentorship_id, id", id, id));
		part.put("milestones", rows("""
				SELECT g.mentorship_id, m.goal_id, m.title, m.due_on, m.done FROM goal_milestone m JOIN mentorship_goal g ON g.id = m.goal_id
				WHERE g.mentorship_id IN (""" + THEIRS + ") ORDER BY m.goal_id, m.id", id, id));
		part.put("meetings", rows("SELECT mentorship_id, id, organiser_id, starts_at, minutes, place, cancelled, shared_notes FROM meeting "
				+ "WHERE mentorship_id IN (" + THEIRS + ") ORDER BY starts_at", id, id));
		part.put("privateNotes", rows("SELECT meeting_id, text, updated_at FROM private_note WHERE author_id = ? ORDER BY updated_at", id));
		part.put("yourCheckInsAndSurveys", rows("""
				SELECT mentorship_id, subject, rating, comment, answered_at FROM mentorship_feedback WHERE author_id = ?
				ORDER BY answered_at""", id));
		return part;
	}

	private List<Map<String, Object>> rows(String sql, Object... params) {
		return PersonalDataSource.rows(jdbc.sql(sql).params(params).query().listOfRows());
	}
}
