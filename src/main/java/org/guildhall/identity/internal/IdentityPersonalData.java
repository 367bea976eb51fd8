package org.guildhall.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guildhall.shared.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The identity module's part of the archive: the account, roles, token names, second factors, audit entries. */
@Component
class IdentityPersonalData implements PersonalDataSource {

	private static final int AUDIT_ENTRIES = 10_000;

	private final JdbcClient jdbc;

	IdentityPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "account";
	}

	@Override
	public String describes() {
		return "your account (e-mail, name, roles, when it was created), the names and dates of your access tokens (never "
				+ "their secrets), your second factors (names and dates, never keys), devices that signed in to it, your "
				+ "open sessions and the audit trail entries you made or that are about you";
	}

	@Override
	public Map<String, Object> export(Subject subject) {
		long id = subject.accountId();
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("account", PersonalDataSource.rows(jdbc.sql("""
				SELECT id, email, display_name, person_id, enabled, created_at FROM account WHERE id = ?""")
			.param(id).query().listOfRows()).stream().findFirst().orElse(Map.of()));
		part.put("roles", jdbc.sql("SELECT role FROM account_role WHERE account_id = ? ORDER BY role").param(id)
			.query(String.class).list());
		part.put("accessTokens", PersonalDataSource.rows(jdbc.sql("""
				SELECT name, token_prefix, created_at, expires_at, last_used_at, revoked_at
				FROM api_token WHERE account_id = ? ORDER BY created_at, id""").param(id).query().listOfRows()));
		part.put("authenticatorApp", PersonalDataSource.rows(jdbc.sql(
				"SELECT created_at, confirmed_at FROM totp_factor WHERE account_id = ?").param(id).query().listOfRows()));
		part.put("recoveryCodes", PersonalDataSource.rows(jdbc.sql(
				"SELECT created_at, used_at FROM recovery_code WHERE account_id = ? ORDER BY created_at").param(id).query().listOfRows()));
		part.put("passkeys", PersonalDataSource.rows(jdbc.sql("""
				SELECT c.label, c.created, c.last_used FROM user_credentials c JOIN user_entities u ON u.id = c.user_entity_user_id
				WHERE u.name = ? ORDER BY c.created""").param(subject.email()).query().listOfRows()));
		part.put("knownDevices", PersonalDataSource.rows(jdbc.sql(
				"SELECT created_at, last_seen_at FROM sign_in_device WHERE email = ? ORDER BY created_at").param(subject.email())
			.query().listOfRows()));
		part.put("openSessions", jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(subject.email())
			.query(Long.class).single());
		String personSubject = subject.personId() == null ? "-" : "person " + subject.personId();
		part.put("auditTrail", PersonalDataSource.rows(jdbc.sql("""
				SELECT occurred_at, actor, action, subject, detail FROM audit_event
				WHERE actor = ? OR subject = ? OR subject = ? OR subject = ? ORDER BY occurred_at, id LIMIT ?""")
			.params(subject.email(), subject.email(), "account " + id, personSubject, AUDIT_ENTRIES).query().listOfRows()));
		return part;
	}
}
