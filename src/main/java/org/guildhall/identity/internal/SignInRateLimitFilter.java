package org.guildhall.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back sign-in attempts that have to wait before the password is even checked (a redirect
 * to the sign-in page saying how long, or 429 with {@code Retry-After} for a client that asks for
 * JSON), counts the ones that fail, and gives a browser that signs in successfully a device cookie
 * so that its owner's later attempts are counted apart from strangers'.
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

	private static final int DEVICE_COOKIE_DAYS = 400;

	private final SignInRateLimiter limiter;

	SignInRateLimitFilter(SignInRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String email = request.getParameter("username");
		SignInRateLimiter.Attempt attempt = new SignInRateLimiter.Attempt(email == null ? "" : email, request.getRemoteAddr(),
				device(request));
		Optional<Duration> wait = limiter.waitFor(attempt);
		if (wait.isPresent()) {
			refuse(request, response, wait.get());
			return;
		}
		DeviceCookieResponse wrapped = new DeviceCookieResponse(response, request, attempt);
		chain.doFilter(request, wrapped);
		if (signedIn(attempt.email())) {
			wrapped.rememberDevice();
			limiter.succeeded(attempt);
		}
		else if (!SecondStep.pending(SecurityContextHolder.getContext().getAuthentication())) {
			limiter.failed(attempt);
		}
		// else: the password was right and the second step is to come; the counts stay until it passes,
		// so that signing in again does not clear the wrong codes tried so far
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && accept.contains("json")) {
			response.setStatus(429);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
					+ "\"detail\":\"Too many failed sign-ins. Try again in " + describe(seconds) + ".\",\"retryAfterSeconds\":"
					+ seconds + "}");
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
	}

	static String describe(long seconds) {
		return seconds < 90 ? seconds + (seconds == 1 ? " second" : " seconds") : (seconds + 59) / 60 + " minutes";
	}

	private static boolean signedIn(String email) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated() && !SecondStep.pending(authentication)
				&& !(authentication instanceof AnonymousAuthenticationToken) && authentication.getName().equalsIgnoreCase(email);
	}

	static @Nullable String device(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (SignInRateLimiter.DEVICE_COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/** Adds the device cookie before the successful sign-in's redirect commits the response. */
	private final class DeviceCookieResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;
		private final SignInRateLimiter.Attempt attempt;
		private boolean remembered;

		DeviceCookieResponse(HttpServletResponse response, HttpServletRequest request, SignInRateLimiter.Attempt attempt) {
			super(response);
			this.request = request;
			this.attempt = attempt;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			if (signedIn(attempt.email())) {
				rememberDevice();
			}
			super.sendRedirect(location);
		}

		void rememberDevice() {
			if (remembered || isCommitted()) {
				return;
			}
			remembered = true;
			String device = limiter.rememberDevice(attempt);
			if (!device.equals(attempt.device())) {
				addDeviceCookie(request, (HttpServletResponse) getResponse(), device);
			}
		}
	}

	/** The cookie by which a browser that signed in is known again (also set after the second step). */
	static void addDeviceCookie(HttpServletRequest request, HttpServletResponse response, String device) {
		Cookie cookie = new Cookie(SignInRateLimiter.DEVICE_COOKIE, device);
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge(DEVICE_COOKIE_DAYS * 24 * 3600);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}
}
