package org.guildhall.mentorships.internal;

import java.util.Map;

import org.guildhall.people.PersonErased;
import org.guildhall.shared.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a person is erased: their mentorships stay as facts for the other participant (who, when,
 * how it ended) with "Former colleague" in the erased person's place, but every text in them goes:
 * goals and milestones, shared meeting notes, the request message, the agreement's expectations, the
 * closing reason and match reasons; and so do the person's own private notes, check-ins and survey
 * answers. Where others quoted the person's name, e-mail or employee id in their own notes, check-ins
 * or goals, it becomes "Former colleague". Deletes and overwrites only, so a retry changes nothing more.
 */
@Component
class ErasedParticipants {

	private static final String THEIRS = "SELECT id FROM mentorship WHERE mentor_id = ? OR mentee_id = ?";

	private final JdbcClient jdbc;

	ErasedParticipants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Text the other participants (or anyone in another mentorship) wrote, which may quote the person. */
	private static final Map<String, Map<String, Integer>> QUOTING = Map.of(
			"mentorship", Map.of("request_message", 2000, "expectations", 4000, "close_reason", 2000, "match_reasons", 1000),
			"mentorship_goal", Map.of("title", 200, "description", 2000),
			"goal_milestone", Map.of("title", 200),
			"meeting", Map.of("place", 500, "shared_notes", 8000),
			"private_note", Map.of("text", 8000),
			"mentorship_feedback", Map.of("comment", 2000));

	@ApplicationModuleListener
	void on(PersonErased event) {
		long id = event.personId();
		jdbc.sql("DELETE FROM private_note WHERE author_id = ?").param(id).update();
		jdbc.sql("DELETE FROM mentorship_feedback WHERE author_id = ?").param(id).update();
		// milestones go with their goals (ON DELETE CASCADE)
		jdbc.sql("DELETE FROM mentorship_goal WHERE mentorship_id IN (" + THEIRS + ")").params(id, id).update();
		jdbc.sql("UPDATE meeting SET shared_notes = NULL, shared_notes_version = shared_notes_version + 1 WHERE shared_notes IS NOT NULL AND mentorship_id IN (" + THEIRS + ")")
			.params(id, id).update();
		jdbc.sql("""
				UPDATE mentorship SET request_message = NULL, expectations = NULL, close_reason = NULL, match_reasons = NULL
				WHERE mentor_id = ? OR mentee_id = ?""").params(id, id).update();
		for (String trace : event.traces().all()) {
			Redaction.replace(jdbc, QUOTING, trace, trace.equals(event.traces().email()) ? PersonErased.erasedEmail(id)
					: PersonErased.FORMER_COLLEAGUE);
		}
	}
}
