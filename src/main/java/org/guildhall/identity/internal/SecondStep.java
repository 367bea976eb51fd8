package org.guildhall.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The step between a right password and a full sign-in, for accounts with a second factor, and
 * the enrolment that the organisation's rule can force on administrators and programme managers.
 * <p>
 * After the password, such an account is signed in with no role at all, only a marker authority
 * ({@link #PENDING} or {@link #ENROLMENT}) beside Spring Security's {@code FACTOR_PASSWORD}; the
 * {@link #gate() gate} sends every request other than the second-step (or enrolment) page and
 * sign-out there. A right code from the app, a recovery code or, while enrolling, a new factor gives
 * the account its roles and a {@code FACTOR_TOTP}/{@code FACTOR_RECOVERY_CODE}/{@code FACTOR_WEBAUTHN}
 * authority. Wrong codes count in {@link SignInRateLimiter} like wrong passwords, and a right
 * password no longer clears those counts while the second step is still to come, so signing in
 * again does not buy more guesses. A passkey sign-in (user verification required) is both factors.
 * <p>
 * Spring Security 7's {@code @EnableMultiFactorAuthentication} requires the same factors of every
 * account; here only accounts that have a second factor (or must have one) are asked, which 7.0
 * cannot express, hence this state of our own.
 */
@Component
public class SecondStep {

	/** Right password; the second factor is still to come. */
	static final String PENDING = "SECOND_FACTOR_PENDING";
	/** Right password; the organisation requires a second factor the account does not have yet. */
	static final String ENROLMENT = "SECOND_FACTOR_ENROLMENT";
	static final String TOTP = "FACTOR_TOTP";
	static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

	public static final String PAGE = "/login/second-factor";
	public static final String ENROLMENT_PAGE = "/account/security";

	private static final List<String> OPEN = List.of("/login", "/logout", "/assets/", "/webjars/", "/favicon.ico", "/error");
	private static final List<String> OPEN_WHILE_PENDING = List.of(PAGE, "/login/webauthn", "/webauthn/authenticate/options");
	private static final List<String> OPEN_WHILE_ENROLLING = List.of(ENROLMENT_PAGE, "/webauthn/register");

	private final SecondFactors factors;
	private final SignInRateLimiter limiter;
	private final RequestCache requestCache = new CookieRequestCache();
	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	SecondStep(SecondFactors factors, SignInRateLimiter limiter) {
		this.factors = factors;
		this.limiter = limiter;
	}

	/** Whether the authentication still waits for its second factor (or for one to be set up). */
	static boolean incomplete(@Nullable Authentication authentication) {
		return has(authentication, PENDING) || has(authentication, ENROLMENT);
	}

	static boolean pending(@Nullable Authentication authentication) {
		return has(authentication, PENDING);
	}

	private static boolean has(@Nullable Authentication authentication, String authority) {
		return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

	/** After a right password: on to the second step, to enrolment, or straight in. */
	AuthenticationSuccessHandler passwordAccepted() {
		SavedRequestAwareAuthenticationSuccessHandler straightIn = new SavedRequestAwareAuthenticationSuccessHandler();
		straightIn.setRequestCache(requestCache);
		straightIn.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			if (!(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
				straightIn.onAuthenticationSuccess(request, response, authentication);
				return;
			}
			long accountId = principal.currentUser().accountId();
			if (factors.hasFactor(accountId)) {
				replace(request, response, principal, List.of(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY), new SimpleGrantedAuthority(PENDING)));
				response.sendRedirect(request.getContextPath() + PAGE);
			}
			else if (factors.requiredFor(principal.currentUser().roles())) {
				replace(request, response, principal, List.of(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY), new SimpleGrantedAuthority(ENROLMENT)));
				response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE + "?required");
			}
			else {
				straightIn.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/** The outcome of a code typed at the second step. */
	public record Result(boolean signedIn, @Nullable String redirect, @Nullable Duration retryIn) {
	}

	/** Checks a code from the app or a recovery code for the account waiting at the second step. */
	public Result verify(HttpServletRequest request, HttpServletResponse response, String code) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!pending(authentication) || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return new Result(true, request.getContextPath() + "/", null);
		}
		SignInRateLimiter.Attempt attempt = new SignInRateLimiter.Attempt(principal.getUsername(), request.getRemoteAddr(),
				SignInRateLimitFilter.device(request));
		Optional<Duration> wait = limiter.waitFor(attempt);
		if (wait.isPresent()) {
			return new Result(false, null, wait.get());
		}
		long accountId = principal.currentUser().accountId();
		String factor = factors.verifyTotp(accountId, code) ? TOTP
				: factors.useRecoveryCode(accountId, code, request.getRemoteAddr()) ? RECOVERY_CODE : null;
		if (factor == null) {
			limiter.failed(attempt);
			return new Result(false, null, limiter.waitFor(attempt).orElse(null));
		}
		limiter.succeeded(attempt);
		String device = limiter.rememberDevice(attempt);
		if (!device.equals(attempt.device())) {
			SignInRateLimitFilter.addDeviceCookie(request, response, device);
		}
		request.changeSessionId();
		signIn(request, response, principal, FactorGrantedAuthority.PASSWORD_AUTHORITY, factor);
		SavedRequest saved = requestCache.getRequest(request, response);
		requestCache.removeRequest(request, response);
		return new Result(true, saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/", null);
	}

	/** Sends a browser that has not finished signing in to the one page it may use, and lets everything else through. */
	OncePerRequestFilter gate() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				String path = request.getRequestURI().substring(request.getContextPath().length());
				if (pending(authentication) && !open(path, OPEN_WHILE_PENDING)) {
					response.sendRedirect(request.getContextPath() + PAGE);
					return;
				}
				if (has(authentication, ENROLMENT) && authentication.getPrincipal() instanceof AccountPrincipal principal) {
					SecondFactors.Status status = factors.status(principal.currentUser().accountId());
					if (status.hasFactor()) {
						// a factor was just set up in this session: that is the second factor
						signIn(request, response, principal, FactorGrantedAuthority.PASSWORD_AUTHORITY,
								status.totp() ? TOTP : FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
					}
					else if (!open(path, OPEN_WHILE_ENROLLING)) {
						response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE + "?required");
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	private static boolean open(String path, List<String> more) {
		return OPEN.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p))
				|| more.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
	}

	/** The account with its roles and the factors it has shown. */
	static Authentication fullySignedIn(AccountPrincipal principal, String... factorAuthorities) {
		List<GrantedAuthority> authorities = new ArrayList<>(AccountPrincipal.authorities(principal.currentUser()));
		for (String factor : factorAuthorities) {
			authorities.add(factor(factor));
		}
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	private void signIn(HttpServletRequest request, HttpServletResponse response, AccountPrincipal principal, String... factorAuthorities) {
		save(request, response, fullySignedIn(principal, factorAuthorities));
	}

	private void replace(HttpServletRequest request, HttpServletResponse response, AccountPrincipal principal,
			Collection<? extends GrantedAuthority> authorities) {
		save(request, response, UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
	}

	private void save(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	private static GrantedAuthority factor(String authority) {
		return FactorGrantedAuthority.fromAuthority(authority);
	}
}
