package org.guildhall.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.guildhall.identity.Account;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.RecoveryCodeUsed;
import org.guildhall.identity.Role;
import org.guildhall.identity.SecondFactorRemoved;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Second factors of an account: an authenticator app (TOTP, RFC 6238), passkeys (kept by Spring
 * Security's WebAuthn repositories in {@code user_entities}/{@code user_credentials}) and ten
 * one-time recovery codes; and the organisation's rule that administrators and programme managers
 * must have one. Every change goes to the audit trail; removals and used recovery codes are told to
 * the owner ({@link SecondFactorRemoved}, {@link RecoveryCodeUsed}).
 */
@Service
public class SecondFactors {

	public static final int RECOVERY_CODES = 10;
	static final String ISSUER = "Guildhall";

	private final JdbcClient jdbc;
	private final IdentityManagement identity;
	private final ApplicationEventPublisher events;
	private final TotpSecrets secrets;
	private final Totp totp = Totp.standard();
	private final SecureRandom random = new SecureRandom();
	private final Clock clock = Clock.systemUTC();

	SecondFactors(JdbcClient jdbc, IdentityManagement identity, ApplicationEventPublisher events, TotpSecrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.identity = identity;
		this.events = events;
	}

	/** A passkey as its owner sees it; {@code id} is the credential id in Base64url. */
	public record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
	}

	/** What an account has: a confirmed app, an app waiting for its first code, passkeys, unused recovery codes. */
	public record Status(boolean totp, boolean totpPending, List<Passkey> passkeys, int recoveryCodesLeft, boolean required) {

		public boolean hasFactor() {
			return totp || !passkeys.isEmpty();
		}
	}

	/** An authenticator app being set up: the secret as text, the address in the QR code, the QR code as a data URI. */
	public record TotpEnrolment(String secret, String keyUri, String qrCode) {
	}

	@Transactional(readOnly = true)
	public Status status(long accountId) {
		Account account = account(accountId);
		Optional<Boolean> app = jdbc.sql("SELECT confirmed_at IS NOT NULL FROM totp_factor WHERE account_id = ?").param(accountId)
			.query(Boolean.class).optional();
		int left = jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE account_id = ? AND used_at IS NULL").param(accountId)
			.query(Integer.class).single();
		return new Status(app.orElse(false), app.map(confirmed -> !confirmed).orElse(false), passkeys(account.email()), left,
				requiredFor(account.roles()));
	}

	/** Whether the account has a confirmed app or a passkey. */
	@Transactional(readOnly = true)
	public boolean hasFactor(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM totp_factor WHERE account_id = ? AND confirmed_at IS NOT NULL").param(accountId)
			.query(Long.class).single() > 0 || !passkeys(account(accountId).email()).isEmpty();
	}

	/** Which of the accounts have a second factor, in two queries (for the accounts list). */
	@Transactional(readOnly = true)
	public Set<Long> withFactor(java.util.Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> found = new java.util.HashSet<>(jdbc.sql("SELECT account_id FROM totp_factor WHERE confirmed_at IS NOT NULL AND account_id IN (:ids)")
			.param("ids", accountIds).query(Long.class).list());
		found.addAll(jdbc.sql("""
				SELECT DISTINCT a.id FROM account a JOIN user_entities u ON u.name = a.email
				JOIN user_credentials c ON c.user_entity_user_id = u.id WHERE a.id IN (:ids)""")
			.param("ids", accountIds).query(Long.class).list());
		return found;
	}

	/** Whether the organisation's rule asks an account with these roles for a second factor. */
	@Transactional(readOnly = true)
	public boolean requiredFor(Set<?> roles) {
		boolean staff = roles.stream().map(Object::toString)
			.anyMatch(r -> r.equals(Role.ADMIN.name()) || r.equals(Role.PROGRAMME_MANAGER.name()));
		return staff && requiredForStaff();
	}

	@Transactional(readOnly = true)
	public boolean requiredForStaff() {
		return jdbc.sql("SELECT required_for_staff FROM second_factor_policy WHERE id = 1").query(Boolean.class).single();
	}

	/**
	 * Turns the rule "administrators and programme managers must have a second factor" on or off.
	 * Turning it on signs out every administrator and programme manager who has no factor (their
	 * next sign-in asks them to set one up), except in the session that turned it on.
	 *
	 * @return how many accounts were signed out
	 */
	@Transactional
	public int requireForStaff(boolean required, CurrentUser admin, @Nullable String keepSessionId) {
		requireAdmin(admin);
		boolean before = requiredForStaff();
		jdbc.sql("UPDATE second_factor_policy SET required_for_staff = ?, changed_at = ?, changed_by = ? WHERE id = 1")
			.params(required, Timestamp.from(clock.instant()), admin.email()).update();
		identity.audit(admin.email(), "second-factor-policy-changed", null,
				required ? "required for administrators and programme managers" : "optional");
		if (!required || before) {
			return 0;
		}
		// sessions keep the roles they signed in with: without this, staff who never set up a factor
		// would keep working for up to 8 hours after the rule came in
		List<Long> staff = jdbc.sql("""
				SELECT DISTINCT a.id FROM account a JOIN account_role r ON r.account_id = a.id
				WHERE r.role IN ('ADMIN', 'PROGRAMME_MANAGER')
				AND EXISTS (SELECT 1 FROM spring_session s WHERE s.principal_name = a.email)""")
			.query(Long.class).list();
		Set<Long> withFactor = withFactor(staff);
		int signedOut = 0;
		for (long accountId : staff) {
			if (withFactor.contains(accountId)) {
				continue;
			}
			Account account = account(accountId);
			if (identity.endSessions(account.email(), accountId == admin.accountId() ? keepSessionId : null) > 0) {
				identity.audit(admin.email(), "signed-out", account.email(), "a second factor is now required");
				signedOut++;
			}
		}
		return signedOut;
	}

	/**
	 * Starts setting up an authenticator app with a new secret (replacing one that was never
	 * confirmed); it counts only once {@link #confirmTotp} accepts a code from it.
	 */
	@Transactional
	public TotpEnrolment startTotp(CurrentUser user) {
		if (status(user.accountId()).totp()) {
			throw new InvalidInputException("totp", "an authenticator app is already set up; remove it first to set up another");
		}
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		String base32 = Totp.base32(secret);
		jdbc.sql("DELETE FROM totp_factor WHERE account_id = ?").param(user.accountId()).update();
		jdbc.sql("INSERT INTO totp_factor (account_id, secret, created_at) VALUES (?, ?, ?)")
			.params(user.accountId(), secrets.seal(user.accountId(), base32), Timestamp.from(clock.instant())).update();
		return enrolment(user.email(), base32);
	}

	/** The app being set up, to show again (after a wrong code, say). */
	@Transactional(readOnly = true)
	public Optional<TotpEnrolment> pendingTotp(CurrentUser user) {
		return jdbc.sql("SELECT secret FROM totp_factor WHERE account_id = ? AND confirmed_at IS NULL").param(user.accountId())
			.query(String.class).optional().map(secret -> enrolment(user.email(), secrets.open(user.accountId(), secret)));
	}

	private TotpEnrolment enrolment(String email, String base32) {
		String uri = Totp.keyUri(ISSUER, email, base32);
		return new TotpEnrolment(base32.replaceAll("(.{4})(?!$)", "$1 "), uri, QrCodes.svgDataUri(uri));
	}

	/**
	 * Confirms the app being set up with a current code. Returns new recovery codes when the account
	 * had none left (shown once), else an empty list.
	 */
	@Transactional
	public List<String> confirmTotp(CurrentUser user, String code) {
		Optional<String> secret = jdbc.sql("SELECT secret FROM totp_factor WHERE account_id = ? AND confirmed_at IS NULL")
			.param(user.accountId()).query(String.class).optional();
		if (secret.isEmpty()) {
			throw new InvalidInputException("code", "no authenticator app is being set up; start again");
		}
		long step = totp.matchingStep(Totp.fromBase32(secrets.open(user.accountId(), secret.get())), code, clock.instant());
		if (step < 0) {
			throw new InvalidInputException("code", "is not the current code of the app; check the phone's clock and try the next code");
		}
		jdbc.sql("UPDATE totp_factor SET confirmed_at = ?, last_used_step = ? WHERE account_id = ?")
			.params(Timestamp.from(clock.instant()), step, user.accountId()).update();
		identity.audit(user.email(), "second-factor-added", user.email(), "authenticator app");
		return unusedRecoveryCodes(user.accountId()) == 0 ? recoveryCodes(user) : List.of();
	}

	@Transactional
	public void removeTotp(CurrentUser user) {
		keepOneIfRequired(user, "authenticator app", null);
		if (jdbc.sql("DELETE FROM totp_factor WHERE account_id = ?").param(user.accountId()).update() == 0) {
			throw new NotFoundException("No authenticator app is set up");
		}
		removed(user.accountId(), "authenticator app", user.email());
	}

	@Transactional
	public void removePasskey(CurrentUser user, String credentialId) {
		Passkey passkey = passkeys(user.email()).stream().filter(p -> p.id().equals(credentialId)).findFirst()
			.orElseThrow(() -> new NotFoundException("No passkey with that id"));
		keepOneIfRequired(user, "passkey", credentialId);
		jdbc.sql("DELETE FROM user_credentials WHERE credential_id = ?").param(credentialId).update();
		removed(user.accountId(), "passkey \"" + passkey.label() + "\"", user.email());
	}

	/** An administrator removes every second factor and recovery code of someone who lost them. */
	@Transactional
	public void removeAll(long accountId, CurrentUser admin) {
		requireAdmin(admin);
		Account account = account(accountId);
		jdbc.sql("DELETE FROM totp_factor WHERE account_id = ?").param(accountId).update();
		jdbc.sql("DELETE FROM recovery_code WHERE account_id = ?").param(accountId).update();
		jdbc.sql("DELETE FROM user_credentials WHERE user_entity_user_id IN (SELECT id FROM user_entities WHERE name = ?)")
			.param(account.email()).update();
		identity.audit(admin.email(), "second-factors-reset", account.email(), "all second factors and recovery codes removed");
		events.publishEvent(new SecondFactorRemoved(accountId, account.personId(), "every second factor and recovery code",
				admin.email(), clock.instant()));
	}

	/** Ten new recovery codes, shown once; the old ones stop working. */
	@Transactional
	public List<String> recoveryCodes(CurrentUser user) {
		if (!hasFactor(user.accountId())) {
			throw new InvalidInputException("recoveryCodes", "set up an authenticator app or a passkey first");
		}
		jdbc.sql("DELETE FROM recovery_code WHERE account_id = ?").param(user.accountId()).update();
		List<String> codes = new ArrayList<>();
		Timestamp now = Timestamp.from(clock.instant());
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[10];
			random.nextBytes(bytes);
			String code = Totp.base32(bytes).toLowerCase(Locale.ROOT).replaceAll("(.{4})(?!$)", "$1-");
			codes.add(code);
			jdbc.sql("INSERT INTO recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)")
				.params(user.accountId(), hash(code), now).update();
		}
		identity.audit(user.email(), "recovery-codes-created", user.email(), RECOVERY_CODES + " new codes; the old ones no longer work");
		return codes;
	}

	/** Checks a code from the app at sign-in; a code already taken is refused. */
	@Transactional
	public boolean verifyTotp(long accountId, String code) {
		Optional<String> secret = jdbc.sql("SELECT secret FROM totp_factor WHERE account_id = ? AND confirmed_at IS NOT NULL")
			.param(accountId).query(String.class).optional();
		if (secret.isEmpty()) {
			return false;
		}
		long step = totp.matchingStep(Totp.fromBase32(secrets.open(accountId, secret.get())), code, clock.instant());
		// the update decides: of two requests with the same code, one moves the step and the other does not
		return step >= 0 && jdbc.sql("UPDATE totp_factor SET last_used_step = ? WHERE account_id = ? AND last_used_step < ?")
			.params(step, accountId, step).update() == 1;
	}

	/** Uses up a recovery code at sign-in. */
	@Transactional
	public boolean useRecoveryCode(long accountId, String code, String address) {
		String clean = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
		if (!clean.matches("[a-z2-7]{16}")) {
			return false;
		}
		String formatted = clean.replaceAll("(.{4})(?!$)", "$1-");
		boolean used = jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), accountId, hash(formatted)).update() == 1;
		if (used) {
			Account account = account(accountId);
			int left = unusedRecoveryCodes(accountId);
			identity.audit(account.email(), "recovery-code-used", account.email(), left + " left; from " + address);
			events.publishEvent(new RecoveryCodeUsed(accountId, account.personId(), left, address, clock.instant()));
		}
		return used;
	}

	/** Notes a passkey registered through Spring Security's registration endpoint. */
	void passkeyAdded(String email, String label) {
		identity.audit(email, "second-factor-added", email, "passkey \"" + label + "\"");
	}

	private int unusedRecoveryCodes(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE account_id = ? AND used_at IS NULL").param(accountId)
			.query(Integer.class).single();
	}

	List<Passkey> passkeys(String email) {
		return jdbc.sql("""
				SELECT c.credential_id, c.label, c.created, c.last_used FROM user_credentials c
				JOIN user_entities u ON u.id = c.user_entity_user_id WHERE u.name = ? ORDER BY c.created, c.credential_id""")
			.param(email)
			.query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))))
			.list();
	}

	/** Under the organisation's rule the last factor stays until another is added. */
	private void keepOneIfRequired(CurrentUser user, String kind, @Nullable String passkeyId) {
		Status status = status(user.accountId());
		int left = (status.totp() && !kind.equals("authenticator app") ? 1 : 0)
				+ (int) status.passkeys().stream().filter(p -> !p.id().equals(passkeyId)).count();
		if (status.required() && left == 0) {
			throw new InvalidInputException("factor",
					"your organisation requires a second factor for your role; add another before removing this " + kind);
		}
	}

	private void removed(long accountId, String factor, String by) {
		Account account = account(accountId);
		if (!hasFactor(accountId)) {
			// without a factor there is no second step, so recovery codes have nothing left to stand in for
			jdbc.sql("DELETE FROM recovery_code WHERE account_id = ?").param(accountId).update();
		}
		identity.audit(by, "second-factor-removed", account.email(), factor);
		events.publishEvent(new SecondFactorRemoved(accountId, account.personId(), factor, by, clock.instant()));
	}

	private Account account(long accountId) {
		return identity.account(accountId).orElseThrow(() -> new NotFoundException("No account with id " + accountId));
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new org.springframework.security.access.AccessDeniedException("Only administrators may do this");
		}
	}

	private static String hash(String code) {
		return Sha256.hex(code);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
