package org.guildhall.programmes.internal;

import java.util.Map;

import org.guildhall.people.PersonErased;
import org.guildhall.shared.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a person is erased: their enrolments stay as counts for the programme's figures, without the
 * goals and answers they wrote; proposals keep their scores but lose their reasons (which quote the
 * person's profile); runs they started name "erased person N" instead of their e-mail.
 */
@Component
class ErasedEnrolments {

	private final JdbcClient jdbc;

	ErasedEnrolments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Text that may quote the person: others' enrolment answers, proposal reasons, programme texts, run failures. */
	private static final Map<String, Map<String, Integer>> QUOTING = Map.of(
			"enrolment", Map.of("goals", 1000, "answers", 4000),
			"match_proposal", Map.of("reasons", 1000),
			"programme", Map.of("name", 120, "purpose", 2000),
			"matching_run", Map.of("failure", 1000, "started_by", 254));

	@ApplicationModuleListener
	void on(PersonErased event) {
		long id = event.personId();
		jdbc.sql("UPDATE enrolment SET goals = NULL, answers = NULL WHERE person_id = ?").param(id).update();
		jdbc.sql("UPDATE match_proposal SET reasons = '' WHERE mentee_person_id = ? OR mentor_person_id = ?").params(id, id).update();
		jdbc.sql("UPDATE matching_run SET started_by = ? WHERE started_by = ?").params("erased person " + id, event.traces().email())
			.update();
		for (String trace : event.traces().all()) {
			Redaction.replace(jdbc, QUOTING, trace, trace.equals(event.traces().email()) ? PersonErased.erasedEmail(id)
					: PersonErased.FORMER_COLLEAGUE);
		}
	}
}
