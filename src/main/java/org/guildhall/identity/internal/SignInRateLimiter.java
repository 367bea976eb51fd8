package org.guildhall.identity.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts per account and per client address, so that passwords cannot be guessed
 * at speed. Buckets live in this node's memory; the number of tracked keys is bounded.
 */
@Component
class SignInRateLimiter {

	private static final int MAX_KEYS = 100_000;

	private final int perAccount;
	private final int perAddress;
	private final Duration window;
	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_KEYS;
		}
	});

	SignInRateLimiter(@Value("${guildhall.sign-in.attempts-per-account:5}") int perAccount,
			@Value("${guildhall.sign-in.attempts-per-address:30}") int perAddress,
			@Value("${guildhall.sign-in.window:PT1M}") Duration window) {
		this.perAccount = perAccount;
		this.perAddress = perAddress;
		this.window = window;
	}

	/** Counts one attempt; false when either the account or the address has used up its attempts. */
	boolean tryAttempt(String email, String address) {
		Bucket account = bucket("account:" + email.strip().toLowerCase(Locale.ROOT), perAccount);
		Bucket client = bucket("address:" + address, perAddress);
		boolean accountOk = account.tryConsume(1);
		boolean clientOk = client.tryConsume(1);
		return accountOk && clientOk;
	}

	private Bucket bucket(String key, int capacity) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build());
	}
}
