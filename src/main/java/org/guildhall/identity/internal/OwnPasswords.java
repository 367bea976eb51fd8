package org.guildhall.identity.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What people do with their own password, with the sign-in throttle in front: ask for a link when
 * they forgot it (limited per address and per e-mail, the answer the same whether or not the e-mail
 * has an account) and change it with the current one (a wrong current password counts like a
 * failed sign-in, and has to wait like one).
 */
@Service
public class OwnPasswords {

	private final IdentityManagement identity;
	private final SignInRateLimiter limiter;
	private final int linksPerEmail;
	private final int linksPerAddress;
	private final Duration linkWindow;

	OwnPasswords(IdentityManagement identity, SignInRateLimiter limiter,
			@Value("${guildhall.password-reset.per-email:3}") int linksPerEmail,
			@Value("${guildhall.password-reset.per-address:20}") int linksPerAddress,
			@Value("${guildhall.password-reset.window:PT1H}") Duration linkWindow) {
		this.identity = identity;
		this.limiter = limiter;
		this.linksPerEmail = linksPerEmail;
		this.linksPerAddress = linksPerAddress;
		this.linkWindow = linkWindow;
	}

	/**
	 * "Forgot your password?" for an e-mail, from an address. Returns false only when the address
	 * asked too often (which says nothing about the e-mail); an e-mail asked for too often, one with
	 * no account and a deactivated account all get no mail, and the same answer as a real one.
	 */
	public boolean passwordForgotten(String email, String address) {
		String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!limiter.allow("reset-address:" + address, linksPerAddress, linkWindow)) {
			return false;
		}
		if (key.isEmpty() || key.length() > 254 || !limiter.allow("reset-email:" + key, linksPerEmail, linkWindow)) {
			return true;
		}
		identity.passwordForgotten(key, address);
		return true;
	}

	/** The current password had to wait: too many wrong ones (here or at sign-in). */
	public static final class MustWait extends RuntimeException {

		private final Duration wait;

		MustWait(Duration wait) {
			super("Too many wrong passwords: try again in " + SignInRateLimitFilter.describe(Math.max(1, wait.toSeconds())));
			this.wait = wait;
		}

		public Duration waitFor() {
			return wait;
		}
	}

	/**
	 * Changes the signed-in person's password; every other session of theirs ends.
	 *
	 * @throws MustWait when wrong passwords were tried too often from here
	 * @throws IdentityManagement.WrongPassword (counted as a failed sign-in)
	 */
	public void change(CurrentUser user, String currentPassword, String newPassword, HttpServletRequest request) {
		SignInRateLimiter.Attempt attempt = new SignInRateLimiter.Attempt(user.email(), request.getRemoteAddr(),
				SignInRateLimitFilter.device(request));
		Optional<Duration> wait = limiter.waitFor(attempt);
		if (wait.isPresent()) {
			throw new MustWait(wait.get());
		}
		try {
			identity.changePassword(user, currentPassword, newPassword, sessionId(request));
		}
		catch (IdentityManagement.WrongPassword e) {
			limiter.failed(attempt);
			throw e;
		}
		limiter.succeeded(attempt);
	}

	private static @Nullable String sessionId(HttpServletRequest request) {
		var session = request.getSession(false);
		return session == null ? null : session.getId();
	}
}
