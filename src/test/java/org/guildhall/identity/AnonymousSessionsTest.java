package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.Browserless;
import org.guildhall.testing.GuildhallServerTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visitors who are not signed in leave no session behind (sessions are rows in the database, kept
 * for 8 hours: a session per anonymous request let anyone fill the table), while signing in through
 * the real form, with its form token, still works and still needs the token.
 */
@GuildhallServerTest
class AnonymousSessionsTest {

	private static final List<String> PUBLIC_PAGES = List.of("/", "/login", "/login?error", "/login?signedOut", "/people",
			"/programmes", "/setup", "/setup?key=wrong", "/password?token=wrong", "/password/forgot", "/password/forgot?sent", "/no-such-page", "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness",
			"/v3/api-docs", "/api/v1/people");

	@LocalServerPort
	int port;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
	}

	private long sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	@Test
	void anonymousVisitsCreateNoSession() throws Exception {
		long before = sessions();
		for (int round = 0; round < 20; round++) {
			for (String page : PUBLIC_PAGES) {
				// a new visitor each time, as a crawler or an attacker would be: no cookies kept
				HttpResponse<String> response = new Browserless(port).get(page);
				assertThat(response.statusCode()).as(page).isLessThan(500);
				assertThat(response.headers().allValues("Set-Cookie")).as(page).noneMatch(c -> c.startsWith("SESSION="));
			}
		}
		// one visitor who keeps their cookies, as a browser does, and gets a password wrong
		Browserless visitor = new Browserless(port);
		for (String page : PUBLIC_PAGES) {
			visitor.get(page);
		}
		HttpResponse<String> wrong = visitor.signIn(org.ann().email(), "not the password at all");
		assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(visitor.cookies()).doesNotContainKey("SESSION");

		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void signingInThroughTheFormStartsTheOnlySession() throws Exception {
		long before = sessions();
		Browserless browser = new Browserless(port);
		HttpResponse<String> signedIn = browser.signIn(org.ann().email(), TestOrganisation.PASSWORD);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		assertThat(browser.cookies()).containsKey("SESSION");
		assertThat(sessions()).isEqualTo(before + 1);
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome, Ann Okafor");

		// a form on a signed-in page works with the token the page gives, and signing out ends the session
		HttpResponse<String> signedOut = browser.post("/logout", "_csrf", Browserless.formToken(home.body()));
		assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void theSignInFormStillNeedsItsToken() throws Exception {
		long before = sessions();
		Browserless browser = new Browserless(port);
		browser.get("/login");
		assertThat(browser.post("/login", "username", org.ann().email(), "password", TestOrganisation.PASSWORD).statusCode())
			.as("no token").isEqualTo(403);
		assertThat(browser.post("/login", "username", org.ann().email(), "password", TestOrganisation.PASSWORD, "_csrf",
				"forged-token").statusCode()).as("a made-up token").isEqualTo(403);

		// a token taken from someone else's page does not match this browser's cookie
		String othersToken = Browserless.formToken(new Browserless(port).get("/login").body());
		assertThat(browser.post("/login", "username", org.ann().email(), "password", TestOrganisation.PASSWORD, "_csrf",
				othersToken).statusCode()).as("another visitor's token").isEqualTo(403);
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void afterSigningInYouLandOnThePageYouAskedFor() throws Exception {
		Browserless browser = new Browserless(port);
		assertThat(browser.get("/people").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		HttpResponse<String> signedIn = browser.signIn(org.ann().email(), TestOrganisation.PASSWORD);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/people"));
	}
}
