package org.guildhall.identity.internal;

import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second
 * steps, six digits; secrets are shown in Base32 (RFC 4648). The code itself comes from java-otp.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);
	static final int DIGITS = 6;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final TimeBasedOneTimePasswordGenerator generator;
	private final String algorithm;

	private Totp(int digits, String algorithm) {
		this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
		this.algorithm = algorithm;
	}

	/** What authenticator apps use. */
	static Totp standard() {
		return new Totp(DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}

	/** Another length and HMAC, for the RFC's test vectors (eight digits, SHA-1/256/512). */
	static Totp of(int digits, String algorithm) {
		return new Totp(digits, algorithm);
	}

	/** The 30-second step an instant falls in (the RFC's T). */
	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
	}

	/** The code for a step, zero-padded to its length. */
	String code(byte[] secret, long step) {
		try {
			return generator.generateOneTimePasswordString(new SecretKeySpec(secret, algorithm),
					Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException("TOTP secret rejected", e);
		}
	}

	/**
	 * The step within one step either side of {@code now} (clocks drift, people type slowly) whose code
	 * is the one given, newest first, or -1. Compared in constant time.
	 */
	long matchingStep(byte[] secret, String code, Instant now) {
		String given = code == null ? "" : code.replaceAll("\\s", "");
		if (!given.matches("\\d{" + DIGITS + "}")) {
			return -1;
		}
		long current = step(now);
		long found = -1;
		for (long step = current + 1; step >= current - 1; step--) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(), given.getBytes()) && found < 0) {
				found = step;
			}
		}
		return found;
	}

	/** The {@code otpauth://} address an authenticator app reads from the QR code. */
	static String keyUri(String issuer, String account, String base32Secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] fromBase32(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '=' || c == ' ') {
				continue;
			}
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not Base32: " + c);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
