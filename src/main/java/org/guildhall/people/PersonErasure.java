package org.guildhall.people;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.Redaction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasing a person at their request (GDPR article 17), by an administrator. The profile row stays,
 * so that what the person wrote in the community keeps an author, but it becomes "Former colleague"
 * with no e-mail, employee id, title, department, location, bio, skills, goals, languages, history
 * or self-reported characteristics. The other modules clean up their own data when they hear
 * {@link PersonErased}, published in the same transaction.
 */
@Service
public class PersonErasure {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final PeopleDirectory directory;

	PersonErasure(JdbcClient jdbc, ApplicationEventPublisher events, PeopleDirectory directory) {
		this.jdbc = jdbc;
		this.events = events;
		this.directory = directory;
	}

	/** Whether the person was erased already. */
	@Transactional(readOnly = true)
	public boolean isErased(long personId) {
		return jdbc.sql("SELECT email FROM person WHERE id = ?").param(personId).query(String.class).optional()
			.map(email -> email.equals(PersonErased.erasedEmail(personId))).orElse(false);
	}

	/**
	 * Erases the person. {@code confirmName} must be the person's full name as the directory shows it
	 * (case and surrounding spaces aside), so that a slip of the id erases nobody.
	 */
	@Transactional
	public void erase(long personId, String confirmName, CurrentUser admin) {
		if (!admin.isAdmin()) {
			throw new AccessDeniedException("Only administrators may erase a person");
		}
		Map<String, Object> person = jdbc.sql("SELECT full_name, email, employee_id FROM person WHERE id = ? FOR UPDATE")
			.param(personId).query().listOfRows().stream().findFirst()
			.orElseThrow(() -> new NotFoundException("No person with id " + personId));
		String fullName = (String) person.get("full_name");
		String email = (String) person.get("email");
		if (email.equals(PersonErased.erasedEmail(personId))) {
			throw new ConflictException("Person " + personId + " was erased already");
		}
		if (admin.is(personId)) {
			throw new ConflictException("You cannot erase yourself; ask another administrator");
		}
		if (confirmName == null || !confirmName.strip().toLowerCase(Locale.ROOT).equals(fullName.strip().toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("confirmName", "type the person's full name exactly as shown to confirm the erasure");
		}
		var traces = new PersonErased.Traces(fullName, email, (String) person.get("employee_id"));
		jdbc.sql("""
				UPDATE person SET full_name = ?, email = ?, employee_id = ?, title = NULL, department = NULL, location = NULL,
				  time_zone = 'UTC', level = NULL, manager_id = NULL, hire_date = NULL, leaving_date = NULL, bio = NULL,
				  mentoring_role = 'NONE', mentoring_capacity = 0, active = FALSE, version = version + 1, updated_at = CURRENT_TIMESTAMP
				WHERE id = ?""")
			.params(PersonErased.FORMER_COLLEAGUE, PersonErased.erasedEmail(personId), "erased-" + personId, personId).update();
		for (String table : new String[] { "person_name_token", "person_language", "person_skill", "learning_goal",
				"person_history", "characteristic_answer", "characteristic_consent" }) {
			jdbc.sql("DELETE FROM " + table + " WHERE person_id = ?").param(personId).update();
		}
		// the HR import previews and problems name people by employee id, name and e-mail
		jdbc.sql("DELETE FROM hr_import_change WHERE employee_id = ?").param(traces.employeeId()).update();
		for (String trace : traces.all()) {
			String like = "%" + Redaction.likeEscaped(trace) + "%";
			jdbc.sql("DELETE FROM hr_import_change WHERE summary LIKE ? ESCAPE '\\'").param(like).update();
			Redaction.replace(jdbc, Map.of("hr_import_issue", Map.of("message", 500), "hr_import", Map.of("failure", 1000)), trace,
					"[erased]");
		}
		String stand = "erased person " + personId;
		jdbc.sql("UPDATE hr_import SET requested_by = ? WHERE requested_by = ?").params(stand, email).update();
		jdbc.sql("UPDATE organisation_setting SET changed_by = ? WHERE changed_by = ?").params(stand, email).update();
		directory.forgetFacets();
		events.publishEvent(new PersonErased(personId, admin.accountId(), admin.email(), traces));
	}

	/**
	 * Deletes the completed event publications that still name an erased person: the
	 * {@link PersonErased} events themselves once their listeners are done, and any other completed
	 * event (a profile change, a kudos, ...) whose stored copy quotes the person's name, e-mail or
	 * employee id. Publications whose listener has not completed yet are left alone: the retry still
	 * needs them, and a later round removes them. Returns how many publications were deleted.
	 */
	@Transactional
	public int forgetDeliveredErasures() {
		List<String> erasures = jdbc.sql("SELECT serialized_event FROM event_publication WHERE event_type = ?")
			.param(PersonErased.class.getName()).query(String.class).list();
		Set<String> traces = new LinkedHashSet<>();
		for (String serialized : new LinkedHashSet<>(erasures)) {
			JsonNode stored = JSON.readTree(serialized).path("traces");
			for (String field : List.of("fullName", "email", "employeeId")) {
				String trace = stored.path(field).asString("");
				if (!trace.isBlank()) {
					traces.add(trace);
					// the stored JSON escapes quotes, backslashes and control characters
					String escaped = JSON.writeValueAsString(trace);
					traces.add(escaped.substring(1, escaped.length() - 1));
				}
			}
		}
		int deleted = 0;
		for (String trace : traces) {
			String like = "%" + Redaction.likeEscaped(trace) + "%";
			for (String table : List.of("event_publication", "event_publication_archive")) {
				deleted += jdbc.sql("DELETE FROM " + table + " WHERE completion_date IS NOT NULL AND serialized_event LIKE ? ESCAPE '\\'")
					.param(like).update();
			}
		}
		return deleted;
	}
}
