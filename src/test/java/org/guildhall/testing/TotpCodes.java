package org.guildhall.testing;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/** What an authenticator app would show for a Base32 key, for tests that sign in with a second factor. */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The six-digit code of the 30-second step {@code steps} away from now (0: the current one). */
	public static String code(String base32Secret, int steps) {
		return at(base32Secret, Instant.now().plusSeconds(30L * steps));
	}

	public static String at(String base32Secret, Instant when) {
		try {
			TimeBasedOneTimePasswordGenerator app = new TimeBasedOneTimePasswordGenerator();
			return app.generateOneTimePasswordString(new SecretKeySpec(decode(base32Secret), app.getAlgorithm()), when, Locale.ROOT);
		}
		catch (java.security.InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A six-digit code that is none of the codes the server would accept now. */
	public static String wrong(String base32Secret) {
		for (int candidate = 123456;; candidate++) {
			String code = String.format(Locale.ROOT, "%06d", candidate % 1_000_000);
			boolean acceptable = false;
			for (int step = -2; step <= 2; step++) {
				acceptable |= code.equals(code(base32Secret, step));
			}
			if (!acceptable) {
				return code;
			}
		}
	}

	private static byte[] decode(String base32) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : base32.replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
