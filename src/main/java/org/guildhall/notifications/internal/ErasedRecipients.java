package org.guildhall.notifications.internal;

import java.util.Map;

import org.guildhall.people.PersonErased;
import org.guildhall.shared.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a person is erased: their notifications, e-mails (sent or waiting) and e-mail settings go;
 * in everyone else's notifications and e-mail copies (calendar attachments included) their name
 * becomes "Former colleague" and their e-mail address and employee id are cut out. Deletes and
 * replacements of text that is no longer there on a second run, so a retry changes nothing more.
 */
@Component
class ErasedRecipients {

	/** Columns that may quote someone, with their length. */
	private static final Map<String, Map<String, Integer>> QUOTING = Map.of(
			"notification", Map.of("title", 300, "body", 4000),
			"notification_mail", Map.of("subject", 300, "body", 8000, "attachment", 60000, "last_error", 1000));

	private final JdbcClient jdbc;

	ErasedRecipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(PersonErased event) {
		long id = event.personId();
		jdbc.sql("DELETE FROM notification_mail WHERE notification_id IN (SELECT n.id FROM notification n WHERE n.recipient_person_id = ?)")
			.param(id).update();
		jdbc.sql("DELETE FROM notification WHERE recipient_person_id = ?").param(id).update();
		jdbc.sql("DELETE FROM notification_preference WHERE person_id = ?").param(id).update();
		jdbc.sql("DELETE FROM notification_mail WHERE to_address = ?").param(event.traces().email()).update();
		for (String trace : event.traces().all()) {
			String replacement = trace.equals(event.traces().fullName()) ? PersonErased.FORMER_COLLEAGUE
					: trace.equals(event.traces().email()) ? PersonErased.erasedEmail(id) : "[erased]";
			Redaction.replace(jdbc, QUOTING, trace, replacement);
		}
	}

}
