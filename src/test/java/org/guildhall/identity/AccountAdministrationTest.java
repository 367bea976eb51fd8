package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.Sha256;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What administrators do to accounts and what people do to their own: one-time password links
 * (mailed ones, and "Forgot your password?", are in {@code PasswordMailTest}), changing one's
 * password with the current one, role changes, signing out people an HR import deactivated, and
 * the token limit.
 */
@GuildhallTest
@AutoConfigureMockMvc
class AccountAdministrationTest {

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	TestOrganisation team;

	@BeforeEach
	void organisation() {
		team = TestOrganisation.create(imports, identity, directory);
	}

	private Cookie signIn(String email, String password) throws Exception {
		return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookie("SESSION");
	}

	private void signInFails(String email, String password) throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/login?error"));
	}

	/** The administrator asks for a link on the accounts page; returns the link's secret. */
	private String passwordLink(Cookie admin, String email) throws Exception {
		MvcResult result = mvc.perform(post("/admin/accounts/password-link").with(csrf()).cookie(admin).param("email", email))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andReturn();
		String link = (String) result.getFlashMap().get("link");
		assertThat(link).as("flash: %s", result.getFlashMap()).contains("/password?token=");
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	private Document setPassword(String token, String password, String again) throws Exception {
		return Jsoup.parse(mvc.perform(post("/password").with(csrf()).param("token", token).param("password", password)
				.param("passwordAgain", again)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private long auditCount(String action, String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?").params(action, subject)
			.query(Long.class).single();
	}

	private String passwordHash(long accountId) {
		return jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(accountId).query(String.class).single();
	}

	@Test
	void aPasswordLinkResetsAPasswordOnceAndOnlyWithAStrongOne() throws Exception {
		Cookie admin = signIn(team.admin().email(), TestOrganisation.PASSWORD);
		String older = passwordLink(admin, team.bo().email());
		String token = passwordLink(admin, team.bo().email());
		assertThat(auditCount("password-link-issued", team.bo().email())).isEqualTo(2);
		mvc.perform(get("/password").param("token", token)).andExpect(status().isOk());

		String hashBefore = passwordHash(team.bo().accountId());
		assertThat(setPassword(token, "too short", "too short").select("[role=alert]").text())
			.isEqualTo("The password must be at least 12 characters.");
		assertThat(setPassword(token, NEW_PASSWORD, NEW_PASSWORD + "!").select("[role=alert]").text())
			.isEqualTo("The two passwords differ.");
		assertThat(setPassword(token, team.bo().email(), team.bo().email()).select("[role=alert]").text())
			.isEqualTo("The password must not be your e-mail address.");
		assertThat(passwordHash(team.bo().accountId())).as("refused attempts change nothing").isEqualTo(hashBefore);
		signIn(team.bo().email(), TestOrganisation.PASSWORD);

		mvc.perform(post("/password").with(csrf()).param("token", token).param("password", NEW_PASSWORD)
			.param("passwordAgain", NEW_PASSWORD)).andExpect(redirectedUrl("/login?passwordSet"));
		signIn(team.bo().email(), NEW_PASSWORD);
		signInFails(team.bo().email(), TestOrganisation.PASSWORD);
		assertThat(auditCount("password-set", team.bo().email())).isEqualTo(1);
		assertThat(setPassword(older, "yet another passphrase", "yet another passphrase").select("[role=alert]").text())
			.as("the older link stopped working when the password was set").startsWith("This link is invalid, used or expired");

		// the link is used up: a second use is refused and the password stays
		assertThat(setPassword(token, "yet another passphrase", "yet another passphrase").select("[role=alert]").text())
			.isEqualTo("This link is invalid, used or expired; ask for a new one with \"Forgot your password?\" on the sign-in page.");
		signInFails(team.bo().email(), "yet another passphrase");
		signIn(team.bo().email(), NEW_PASSWORD);
		assertThat(auditCount("password-set", team.bo().email())).isEqualTo(1);
	}

	@Test
	void anExpiredOrMadeUpLinkIsRefused() throws Exception {
		Cookie admin = signIn(team.admin().email(), TestOrganisation.PASSWORD);
		String token = passwordLink(admin, team.ann().email());
		// 72 hours later
		jdbc.sql("UPDATE password_setup SET expires_at = ? WHERE token_hash = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), Sha256.hex(token)).update();
		String hashBefore = passwordHash(team.ann().accountId());

		assertThat(setPassword(token, NEW_PASSWORD, NEW_PASSWORD).select("[role=alert]").text())
			.isEqualTo("This link is invalid, used or expired; ask for a new one with \"Forgot your password?\" on the sign-in page.");
		assertThat(setPassword("made-up-" + token, NEW_PASSWORD, NEW_PASSWORD).select("[role=alert]").text())
			.startsWith("This link is invalid");
		assertThat(passwordHash(team.ann().accountId())).isEqualTo(hashBefore);
		signInFails(team.ann().email(), NEW_PASSWORD);
		signIn(team.ann().email(), TestOrganisation.PASSWORD);
	}

	@Test
	void aPasswordIsChangedWithTheCurrentOneAndTheOtherSessionsEnd() throws Exception {
		Cookie here = signIn(team.ann().email(), TestOrganisation.PASSWORD);
		Cookie elsewhere = signIn(team.ann().email(), TestOrganisation.PASSWORD);
		Cookie bo = signIn(team.bo().email(), TestOrganisation.PASSWORD);
		String link = identity.issuePasswordLink(team.ann().email(), identity.credentials(team.admin().email()).orElseThrow().user());
		Document page = Jsoup.parse(mvc.perform(get("/account/security").cookie(here)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
		assertThat(page.select("form#password-change input[name=currentPassword]")).hasSize(1);
		String hashBefore = passwordHash(team.ann().accountId());

		assertThat(changePassword(here, "not my password at all", NEW_PASSWORD, NEW_PASSWORD, "10.9.0.1")
			.andExpect(status().isBadRequest())).extracting(this::alert)
			.isEqualTo("The current password is not right; nothing was changed.");
		assertThat(changePassword(here, TestOrganisation.PASSWORD, "short", "short", "10.9.0.1")
			.andExpect(status().isBadRequest())).extracting(this::alert).isEqualTo("The new password must be at least 12 characters.");
		assertThat(changePassword(here, TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "10.9.0.1")
			.andExpect(status().isBadRequest())).extracting(this::alert).isEqualTo("The two new passwords differ.");
		assertThat(passwordHash(team.ann().accountId())).isEqualTo(hashBefore);
		assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?")
			.param("pair:" + team.ann().email() + "|10.9.0.1").query(Integer.class).single())
			.as("the wrong current password counted like a failed sign-in").isEqualTo(1);

		changePassword(here, TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD, "10.9.0.1")
			.andExpect(redirectedUrl("/account/security"));
		mvc.perform(get("/account/security").cookie(here)).andExpect(status().isOk());
		mvc.perform(get("/account/security").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		// someone else's session is untouched
		mvc.perform(get("/people").cookie(bo)).andExpect(status().isOk());
		signIn(team.ann().email(), NEW_PASSWORD);
		signInFails(team.ann().email(), TestOrganisation.PASSWORD);
		assertThat(auditCount("password-changed", team.ann().email())).isEqualTo(1);
		assertThat(identity.passwordLinkUsable(link)).as("a link from before the change").isFalse();
	}

	@Test
	void guessingTheCurrentPasswordIsThrottledLikeSigningIn() throws Exception {
		Cookie session = signIn(team.bo().email(), TestOrganisation.PASSWORD);
		for (int guess = 0; guess < 5; guess++) {
			changePassword(session, "guess number " + guess, NEW_PASSWORD, NEW_PASSWORD, "10.9.0.2").andExpect(status().isBadRequest());
		}
		// now even the right one waits, and so does signing in from there
		MvcResult waiting = changePassword(session, TestOrganisation.PASSWORD, NEW_PASSWORD, NEW_PASSWORD, "10.9.0.2")
			.andExpect(status().isTooManyRequests()).andReturn();
		assertThat(waiting.getResponse().getHeader("Retry-After")).isNotNull();
		assertThat(alert(waiting)).startsWith("Too many wrong passwords: try again in");
		mvc.perform(post("/login").with(csrf()).with(request -> {
			request.setRemoteAddr("10.9.0.2");
			return request;
		}).param("username", team.bo().email()).param("password", TestOrganisation.PASSWORD))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern("/login?throttled=*"));
		signInFails(team.bo().email(), NEW_PASSWORD);
		assertThat(auditCount("password-changed", team.bo().email())).isZero();
	}

	@Test
	void someoneAnHrImportDeactivatesIsSignedOutAtOnce() throws Exception {
		Cookie ann = signIn(team.ann().email(), TestOrganisation.PASSWORD);
		mvc.perform(get("/people").cookie(ann)).andExpect(status().isOk());
		// the next export leaves Ann out
		String csv = "employee_id,email,full_name\nADM-" + team.run() + "," + team.admin().email() + ",Ada Admin\n"
				+ "BO-" + team.run() + "," + team.bo().email() + ",Bo Ek\n";
		Cookie bo = signIn(team.bo().email(), TestOrganisation.PASSWORD);
		imports.applyNow(imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "test").id());

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
				mvc.perform(get("/people").cookie(ann)).andExpect(redirectedUrl("/login")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(team.ann().email())
			.query(Long.class).single()).isZero();
		// Bo is still in the export
		mvc.perform(get("/people").cookie(bo)).andExpect(status().isOk());
		signInFails(team.ann().email(), TestOrganisation.PASSWORD);
		assertThat(auditCount("signed-out", team.ann().email())).isEqualTo(1);
	}

	private org.springframework.test.web.servlet.ResultActions changePassword(Cookie session, String current, String password,
			String again, String address) throws Exception {
		return mvc.perform(post("/account/security/password").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).cookie(session).param("currentPassword", current).param("password", password).param("passwordAgain", again));
	}

	private String alert(org.springframework.test.web.servlet.ResultActions result) {
		return alert(result.andReturn());
	}

	private String alert(MvcResult result) {
		try {
			return Jsoup.parse(result.getResponse().getContentAsString()).select("[role=alert]").text();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aLinkForSomeoneInTheDirectoryWithoutAnAccountCreatesAnEmployeeAccount() throws Exception {
		String email = "newcomer-" + team.run() + "@example.com";
		String csv = "employee_id,email,full_name\nADM-" + team.run() + "," + team.admin().email() + ",Ada Admin\n"
				+ "NEW-" + team.run() + "," + email + ",Nia Newcomer\n";
		var preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		imports.applyNow(preview.id());
		Cookie admin = signIn(team.admin().email(), TestOrganisation.PASSWORD);
		assertThat(identity.accountOf(email)).isEmpty();

		String token = passwordLink(admin, email);
		Account account = identity.accountOf(email).orElseThrow();
		assertThat(account.roles()).containsExactly(Role.EMPLOYEE);
		assertThat(account.hasPassword()).isFalse();
		signInFails(email, NEW_PASSWORD);

		mvc.perform(post("/password").with(csrf()).param("token", token).param("password", NEW_PASSWORD)
			.param("passwordAgain", NEW_PASSWORD)).andExpect(redirectedUrl("/login?passwordSet"));
		signIn(email, NEW_PASSWORD);

		// nobody in the directory: no link and no account
		String stranger = "stranger-" + team.run() + "@example.com";
		MvcResult refused = mvc.perform(post("/admin/accounts/password-link").with(csrf()).cookie(admin).param("email", stranger))
			.andExpect(redirectedUrl("/admin/accounts")).andReturn();
		assertThat(refused.getFlashMap().get("link")).isNull();
		assertThat((String) refused.getFlashMap().get("error")).contains("Nobody in the directory");
		assertThat(identity.accountOf(stranger)).isEmpty();
	}

	@Test
	void onlyAdministratorsIssuePasswordLinks() throws Exception {
		Cookie ann = signIn(team.ann().email(), TestOrganisation.PASSWORD);
		long links = jdbc.sql("SELECT COUNT(*) FROM password_setup").query(Long.class).single();
		mvc.perform(post("/admin/accounts/password-link").with(csrf()).cookie(ann).param("email", team.bo().email()))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM password_setup").query(Long.class).single()).isEqualTo(links);
		assertThat(auditCount("password-link-issued", team.bo().email())).isZero();
	}

	@Test
	void anAdministratorChangesRolesAndTheyTakeEffectOnThePersonsNextRequest() throws Exception {
		Cookie admin = signIn(team.admin().email(), TestOrganisation.PASSWORD);
		Cookie bo = signIn(team.bo().email(), TestOrganisation.PASSWORD);
		mvc.perform(get("/admin/accounts").cookie(bo)).andExpect(status().isForbidden());

		MvcResult saved = mvc.perform(post("/admin/accounts/{id}/roles", team.bo().accountId()).with(csrf()).cookie(admin)
				.param("roles", "EMPLOYEE", "ADMIN"))
			.andExpect(redirectedUrl("/admin/accounts")).andReturn();
		assertThat(saved.getFlashMap().get("message")).isEqualTo("Roles of " + team.bo().email() + " saved.");
		assertThat(identity.account(team.bo().accountId()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.EMPLOYEE);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'roles-changed' AND subject = ? AND actor = ?")
			.params(team.bo().email(), team.admin().email()).query(String.class).list()).as("role names in words on the audit page too").containsExactly("Administrator, Employee");

		// Bo's session from before the change: the next request no longer carries the old roles
		mvc.perform(get("/admin/accounts").cookie(bo)).andExpect(redirectedUrl("/login"));
		Cookie boAgain = signIn(team.bo().email(), TestOrganisation.PASSWORD);
		mvc.perform(get("/admin/accounts").cookie(boAgain)).andExpect(status().isOk());

		mvc.perform(post("/admin/accounts/{id}/roles", team.bo().accountId()).with(csrf()).cookie(admin).param("roles", "EMPLOYEE"))
			.andExpect(redirectedUrl("/admin/accounts"));
		// taking the role away works on the very next request of a session that had it
		mvc.perform(get("/admin/accounts").cookie(boAgain)).andExpect(redirectedUrl("/login"));
		Cookie boDemoted = signIn(team.bo().email(), TestOrganisation.PASSWORD);
		mvc.perform(get("/admin/accounts").cookie(boDemoted)).andExpect(status().isForbidden());
		assertThat(identity.account(team.bo().accountId()).orElseThrow().roles()).containsExactly(Role.EMPLOYEE);
		// the administrator's own session is untouched by changes to someone else
		mvc.perform(get("/admin/accounts").cookie(admin)).andExpect(status().isOk());
	}

	@Test
	void aNonAdministratorCannotChangeRolesAndRefusedChangesLeaveRolesAsTheyWere() throws Exception {
		Cookie ann = signIn(team.ann().email(), TestOrganisation.PASSWORD);
		mvc.perform(post("/admin/accounts/{id}/roles", team.ann().accountId()).with(csrf()).cookie(ann).param("roles", "ADMIN", "EMPLOYEE"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/accounts/{id}/roles", team.bo().accountId()).with(csrf()).cookie(ann).param("roles", "PROGRAMME_MANAGER"))
			.andExpect(status().isForbidden());
		assertThat(identity.account(team.ann().accountId()).orElseThrow().roles()).containsExactly(Role.EMPLOYEE);
		assertThat(identity.account(team.bo().accountId()).orElseThrow().roles()).containsExactly(Role.EMPLOYEE);
		assertThat(auditCount("roles-changed", team.ann().email()) + auditCount("roles-changed", team.bo().email())).isZero();

		Cookie admin = signIn(team.admin().email(), TestOrganisation.PASSWORD);
		MvcResult own = mvc.perform(post("/admin/accounts/{id}/roles", team.admin().accountId()).with(csrf()).cookie(admin)
				.param("roles", "EMPLOYEE")).andExpect(redirectedUrl("/admin/accounts")).andReturn();
		assertThat(own.getFlashMap().get("error")).isEqualTo("Roles not saved: you cannot remove your own administrator role.");
		MvcResult none = mvc.perform(post("/admin/accounts/{id}/roles", team.bo().accountId()).with(csrf()).cookie(admin))
			.andExpect(redirectedUrl("/admin/accounts")).andReturn();
		assertThat(none.getFlashMap().get("error")).isEqualTo("Roles not saved: at least one role is required.");
		assertThat(identity.account(team.admin().accountId()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.EMPLOYEE);
		assertThat(identity.account(team.bo().accountId()).orElseThrow().roles()).containsExactly(Role.EMPLOYEE);
		mvc.perform(get("/admin/accounts").cookie(admin)).andExpect(status().isOk());
	}

	@Test
	void theTokenLimitIsEnforcedAndTheRefusedTokenDoesNotExist() throws Exception {
		Cookie ann = signIn(team.ann().email(), TestOrganisation.PASSWORD);
		long accountId = team.ann().accountId();
		// a revoked and an expired token do not count against the limit
		IssuedToken revoked = identity.issueToken(accountId, "revoked", null);
		identity.revokeToken(accountId, revoked.token().id());
		IssuedToken expired = identity.issueToken(accountId, "expired", 1);
		jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), expired.token().id()).update();
		for (int i = 1; i <= IdentityManagement.MAX_TOKENS_PER_ACCOUNT; i++) {
			mvc.perform(post("/account/tokens").with(csrf()).cookie(ann).param("name", "script " + i))
				.andExpect(status().isOk());
		}
		List<ApiToken> before = identity.tokens(accountId);
		assertThat(before).hasSize(IdentityManagement.MAX_TOKENS_PER_ACCOUNT + 2);

		Document refused = Jsoup.parse(mvc.perform(post("/account/tokens").with(csrf()).cookie(ann).param("name", "one too many"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select("[role=alert]").text()).isEqualTo("You already have 20 tokens: revoke one first.");
		assertThat(refused.select("code.secret")).as("no secret is shown").isEmpty();
		assertThat(identity.tokens(accountId)).isEqualTo(before);
		assertThat(identity.tokens(accountId)).extracting(ApiToken::name).doesNotContain("one too many");
		assertThat(auditCount("token-created", "one too many")).isZero();

		// revoking one makes room for exactly one more
		long first = before.stream().filter(t -> t.name().equals("script 1")).findFirst().orElseThrow().id();
		mvc.perform(post("/account/tokens/{id}/revoke", first).with(csrf()).cookie(ann)).andExpect(status().isOk());
		Document created = Jsoup.parse(mvc.perform(post("/account/tokens").with(csrf()).cookie(ann).param("name", "replacement"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(created.select("[role=alert]")).isEmpty();
		assertThat(created.select("code.secret").text()).startsWith(IdentityManagement.TOKEN_PREFIX).hasSizeGreaterThan(40);
		assertThat(identity.tokens(accountId)).extracting(ApiToken::name).contains("replacement");
		mvc.perform(post("/account/tokens").with(csrf()).cookie(ann).param("name", "again too many"))
			.andExpect(status().isOk());
		assertThat(identity.tokens(accountId)).extracting(ApiToken::name).doesNotContain("again too many");
		assertThat(identity.tokens(accountId).stream().filter(t -> t.usable(java.time.Instant.now())).count())
			.isEqualTo(IdentityManagement.MAX_TOKENS_PER_ACCOUNT);
		assertThat(Set.copyOf(identity.auditTrail(new PageRequest(0, 5)).items().stream().map(e -> e.action()).toList()))
			.contains("token-created");
	}
}
