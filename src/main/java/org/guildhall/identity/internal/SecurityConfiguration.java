package org.guildhall.identity.internal;

import java.util.Map;

import org.guildhall.identity.IdentityManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the JSON API under {@code /api/**} is stateless and takes personal access
 * tokens; the pages use form sign-in with a session, CSRF protection and a new session id at sign-in,
 * then a second step for accounts with a second factor ({@link SecondStep}), or passkeys alone.
 * A personal access token is a factor of its own: the API chain never asks for a second step.
 * <p>
 * Only signing in creates a session. Everything an anonymous visitor needs before that lives in
 * cookies: the form token (every page renders one) and the page to go back to after signing in.
 * Kept in the session, as before, they made a session row for every anonymous request (1,000
 * visits of {@code /}, 1,000 rows kept for 8 hours), which anyone could use to fill the table.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * bcrypt, cost 12 unless configured (OWASP ASVS asks for at least 10, which is the floor here);
	 * the {@code {bcrypt}} prefix on stored hashes allows moving to argon2id later.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${guildhall.password.bcrypt-cost:12}") int cost) {
		if (cost < 10 || cost > 16) {
			throw new IllegalStateException("guildhall.password.bcrypt-cost must be between 10 and 16, was " + cost);
		}
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, IdentityManagement identity) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(identity), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"Sign-in required", "Send a personal access token as 'Authorization: Bearer <token>'."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"Forbidden", "Your account may not do this.")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SignInRateLimiter limiter, SecondStep secondStep,
			WebAuthnRelyingPartyOperations relyingParty, AccountUserDetailsService accounts,
			@Value("${guildhall.security.webauthn.rp-id:localhost}") String rpId,
			@Value("${guildhall.security.webauthn.allowed-origins:http://localhost:8080}") java.util.List<String> origins) throws Exception {
		ProviderManager passkeySignIn = new ProviderManager(PasskeyConfiguration.passkeySignIn(relyingParty, accounts));
		PasskeyCeremonies ceremonies = new PasskeyCeremonies();
		// answers /webauthn/authenticate/options before Spring Security's own filter, which would keep
		// the challenge in the session (see PasskeyCeremonies)
		PublicKeyCredentialRequestOptionsFilter passkeyOptions = new PublicKeyCredentialRequestOptionsFilter(relyingParty);
		passkeyOptions.setRequestOptionsRepository(ceremonies.signIns);
		return http
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/setup", "/password", "/password/forgot", "/assets/**", "/webjars/**", "/favicon.ico",
						"/error", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.csrf(csrf -> csrf.csrfTokenRepository(formTokenCookie()))
			.requestCache(cache -> cache.requestCache(new CookieRequestCache()))
			.formLogin(form -> form.loginPage("/login").successHandler(secondStep.passwordAccepted()).failureHandler(signInFailed()).permitAll())
			.webAuthn(passkeys -> passkeys.rpName("Guildhall").rpId(rpId).allowedOrigins(PasskeyConfiguration.allowedOrigins(origins))
				.disableDefaultRegistrationPage(true)
				.creationOptionsRepository(ceremonies.registrations)
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationManager(passkeySignIn);
						filter.setRequestOptionsRepository(ceremonies.signIns);
						return filter;
					}
				}))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.addFilterBefore(new SignInRateLimitFilter(limiter), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(passkeyOptions, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(secondStep.gate(), AuthorizationFilter.class)
			.headers(h -> h
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
								+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * The form token in a cookie (double submit: the form's hidden field must match it). HttpOnly,
	 * as pages carry the token in the form and in a meta element; Secure when the request came over
	 * HTTPS; renewed at sign-in and cleared at sign-out by Spring Security.
	 */
	private static CookieCsrfTokenRepository formTokenCookie() {
		CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
		cookie.setCookieName("XSRF-TOKEN");
		cookie.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
		return cookie;
	}

	/** Back to the form with {@code ?error}; the failure is not kept in a new session for the page to show. */
	private static SimpleUrlAuthenticationFailureHandler signInFailed() {
		SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
		failed.setAllowSessionCreation(false);
		return failed;
	}

	private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String title,
			String detail) throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
	}
}
