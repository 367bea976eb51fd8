package org.guildhall.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets the server must read back (the key of an authenticator app) with AES-256-GCM
 * from the JDK, under a key kept outside the database ({@code guildhall.security.encryption-key}).
 * A stored value says how it was written: {@code v1:} (the configured key), {@code dev1:} (the
 * development key, used when none is configured; its bytes are derived from a text in this file,
 * so it hides nothing from someone who reads the database and the source) or no prefix (plain
 * text written before encryption, which Base32 secrets never confuse with the prefixes). The
 * {@code context} (e.g. {@code totp:42}) is authenticated with the value, so a value copied to
 * another account's row does not open there.
 */
final class SecretBox {

	static final String PREFIX = "v1:";
	static final String DEVELOPMENT_PREFIX = "dev1:";

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final SecretKey DEVELOPMENT_KEY = new SecretKeySpec(
			sha256("Guildhall development key: not a secret; set guildhall.security.encryption-key"), "AES");

	private final SecretKey key;
	private final String prefix;
	private final SecureRandom random = new SecureRandom();

	private SecretBox(SecretKey key, String prefix) {
		this.key = key;
		this.prefix = prefix;
	}

	/**
	 * The box for a configured key: Base64 of 32 random bytes ({@code openssl rand -base64 32}); a
	 * blank one gives the development key.
	 */
	static SecretBox of(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			return development();
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("guildhall.security.encryption-key is not Base64: give 32 random bytes in Base64 "
					+ "(openssl rand -base64 32)");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("guildhall.security.encryption-key must be 32 bytes (256 bits) in Base64, not "
					+ bytes.length + " bytes (openssl rand -base64 32)");
		}
		return new SecretBox(new SecretKeySpec(bytes, "AES"), PREFIX);
	}

	static SecretBox development() {
		return new SecretBox(DEVELOPMENT_KEY, DEVELOPMENT_PREFIX);
	}

	boolean isDevelopmentKey() {
		return prefix.equals(DEVELOPMENT_PREFIX);
	}

	/** Whether the value was written by this box (else it is plain text or under the development key). */
	boolean sealedHere(String stored) {
		return stored.startsWith(prefix);
	}

	String seal(String plain, String context) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, context);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return prefix + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/**
	 * The plain secret. Plain text written before encryption and values under the development key
	 * are read too (so that a configured key can take them over); a value this key cannot open
	 * throws {@link SecretUnreadable}, never gives a wrong secret.
	 */
	String open(String stored, String context) {
		if (stored.startsWith(DEVELOPMENT_PREFIX)) {
			return decrypt(DEVELOPMENT_KEY, stored.substring(DEVELOPMENT_PREFIX.length()), context);
		}
		if (stored.startsWith(PREFIX)) {
			if (isDevelopmentKey()) {
				throw new SecretUnreadable("a secret (" + context + ") was encrypted with guildhall.security.encryption-key, "
						+ "which is not set now: set it to the key it was written with");
			}
			return decrypt(key, stored.substring(PREFIX.length()), context);
		}
		return stored;
	}

	private static String decrypt(SecretKey key, String base64, String context) {
		try {
			byte[] in = Base64.getDecoder().decode(base64);
			if (in.length <= NONCE_BYTES) {
				throw new SecretUnreadable("a stored secret (" + context + ") is cut short");
			}
			byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw new SecretUnreadable("a stored secret (" + context + ") does not open with the configured "
					+ "guildhall.security.encryption-key: it is not the key the secret was written with (or the value was altered)");
		}
		catch (IllegalArgumentException e) {
			throw new SecretUnreadable("a stored secret (" + context + ") is not valid Base64");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A stored secret that the configured key cannot read: a configuration error, never silently ignored. */
	static final class SecretUnreadable extends IllegalStateException {

		SecretUnreadable(String message) {
			super(message);
		}
	}
}
