package org.guildhall.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.guildhall.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, roles, passwords and personal access tokens. Passwords and token secrets are stored
 * only as hashes (bcrypt for passwords, SHA-256 for high-entropy token secrets).
 */
@Service
public class IdentityManagement {

	public static final String TOKEN_PREFIX = "ghp_";
	public static final int MAX_TOKENS_PER_ACCOUNT = 20;
	static final Duration PASSWORD_LINK_LIFETIME = Duration.ofHours(72);
	/** A link someone asked for themselves ("Forgot your password?") works for an hour. */
	public static final Duration FORGOTTEN_PASSWORD_LINK_LIFETIME = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final PeopleDirectory people;
	private final ApplicationEventPublisher events;
	private final SecureRandom random = new SecureRandom();
	private final Clock clock = Clock.systemUTC();

	IdentityManagement(JdbcClient jdbc, PasswordEncoder passwords, PeopleDirectory people, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.passwords = passwords;
		this.people = people;
	}

	/** An account with its password hash, for sign-in. */
	public record Credentials(CurrentUser user, @Nullable String passwordHash, boolean enabled) {
	}

	@Transactional(readOnly = true)
	public Optional<Credentials> credentials(String email) {
		String key = normalise(email);
		return jdbc.sql("SELECT id, email, display_name, password_hash, person_id, enabled FROM account WHERE email = ?")
			.param(key)
			.query((rs, n) -> {
				long personId = rs.getLong("person_id");
				Long person = rs.wasNull() ? null : personId;
				return new Credentials(user(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), person),
						rs.getString("password_hash"), rs.getBoolean("enabled") && (person == null || people.isActive(person)));
			})
			.optional();
	}

	@Transactional
	public Account create(NewAccount account, @Nullable String rawPassword) {
		String email = normalise(account.email());
		if (rawPassword != null) {
			PasswordPolicy.check("password", rawPassword, email);
		}
		return insert(email, account.displayName(), rawPassword == null ? null : passwords.encode(rawPassword),
				account.roles());
	}

	/**
	 * Creates many accounts that share one password, hashing it once (for the demo organisation,
	 * where every demo person signs in with the published demo password).
	 */
	@Transactional
	public void createAllWithSharedPassword(List<NewAccount> accounts, String rawPassword) {
		String hash = passwords.encode(rawPassword);
		for (NewAccount account : accounts) {
			insert(normalise(account.email()), account.displayName(), hash, account.roles());
		}
	}

	@Transactional(readOnly = true)
	public boolean hasAdmin() {
		return jdbc.sql("SELECT COUNT(*) FROM account_role r JOIN account a ON a.id = r.account_id WHERE r.role = 'ADMIN' AND a.enabled = TRUE")
			.query(Long.class).single() > 0;
	}

	/** Creates the first administrator; refused once any administrator exists. */
	@Transactional
	public synchronized Account createFirstAdmin(String email, String displayName, String rawPassword) {
		if (hasAdmin()) {
			throw new ConflictException("An administrator already exists; sign in instead.");
		}
		if (displayName == null || displayName.isBlank()) {
			throw new InvalidInputException("displayName", "is required");
		}
		Account admin = create(new NewAccount(email, displayName.strip(), EnumSet.of(Role.ADMIN, Role.EMPLOYEE)), rawPassword);
		audit(admin.email(), "first-admin-created", admin.email(), null);
		return admin;
	}

	@Transactional(readOnly = true)
	public Optional<Account> account(long accountId) {
		return jdbc.sql("SELECT * FROM account WHERE id = ?").param(accountId)
			.query((rs, n) -> rs.getLong("id")).optional().map(this::load);
	}

	@Transactional(readOnly = true)
	public Optional<Account> accountOf(String email) {
		return jdbc.sql("SELECT id FROM account WHERE email = ?").param(normalise(email)).query(Long.class).optional()
			.map(this::load);
	}

	/** Accounts whose e-mail or name contains the text, by e-mail. */
	@Transactional(readOnly = true)
	public PageResult<Account> accounts(@Nullable String text, PageRequest page) {
		String like = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("%", "")) + "%";
		long total = jdbc.sql("SELECT COUNT(*) FROM account WHERE email LIKE ? OR LOWER(display_name) LIKE ?")
			.params(like, like).query(Long.class).single();
		List<Account> items = jdbc.sql("SELECT id FROM account WHERE email LIKE ? OR LOWER(display_name) LIKE ? ORDER BY email LIMIT ? OFFSET ?")
			.params(like, like, page.size(), page.offset()).query(Long.class).list().stream().map(this::load).toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Replaces the roles of an account and signs it out everywhere, so that the new roles apply from its
	 * next request; an administrator cannot remove their own administrator role.
	 */
	@Transactional
	public Account setRoles(long accountId, Set<Role> roles, CurrentUser actor) {
		Account account = account(accountId).orElseThrow(() -> new NotFoundException("No account with id " + accountId));
		if (roles.isEmpty()) {
			throw new InvalidInputException("roles", "at least one role is required");
		}
		if (account.id() == actor.accountId() && !roles.contains(Role.ADMIN)) {
			throw new InvalidInputException("roles", "you cannot remove your own administrator role");
		}
		jdbc.sql("DELETE FROM account_role WHERE account_id = ?").param(accountId).update();
		roles.forEach(role -> jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)")
			.params(accountId, role.name()).update());
		// a session keeps the roles it signed in with: ending the account's sessions makes the change hold
		// from its next request (which signs in again) instead of when the session happens to expire
		endSessions(account.email(), null);
		audit(actor.email(), "roles-changed", account.email(), roles.stream().sorted().map(Role::label).collect(Collectors.joining(", ")));
		return load(accountId);
	}

	/**
	 * A one-time link secret with which the owner of the e-mail sets a password; creates the
	 * account (as an employee) for someone in the directory who has none.
	 */
	@Transactional
	public String issuePasswordLink(String email, CurrentUser actor) {
		String key = normalise(email);
		Account account = accountOf(key).orElseGet(() -> {
			Long personId = people.findIdByEmail(key)
				.orElseThrow(() -> new NotFoundException("Nobody in the directory has the e-mail " + key));
			var profile = people.profile(personId, actor);
			return insert(key, profile.fullName(), null, EnumSet.of(Role.EMPLOYEE));
		});
		String secret = newPasswordLink(account.id(), PASSWORD_LINK_LIFETIME);
		audit(actor.email(), "password-link-issued", account.email(), null);
		return secret;
	}

	/**
	 * Like {@link #issuePasswordLink}, but the link goes to the person by e-mail ({@link PasswordLinkIssued})
	 * instead of to the administrator. Refused for an account that is disabled or whose person is inactive.
	 */
	@Transactional
	public Account mailPasswordLink(String email, CurrentUser actor) {
		String key = normalise(email);
		Account existing = accountOf(key).orElse(null);
		if (existing != null && !usable(existing)) {
			throw new InvalidInputException("email", key + " is deactivated: no link is sent to it");
		}
		String secret = issuePasswordLink(key, actor);
		Account account = accountOf(key).orElseThrow();
		if (!usable(account)) {
			throw new InvalidInputException("email", key + " is deactivated: no link is sent to it");
		}
		Instant now = clock.instant();
		events.publishEvent(new PasswordLinkIssued(account.id(), account.email(), account.displayName(), "/password?token=" + secret,
				PasswordLinkIssued.Reason.FROM_ADMINISTRATOR, now.plus(PASSWORD_LINK_LIFETIME), now));
		audit(actor.email(), "password-link-mailed", account.email(), null);
		return account;
	}

	/**
	 * "Forgot your password?": when the e-mail belongs to an enabled account of an active person, a
	 * one-hour link goes to it by e-mail; otherwise nothing happens. The caller answers the same either
	 * way, so that nobody learns which addresses have an account.
	 */
	@Transactional
	public void passwordForgotten(String email, String address) {
		Optional<Account> account = accountOf(email).filter(this::usable);
		if (account.isEmpty()) {
			return;
		}
		String secret = newPasswordLink(account.get().id(), FORGOTTEN_PASSWORD_LINK_LIFETIME);
		Instant now = clock.instant();
		events.publishEvent(new PasswordLinkIssued(account.get().id(), account.get().email(), account.get().displayName(),
				"/password?token=" + secret, PasswordLinkIssued.Reason.FORGOTTEN, now.plus(FORGOTTEN_PASSWORD_LINK_LIFETIME), now));
		audit(account.get().email(), "password-reset-requested", account.get().email(), "from " + address);
	}

	/** Whether a one-time link secret can still set a password (exists, unused, not expired). */
	@Transactional(readOnly = true)
	public boolean passwordLinkUsable(String secret) {
		return linkedAccount(secret).isPresent();
	}

	private String newPasswordLink(long accountId, Duration lifetime) {
		String secret = secret();
		jdbc.sql("INSERT INTO password_setup (token_hash, account_id, expires_at) VALUES (?, ?, ?)")
			.params(Sha256.hex(secret), accountId, Timestamp.from(clock.instant().plus(lifetime))).update();
		return secret;
	}

	private Optional<Long> linkedAccount(@Nullable String secret) {
		return jdbc.sql("SELECT account_id FROM password_setup WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(Sha256.hex(secret == null ? "" : secret), Timestamp.from(clock.instant())).query(Long.class).optional();
	}

	/** Whether the account may sign in at all: enabled, and its person (if any) active. */
	private boolean usable(Account account) {
		return account.enabled() && (account.personId() == null || people.isActive(account.personId()));
	}

	/** Sets a password with a one-time link secret. */
	@Transactional
	public void setPasswordWithLink(String secret, String rawPassword) {
		Optional<Long> accountId = linkedAccount(secret);
		if (accountId.isEmpty()) {
			throw new InvalidInputException("token", LINK_UNUSABLE);
		}
		Account account = load(accountId.get());
		PasswordPolicy.check("password", rawPassword, account.email());
		// the conditional update decides: of two requests with the same link, one sets the password
		if (jdbc.sql("UPDATE password_setup SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), Sha256.hex(secret)).update() == 0) {
			throw new InvalidInputException("token", LINK_UNUSABLE);
		}
		jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(passwords.encode(rawPassword), account.id()).update();
		cancelPasswordLinks(account.id());
		// whoever knew the old password is signed out everywhere
		int ended = endSessions(account.email(), null);
		audit(account.email(), "password-set", account.email(), ended == 0 ? null : ended + " open sessions ended");
	}

	/** What a refused one-time link says. */
	public static final String LINK_UNUSABLE = "this link is invalid, used or expired; ask for a new one with \"Forgot your password?\" on the sign-in page";

	/**
	 * Changes one's own password, given the current one; every other session of the account ends.
	 * A wrong current password throws {@link WrongPassword} (the caller counts it like a failed sign-in).
	 */
	@Transactional
	public void changePassword(CurrentUser user, String currentPassword, String newPassword, @Nullable String keepSessionId) {
		Account account = load(user.accountId());
		String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(account.id()).query(String.class).optional()
			.orElse(null);
		if (hash == null || currentPassword == null || currentPassword.length() > 1000 || !passwords.matches(currentPassword, hash)) {
			throw new WrongPassword();
		}
		PasswordPolicy.check("password", newPassword, account.email());
		if (passwords.matches(newPassword, hash)) {
			throw new InvalidInputException("password", "must differ from your current password");
		}
		jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(passwords.encode(newPassword), account.id()).update();
		cancelPasswordLinks(account.id());
		int ended = endSessions(account.email(), keepSessionId);
		audit(account.email(), "password-changed", account.email(), ended == 0 ? null : ended + " other sessions ended");
	}

	/** Links made before a password was set or changed are of no use any more: they stop working. */
	private void cancelPasswordLinks(long accountId) {
		jdbc.sql("UPDATE password_setup SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), accountId).update();
	}

	/** The current password given for a change was wrong. */
	public static final class WrongPassword extends InvalidInputException {

		WrongPassword() {
			super("currentPassword", "is not your current password");
		}
	}

	/**
	 * Signs the account out of every session (their rows in the session store go, so the next request
	 * of each is anonymous), except the one with the given id. Returns how many ended.
	 */
	@Transactional
	public int endSessions(String email, @Nullable String exceptSessionId) {
		return exceptSessionId == null
				? jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(email).update()
				: jdbc.sql("DELETE FROM spring_session WHERE principal_name = ? AND session_id <> ?").params(email, exceptSessionId).update();
	}

	/**
	 * Signs out everyone who may no longer sign in: accounts with an open session that are disabled
	 * or whose person is no longer active (an HR import deactivated them). Returns their e-mails.
	 */
	@Transactional
	public List<String> endSessionsOfDeactivated() {
		record Open(String email, @Nullable Long personId, boolean enabled) {
		}
		List<Open> open = jdbc.sql("""
				SELECT DISTINCT a.email, a.person_id, a.enabled FROM account a
				WHERE EXISTS (SELECT 1 FROM spring_session s WHERE s.principal_name = a.email)""")
			.query((rs, n) -> new Open(rs.getString(1), rs.getObject(2, Long.class), rs.getBoolean(3))).list();
		Set<Long> active = people.activeRefs(open.stream().map(Open::personId).filter(java.util.Objects::nonNull).toList()).keySet();
		List<String> ended = open.stream().filter(o -> !o.enabled() || (o.personId() != null && !active.contains(o.personId())))
			.map(Open::email).toList();
		for (String email : ended) {
			endSessions(email, null);
			audit("guildhall", "signed-out", email, "no longer active");
		}
		return ended;
	}

	/** Creates a personal access token; the secret is returned once. */
	@Transactional
	public IssuedToken issueToken(long accountId, String name, @Nullable Integer validDays) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 80) {
			throw new InvalidInputException("name", "must be 1 to 80 characters");
		}
		if (validDays != null && (validDays < 1 || validDays > 366)) {
			throw new InvalidInputException("validDays", "must be between 1 and 366 (or empty for no expiry)");
		}
		long active = tokens(accountId).stream().filter(t -> t.usable(clock.instant())).count();
		if (active >= MAX_TOKENS_PER_ACCOUNT) {
			throw new org.guildhall.shared.ConflictException("You already have " + MAX_TOKENS_PER_ACCOUNT + " tokens: revoke one first.");
		}
		String secret = TOKEN_PREFIX + secret();
		Instant now = clock.instant();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO api_token (account_id, name, token_hash, token_prefix, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(accountId, clean, Sha256.hex(secret), secret.substring(0, 10), Timestamp.from(now),
					validDays == null ? null : Timestamp.from(now.plus(Duration.ofDays(validDays))))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		audit(load(accountId).email(), "token-created", clean, null);
		return new IssuedToken(tokens(accountId).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokens(long accountId) {
		return jdbc.sql("SELECT * FROM api_token WHERE account_id = ? ORDER BY created_at DESC, id DESC").param(accountId)
			.query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
					rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
			.list();
	}

	/** Revokes one of the account's own tokens. */
	@Transactional
	public void revokeToken(long accountId, long tokenId) {
		int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), tokenId, accountId).update();
		if (changed == 0) {
			throw new NotFoundException("No active token with id " + tokenId);
		}
		audit(load(accountId).email(), "token-revoked", String.valueOf(tokenId), null);
	}

	/** The user a token secret belongs to, if it is valid, not revoked and not expired. */
	@Transactional
	public Optional<CurrentUser> authenticateToken(String secret) {
		if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Long[]> match = jdbc.sql("""
				SELECT t.id, t.account_id FROM api_token t JOIN account a ON a.id = t.account_id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) AND a.enabled = TRUE""")
			.params(Sha256.hex(secret), Timestamp.from(now))
			.query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}).optional();
		if (match.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
			.params(Timestamp.from(now), match.get()[0], Timestamp.from(now.minusSeconds(60))).update();
		Account account = load(match.get()[1]);
		if (account.personId() != null && !people.isActive(account.personId())) {
			return Optional.empty();
		}
		return Optional.of(user(account.id(), account.email(), account.displayName(), account.personId()));
	}

	/** Records who did what, for administrators. */
	@Transactional
	public void audit(String actor, String action, @Nullable String subject, @Nullable String detail) {
		jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
			.params(Timestamp.from(clock.instant()), actor, action, subject, detail).update();
	}

	/** One entry of the audit trail. */
	public record AuditEvent(Instant occurredAt, String actor, String action, @Nullable String subject,
			@Nullable String detail) {
	}

	/** The audit trail, newest first. */
	@Transactional(readOnly = true)
	public PageResult<AuditEvent> auditTrail(PageRequest page) {
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
		List<AuditEvent> items = jdbc.sql("SELECT * FROM audit_event ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(page.size(), page.offset())
			.query((rs, n) -> new AuditEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private Account insert(String email, String displayName, @Nullable String hash, Set<Role> roles) {
		if (email.length() > 254 || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			throw new InvalidInputException("email", "is not a valid e-mail address");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM account WHERE email = ?").param(email).query(Long.class).single() > 0) {
			throw new ConflictException("An account with the e-mail " + email + " already exists.");
		}
		Long personId = people.findIdByEmail(email).orElse(null);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO account (email, display_name, password_hash, person_id, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(email, displayName, hash, personId, Timestamp.from(clock.instant()))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		return load(id);
	}

	private Account load(long id) {
		Map<String, Object> row = jdbc.sql("SELECT id, email, display_name, password_hash, person_id, enabled FROM account WHERE id = ?")
			.param(id).query().singleRow();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("SELECT role FROM account_role WHERE account_id = ?").param(id).query(String.class).list()
			.forEach(r -> roles.add(Role.valueOf(r)));
		Object personId = row.get("person_id");
		return new Account(id, (String) row.get("email"), (String) row.get("display_name"),
				personId == null ? null : ((Number) personId).longValue(), roles, (Boolean) row.get("enabled"),
				row.get("password_hash") != null);
	}

	private CurrentUser user(long accountId, String email, String displayName, @Nullable Long personId) {
		Set<String> roles = jdbc.sql("SELECT role FROM account_role WHERE account_id = ?").param(accountId)
			.query(String.class).set();
		Long person = personId != null ? personId : people.findIdByEmail(email).orElse(null);
		if (personId == null && person != null) {
			jdbc.sql("UPDATE account SET person_id = ? WHERE id = ?").params(person, accountId).update();
		}
		return new CurrentUser(accountId, email, displayName, person, Set.copyOf(roles));
	}

	private String secret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
