package org.guildhall.identity;

import java.util.Locale;

import org.guildhall.shared.InvalidInputException;

/** What a password must be: 12 to 128 characters and not the e-mail address (OWASP ASVS 2.1). */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	public static void check(String field, String password, String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new InvalidInputException(field, "must be at least " + MIN_LENGTH + " characters");
		}
		if (password.length() > MAX_LENGTH) {
			throw new InvalidInputException(field, "must be at most " + MAX_LENGTH + " characters");
		}
		if (password.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException(field, "must not be your e-mail address");
		}
	}
}
