package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Wrong passwords slow down the source that tries them, and the account for browsers it does not
 * know, but never its owner's own browser; the owner hears of it; clients that ask for JSON get
 * 429 with Retry-After.
 */
@GuildhallTest
@AutoConfigureMockMvc
class SignInThrottleTest {

	@Autowired MockMvc mvc;
	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired JdbcClient jdbc;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
	}

	private MockHttpServletRequestBuilder attempt(String email, String password, String address) {
		return post("/login").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("username", email).param("password", password);
	}

	@Test
	void aStrangersWrongPasswordsNeverLockTheOwnersOwnBrowserOut() throws Exception {
		MvcResult first = mvc.perform(attempt(org.ann().email(), TestOrganisation.PASSWORD, "10.1.0.1")).andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie device = first.getResponse().getCookie("guildhall_device");
		assertThat(device).as("a browser that signed in is remembered").isNotNull();
		assertThat(device.isHttpOnly()).isTrue();

		// a stranger guesses from many addresses, five at a time: each address has to wait after five
		for (int source = 0; source < 4; source++) {
			for (int guess = 0; guess < 5; guess++) {
				mvc.perform(attempt(org.ann().email(), "guess " + guess, "203.0.113." + source)).andExpect(redirectedUrl("/login?error"));
			}
			mvc.perform(attempt(org.ann().email(), "guess 6", "203.0.113." + source)).andExpect(redirectedUrlPattern("/login?throttled=*"));
		}
		// after 20 failures from anywhere, browsers the account does not know wait, even with the right password
		mvc.perform(attempt(org.ann().email(), "guess 0", "203.0.113.99")).andExpect(redirectedUrlPattern("/login?throttled=*"));
		mvc.perform(attempt(org.ann().email(), TestOrganisation.PASSWORD, "10.1.0.2")).andExpect(redirectedUrlPattern("/login?throttled=*"));
		// the owner's own browser goes in
		mvc.perform(attempt(org.ann().email(), TestOrganisation.PASSWORD, "10.1.0.2").cookie(device)).andExpect(redirectedUrl("/"));
		// someone else's account from the stranger's address is not affected
		mvc.perform(attempt(org.bo().email(), TestOrganisation.PASSWORD, "203.0.113.0")).andExpect(redirectedUrl("/"));
	}

	@Test
	void theOwnerIsToldOnceAndAJsonClientGets429WithRetryAfter() throws Exception {
		for (int guess = 0; guess < 7; guess++) {
			mvc.perform(attempt(org.bo().email(), "guess " + guess, "198.51.100.7"));
		}
		mvc.perform(attempt(org.bo().email(), TestOrganisation.PASSWORD, "198.51.100.7").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", Matchers.matchesPattern("\\d+")))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("Try again in")));

		List<String> told = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT category || '/' || title FROM notification WHERE recipient_person_id = ? AND source_key LIKE 'sign-in-failures:%'")
			.param(org.bo().personId()).query(String.class).list(), rows -> !rows.isEmpty());
		assertThat(told).containsExactly("ACCOUNT/Several wrong passwords were tried on your account");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM notification_mail m JOIN notification n ON n.id = m.notification_id
				WHERE n.recipient_person_id = ? AND n.category = 'ACCOUNT'""").param(org.bo().personId()).query(Long.class).single())
			.as("always e-mailed").isEqualTo(1);
	}

	@Test
	void theWaitGrowsWithEachFailureAndTheRightPasswordClearsIt() throws Exception {
		String address = "192.0.2.44";
		for (int guess = 0; guess < 5; guess++) {
			mvc.perform(attempt(org.pm().email(), "guess " + guess, address)).andExpect(redirectedUrl("/login?error"));
		}
		long first = lockedSeconds("pair:" + org.pm().email() + "|" + address);
		assertThat(first).isBetween(55L, 60L);
		// a further failure once the wait is over doubles it: simulated by ending the wait now
		jdbc.sql("UPDATE sign_in_throttle SET locked_until = NULL WHERE throttle_key LIKE ?").param("%" + org.pm().email() + "%").update();
		mvc.perform(attempt(org.pm().email(), "guess 6", address)).andExpect(redirectedUrl("/login?error"));
		assertThat(lockedSeconds("pair:" + org.pm().email() + "|" + address)).isBetween(115L, 120L);

		jdbc.sql("UPDATE sign_in_throttle SET locked_until = NULL WHERE throttle_key LIKE ?").param("%" + org.pm().email() + "%").update();
		mvc.perform(attempt(org.pm().email(), TestOrganisation.PASSWORD, address)).andExpect(redirectedUrl("/"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key LIKE ?").param("%" + org.pm().email() + "%")
			.query(Long.class).single()).as("the account's counts are cleared").isZero();
	}

	private long lockedSeconds(String key) {
		return jdbc.sql("SELECT locked_until FROM sign_in_throttle WHERE throttle_key = ?").param(key)
			.query(java.sql.Timestamp.class).single().toInstant().getEpochSecond() - java.time.Instant.now().getEpochSecond();
	}
}
