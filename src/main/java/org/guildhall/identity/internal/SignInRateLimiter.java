package org.guildhall.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.guildhall.identity.RepeatedSignInFailures;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without letting a stranger lock the owner out. Failed sign-ins
 * are counted, in the database so that every node sees them, under several keys:
 * <ul>
 * <li>the account and the address the attempt came from: after {@code attempts-per-account}
 * failures the pair waits, one minute and twice as long after each further failure (up to an
 * hour), so one source cannot guess on;</li>
 * <li>the account from anywhere: after {@code failures-per-account-anywhere} failures from any
 * mix of addresses, the account waits the same way for attempts from browsers it does not know,
 * against guessing spread over many addresses;</li>
 * <li>the address across accounts: after {@code attempts-per-address} failures, against one source
 * trying many accounts (high by default, as a whole office can share an address);</li>
 * <li>a browser that signed in to the account before (a device cookie): its failures count only
 * against itself, so the owner's own browser keeps working while strangers are held off.</li>
 * </ul>
 * A successful sign-in clears the account's counts. When the account first has to wait, the owner
 * is told ({@link RepeatedSignInFailures}). Counts older than {@code reset-after} start over.
 */
@Component
public class SignInRateLimiter {

	static final String DEVICE_COOKIE = "guildhall_device";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final int perPair;
	private final int perAccountAnywhere;
	private final int perAddress;
	private final int perDevice;
	private final Duration firstDelay;
	private final Duration maxDelay;
	private final Duration resetAfter;
	private final Clock clock = Clock.systemUTC();
	private final SecureRandom random = new SecureRandom();

	SignInRateLimiter(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			@Value("${guildhall.sign-in.attempts-per-account:5}") int perPair,
			@Value("${guildhall.sign-in.failures-per-account-anywhere:20}") int perAccountAnywhere,
			@Value("${guildhall.sign-in.attempts-per-address:100}") int perAddress,
			@Value("${guildhall.sign-in.failures-per-device:10}") int perDevice,
			@Value("${guildhall.sign-in.first-delay:PT1M}") Duration firstDelay,
			@Value("${guildhall.sign-in.max-delay:PT1H}") Duration maxDelay,
			@Value("${guildhall.sign-in.reset-after:PT1H}") Duration resetAfter) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.perPair = perPair;
		this.perAccountAnywhere = perAccountAnywhere;
		this.perAddress = perAddress;
		this.perDevice = perDevice;
		this.firstDelay = firstDelay;
		this.maxDelay = maxDelay;
		this.resetAfter = resetAfter;
	}

	/** One sign-in attempt: who it is for, where it comes from, and the browser's device cookie if any. */
	record Attempt(String email, String address, @Nullable String device) {

		Attempt {
			email = email.strip().toLowerCase(Locale.ROOT);
		}
	}

	/** How long the attempt has to wait, or nothing when it may go ahead. */
	Optional<Duration> waitFor(Attempt attempt) {
		List<String> keys = keys(attempt, knownDevice(attempt));
		Instant now = clock.instant();
		Timestamp until = jdbc.sql("SELECT MAX(locked_until) FROM sign_in_throttle WHERE throttle_key IN (:keys) AND locked_until > :now")
			.param("keys", keys).param("now", Timestamp.from(now)).query(Timestamp.class).optional().orElse(null);
		return until == null ? Optional.empty() : Optional.of(Duration.between(now, until.toInstant()));
	}

	/** Counts a failed attempt under each of its keys; tells the owner when the account first has to wait. */
	void failed(Attempt attempt) {
		boolean device = knownDevice(attempt);
		try {
			transactions.executeWithoutResult(tx -> count(attempt, device));
		}
		catch (DuplicateKeyException e) {
			// two first failures under one key at the same moment: the loser counts again
			transactions.executeWithoutResult(tx -> count(attempt, device));
		}
	}

	private void count(Attempt attempt, boolean device) {
		Instant now = clock.instant();
		boolean tell = false;
		for (String key : keys(attempt, device)) {
			int failures = count(key, now);
			int threshold = threshold(key);
			if (failures >= threshold) {
				long doublings = Math.min(20, failures - threshold);
				Duration delay = firstDelay.multipliedBy(1L << doublings);
				delay = delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
				jdbc.sql("UPDATE sign_in_throttle SET locked_until = ? WHERE throttle_key = ?")
					.params(Timestamp.from(now.plus(delay)), cut(key)).update();
				tell |= failures == threshold && !key.startsWith("address:");
			}
		}
		if (tell) {
			// published in the transaction, so that the notification follows once it is committed
			jdbc.sql("SELECT id, person_id FROM account WHERE email = ?").param(attempt.email())
				.query((rs, n) -> new RepeatedSignInFailures(rs.getLong(1), rs.getObject(2, Long.class), attempt.address(), now))
				.optional().ifPresent(events::publishEvent);
		}
	}

	/**
	 * Counts one request under the key (for requests that are limited whether or not they succeed,
	 * such as asking for a password link) and says whether it is within {@code limit} per
	 * {@code window}. Keys must not start like the sign-in keys ({@code pair:}, {@code account:}...).
	 */
	boolean allow(String key, int limit, Duration window) {
		Instant now = clock.instant();
		int count;
		try {
			count = transactions.execute(tx -> count(key, now, window));
		}
		catch (DuplicateKeyException e) {
			count = transactions.execute(tx -> count(key, now, window));
		}
		return count <= limit;
	}

	/** Clears the account's counts after a successful sign-in (the address's own count stays). */
	void succeeded(Attempt attempt) {
		String email = attempt.email();
		jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ? OR throttle_key LIKE ? OR throttle_key LIKE ?")
			.params("account:" + email, "pair:" + escape(email) + "|%", "device:" + escape(email) + "|%").update();
	}

	/**
	 * Remembers the browser for the account after a successful sign-in: the device id it already
	 * has (one browser may be known to several accounts), or a new one; returns it for the cookie.
	 */
	String rememberDevice(Attempt attempt) {
		Timestamp now = Timestamp.from(clock.instant());
		String id = attempt.device();
		if (id != null && id.matches("[A-Za-z0-9_-]{32}")) {
			if (jdbc.sql("UPDATE sign_in_device SET last_seen_at = ? WHERE device_id = ? AND email = ?").params(now, id, attempt.email())
				.update() > 0) {
				return id;
			}
		}
		else {
			byte[] bytes = new byte[24];
			random.nextBytes(bytes);
			id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		jdbc.sql("INSERT INTO sign_in_device (device_id, email, created_at, last_seen_at) VALUES (?, ?, ?, ?)")
			.params(id, attempt.email(), now, now).update();
		return id;
	}

	/** Whether the attempt's device cookie belongs to a browser that signed in to this account before. */
	boolean knownDevice(Attempt attempt) {
		String device = attempt.device();
		if (device == null || device.length() > 64) {
			return false;
		}
		return jdbc.sql("SELECT COUNT(*) FROM sign_in_device WHERE device_id = ? AND email = ?").params(device, attempt.email())
			.query(Long.class).single() > 0;
	}

	/** Forgets counts nobody added to for a day and browsers not seen for 400 days. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void forgetOld() {
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)")
			.params(Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now)).update();
		jdbc.sql("DELETE FROM sign_in_device WHERE last_seen_at < ?").param(Timestamp.from(now.minus(Duration.ofDays(400)))).update();
	}

	private List<String> keys(Attempt attempt, boolean device) {
		if (device) {
			return List.of("device:" + attempt.email() + "|" + attempt.device());
		}
		return List.of("pair:" + attempt.email() + "|" + attempt.address(), "account:" + attempt.email(),
				"address:" + attempt.address());
	}

	private int threshold(String key) {
		return key.startsWith("pair:") ? perPair : key.startsWith("account:") ? perAccountAnywhere
				: key.startsWith("address:") ? perAddress : perDevice;
	}

	/** Adds one failure under the key (starting over after a quiet spell) and returns the count. */
	private int count(String key, Instant now) {
		return count(key, now, resetAfter);
	}

	private int count(String key, Instant now, Duration resetAfter) {
		String cut = cut(key);
		int updated = jdbc.sql("""
				UPDATE sign_in_throttle SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END,
				       last_failure_at = ?
				WHERE throttle_key = ?""").params(Timestamp.from(now.minus(resetAfter)), Timestamp.from(now), cut).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)")
				.params(cut, Timestamp.from(now)).update();
			return 1;
		}
		return jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?").param(cut).query(Integer.class).single();
	}

	private static String cut(String key) {
		return key.length() > 400 ? key.substring(0, 400) : key;
	}

	private static String escape(String like) {
		return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
