package org.guildhall.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The challenge of a passkey ceremony between its two requests (options, then the signed answer).
 * Spring Security keeps it in the HTTP session by default, but its option objects are not
 * serialisable and our sessions live in the database (and anonymous visitors get no session at all),
 * so it is kept here, in memory, under a random id in a short-lived cookie. A ceremony therefore has
 * to finish on the node that started it (sticky sessions when several nodes serve Guildhall); at most
 * {@value #MAX_OPEN} are kept, for five minutes each.
 */
final class PasskeyCeremonies {

	static final int MAX_OPEN = 10_000;
	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final Clock clock = Clock.systemUTC();
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Open> open = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
			return size() > MAX_OPEN;
		}
	};

	private record Open(Object options, Instant until) {
	}

	final PublicKeyCredentialCreationOptionsRepository registrations = new PublicKeyCredentialCreationOptionsRepository() {

		@Override
		public void save(HttpServletRequest request, HttpServletResponse response, @Nullable PublicKeyCredentialCreationOptions options) {
			store("guildhall_passkey_reg", request, response, options);
		}

		@Override
		public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
			return find("guildhall_passkey_reg", request, PublicKeyCredentialCreationOptions.class);
		}
	};

	final PublicKeyCredentialRequestOptionsRepository signIns = new PublicKeyCredentialRequestOptionsRepository() {

		@Override
		public void save(HttpServletRequest request, HttpServletResponse response, @Nullable PublicKeyCredentialRequestOptions options) {
			store("guildhall_passkey_auth", request, response, options);
		}

		@Override
		public @Nullable PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
			return find("guildhall_passkey_auth", request, PublicKeyCredentialRequestOptions.class);
		}
	};

	private void store(String cookieName, HttpServletRequest request, HttpServletResponse response, @Nullable Object options) {
		String previous = cookie(request, cookieName);
		synchronized (open) {
			if (previous != null) {
				open.remove(previous);
			}
			Instant now = clock.instant();
			open.values().removeIf(o -> o.until().isBefore(now));
			if (options == null) {
				response.addCookie(cookie(request, cookieName, "", 0));
				return;
			}
			byte[] bytes = new byte[24];
			random.nextBytes(bytes);
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			open.put(id, new Open(options, now.plus(LIFETIME)));
			response.addCookie(cookie(request, cookieName, id, (int) LIFETIME.toSeconds()));
		}
	}

	private <T> @Nullable T find(String cookieName, HttpServletRequest request, Class<T> type) {
		String id = cookie(request, cookieName);
		if (id == null) {
			return null;
		}
		synchronized (open) {
			Open found = open.get(id);
			return found == null || found.until().isBefore(clock.instant()) || !type.isInstance(found.options()) ? null
					: type.cast(found.options());
		}
	}

	private static @Nullable String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (name.equals(cookie.getName()) && cookie.getValue().length() <= 64) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static Cookie cookie(HttpServletRequest request, String name, String value, int maxAge) {
		Cookie cookie = new Cookie(name, value);
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge(maxAge);
		cookie.setAttribute("SameSite", "Strict");
		return cookie;
	}
}
