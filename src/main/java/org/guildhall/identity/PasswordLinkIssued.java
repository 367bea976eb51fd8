package org.guildhall.identity;

import java.time.Instant;

/**
 * A one-time link to set a password was made for an account and should reach its owner by e-mail:
 * they asked for it ("Forgot your password?") or an administrator sent it. The account is enabled
 * and its person (if any) active when the link is made.
 *
 * @param path the link inside Guildhall, with its secret ({@code /password?token=...}); it works once
 *        and until {@code expiresAt}
 */
public record PasswordLinkIssued(long accountId, String email, String displayName, String path, Reason reason,
		Instant expiresAt, Instant at) {

	/** Why the link was made. */
	public enum Reason {
		/** The owner said they forgot their password. */
		FORGOTTEN,
		/** An administrator sent it (a new person from an HR import, or someone who asked them). */
		FROM_ADMINISTRATOR
	}

	@Override
	public String toString() {
		// the path holds the secret: keep it out of logs
		return "PasswordLinkIssued[accountId=" + accountId + ", reason=" + reason + ", expiresAt=" + expiresAt + "]";
	}
}
