package org.guildhall.identity.internal;

import java.util.List;
import java.util.Map;

import org.guildhall.people.PersonErased;
import org.guildhall.shared.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a person is erased: their account can no longer sign in (disabled, no password, no roles, an
 * undeliverable e-mail), and its tokens, password links, second factors, passkeys, sign-in
 * throttles, known devices and open sessions are gone. The audit trail keeps what happened, with
 * the person's e-mail and name replaced, plus one entry "person N erased" naming the administrator.
 * Every step is a delete or an overwrite, so a retry of this listener changes nothing more.
 */
@Component
class ErasedAccounts {

	private final JdbcClient jdbc;

	ErasedAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(PersonErased event) {
		long personId = event.personId();
		String stand = "erased person " + personId;
		List<AccountRow> accounts = jdbc.sql("SELECT id, email FROM account WHERE person_id = ?").param(personId)
			.query((rs, n) -> new AccountRow(rs.getLong(1), rs.getString(2))).list();
		List<String> emails = new java.util.ArrayList<>(List.of(event.traces().email()));
		for (AccountRow account : accounts) {
			if (!emails.contains(account.email())) {
				emails.add(account.email());
			}
			jdbc.sql("""
					UPDATE account SET email = ?, display_name = ?, password_hash = NULL, enabled = FALSE WHERE id = ?""")
				.params(accountEmail(account.id()), PersonErased.FORMER_COLLEAGUE, account.id()).update();
			for (String table : List.of("account_role", "api_token", "password_setup", "totp_factor", "recovery_code")) {
				jdbc.sql("DELETE FROM " + table + " WHERE account_id = ?").param(account.id()).update();
			}
		}
		for (String email : emails) {
			if (email.startsWith("erased-")) {
				continue;
			}
			jdbc.sql("DELETE FROM user_credentials WHERE user_entity_user_id IN (SELECT id FROM user_entities WHERE name = ?)")
				.param(email).update();
			jdbc.sql("DELETE FROM user_entities WHERE name = ?").param(email).update();
			// their sessions: spring_session_attributes go with them (ON DELETE CASCADE)
			jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(email).update();
			jdbc.sql("DELETE FROM sign_in_device WHERE email = ?").param(email).update();
			jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key LIKE ? ESCAPE '\\'")
				.param("%" + Redaction.likeEscaped(email) + "%").update();
			jdbc.sql("UPDATE audit_event SET actor = ? WHERE actor = ?").params(stand, email).update();
			jdbc.sql("UPDATE second_factor_policy SET changed_by = ? WHERE changed_by = ?").params(stand, email).update();
		}
		for (String trace : event.traces().all()) {
			Redaction.replace(jdbc, Map.of("audit_event", Map.of("actor", 254, "subject", 254, "detail", 1000)), trace, stand);
		}
		String subject = "person " + personId;
		boolean recorded = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'person-erased' AND subject = ?")
			.param(subject).query(Long.class).single() > 0;
		if (!recorded) {
			jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, subject, detail) VALUES (CURRENT_TIMESTAMP, ?, 'person-erased', ?, ?)")
				.params(event.erasedBy(), subject, "erased by administrator account " + event.erasedByAccountId()).update();
		}
	}

	/** The e-mail an erased person's account carries: unique and undeliverable. */
	static String accountEmail(long accountId) {
		return "erased-account-" + accountId + "@erased.invalid";
	}

	private record AccountRow(long id, String email) {
	}
}
