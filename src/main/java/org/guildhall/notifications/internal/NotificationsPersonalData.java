package org.guildhall.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guildhall.shared.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notifications' part of the archive: what a person was told, in the app and by e-mail, and their settings. */
@Component
class NotificationsPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	NotificationsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "notifications";
	}

	@Override
	public String describes() {
		return "your notifications (read or not), the e-mails sent or waiting to be sent to you, and your e-mail settings";
	}

	@Override
	public Map<String, Object> export(Subject subject) {
		Map<String, Object> part = new LinkedHashMap<>();
		if (subject.personId() == null) {
			return part;
		}
		long id = subject.personId();
		part.put("notifications", PersonalDataSource.rows(jdbc.sql("""
				SELECT id, category, title, body, link, created_at, read_at FROM notification WHERE recipient_person_id = ?
				ORDER BY created_at, id""").param(id).query().listOfRows()));
		part.put("emails", PersonalDataSource.rows(jdbc.sql("""
				SELECT m.notification_id, m.to_address, m.subject, m.body, m.attachment_name, m.status, m.created_at, m.finished_at
				FROM notification_mail m JOIN notification n ON n.id = m.notification_id WHERE n.recipient_person_id = ?
				ORDER BY m.created_at, m.id""").param(id).query().listOfRows()));
		part.put("emailSettings", PersonalDataSource.rows(jdbc.sql(
				"SELECT category, email FROM notification_preference WHERE person_id = ? ORDER BY category").param(id).query().listOfRows()));
		return part;
	}
}
