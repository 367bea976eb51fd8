package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.internal.SecondFactors;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.guildhall.testing.TotpCodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Second factors as people meet them: setting up an authenticator app, the second step after the
 * password (codes that are wrong, replayed or guessed too often), recovery codes, the
 * organisation's rule that forces staff to enrol, and an administrator removing someone's factors.
 */
@GuildhallTest
@AutoConfigureMockMvc
class SecondFactorTest {

	@Autowired MockMvc mvc;
	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired SecondFactors factors;
	@Autowired JdbcClient jdbc;
	@Autowired PublicKeyCredentialUserEntityRepository passkeyUsers;
	@Autowired UserCredentialRepository passkeyCredentials;

	TestOrganisation people;

	@BeforeEach
	void organisation() {
		people = TestOrganisation.create(imports, identity, directory);
	}

	@Test
	void anAdministratorSetsUpAnAppAndThenSignsInWithItsCodeButNeverWithTheSameCodeTwice() throws Exception {
		Cookie session = signIn(people.admin(), "10.2.0.1").andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");

		Document started = page(mvc.perform(post("/account/security/totp").with(csrf()).cookie(session)).andExpect(status().isOk()).andReturn());
		String secret = started.getElementById("totp-secret").text();
		assertThat(secret.replace(" ", "")).matches("[A-Z2-7]{32}");
		assertThat(started.selectFirst("img[src^=data:image/svg+xml;base64,]")).as("QR code drawn on the server").isNotNull();

		Document wrong = page(mvc.perform(post("/account/security/totp/confirm").with(csrf()).cookie(session)
			.param("code", TotpCodes.wrong(secret))).andExpect(status().isBadRequest()).andReturn());
		assertThat(wrong.select(".alert").text()).contains("not the current code");
		assertThat(factors.hasFactor(people.admin().accountId())).as("not before a right code").isFalse();

		String confirmedWith = TotpCodes.code(secret, 0);
		Document confirmed = page(mvc.perform(post("/account/security/totp/confirm").with(csrf()).cookie(session)
			.param("code", confirmedWith)).andExpect(status().isOk()).andReturn());
		List<String> recoveryCodes = confirmed.select("#recovery-codes code").eachText();
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
		assertThat(audit(people.admin().email(), "second-factor-added")).isEqualTo(1);
		mvc.perform(post("/logout").with(csrf()).cookie(session));

		// the right password alone is not enough now: every page sends the browser to the second step
		Cookie halfway = signIn(people.admin(), "10.2.0.1").andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/admin/accounts").cookie(halfway)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/people").cookie(halfway)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/account/security").cookie(halfway)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/login/second-factor").cookie(halfway)).andExpect(status().isOk());
		// nor can a passkey be added with the password alone
		mvc.perform(post("/webauthn/register/options").with(csrf()).cookie(halfway)).andExpect(redirectedUrl("/login/second-factor"));

		secondStep(halfway, confirmedWith, "10.2.0.1").andExpect(status().isBadRequest());
		MvcResult in = secondStep(halfway, TotpCodes.code(secret, 1), "10.2.0.1").andExpect(redirectedUrl("/")).andReturn();
		Cookie full = in.getResponse().getCookie("SESSION");
		assertThat(full).as("a new session id after the second step").isNotNull();
		assertThat(full.getValue()).isNotEqualTo(halfway.getValue());
		mvc.perform(get("/admin/accounts").cookie(full)).andExpect(status().isOk());
		mvc.perform(get("/admin/accounts").cookie(halfway)).andExpect(redirectedUrl("/login"));

		// a personal access token is a factor of its own
		mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer " + people.token(identity, people.admin())))
			.andExpect(status().isOk());
	}

	@Test
	void wrongCodesAreThrottledLikeWrongPasswordsAndSigningInAgainDoesNotBuyMoreGuesses() throws Exception {
		String secret = enrol(people.pm());
		String address = "10.2.0.2";
		Cookie halfway = signIn(people.pm(), address).andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse()
			.getCookie("SESSION");
		for (int guess = 0; guess < 4; guess++) {
			secondStep(halfway, TotpCodes.wrong(secret), address).andExpect(status().isBadRequest());
		}
		Cookie again = signIn(people.pm(), address).andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse()
			.getCookie("SESSION");
		assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?").param("pair:" + people.pm().email() + "|" + address)
			.query(Integer.class).single()).as("the right password did not clear the wrong codes").isEqualTo(4);
		secondStep(again, TotpCodes.wrong(secret), address).andExpect(status().isTooManyRequests());
		// now even the right code waits, and so does the password from here
		secondStep(again, TotpCodes.code(secret, 0), address).andExpect(status().isTooManyRequests());
		signIn(people.pm(), address).andExpect(redirectedUrlPattern("/login?throttled=*"));
		assertThat(factors.verifyTotp(people.pm().accountId(), TotpCodes.code(secret, 1))).as("the code was never taken").isTrue();
	}

	@Test
	void aRecoveryCodeWorksOnceTheOwnerIsToldAndNewCodesReplaceTheOldOnes() throws Exception {
		enrol(people.ann());
		List<String> codes = factors.recoveryCodes(user(people.ann()));
		String address = "10.2.0.3";

		Cookie halfway = signIn(people.ann(), address).andReturn().getResponse().getCookie("SESSION");
		Cookie full = secondStep(halfway, codes.get(0).toUpperCase(), address).andExpect(redirectedUrl("/")).andReturn().getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/people").cookie(full)).andExpect(status().isOk());
		mvc.perform(post("/logout").with(csrf()).cookie(full));

		halfway = signIn(people.ann(), address).andReturn().getResponse().getCookie("SESSION");
		secondStep(halfway, codes.get(0), address).andExpect(status().isBadRequest());
		assertThat(factors.status(people.ann().accountId()).recoveryCodesLeft()).isEqualTo(9);

		List<String> told = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT title FROM notification WHERE recipient_person_id = ? AND source_key LIKE 'recovery-code-used:%'")
			.param(people.ann().personId()).query(String.class).list(), rows -> !rows.isEmpty());
		assertThat(told).containsExactly("A recovery code was used to sign in to your account");

		List<String> fresh = factors.recoveryCodes(user(people.ann()));
		assertThat(fresh).doesNotContainAnyElementsOf(codes);
		secondStep(halfway, codes.get(1), address).andExpect(status().isBadRequest());
		secondStep(halfway, fresh.get(0), address).andExpect(redirectedUrl("/"));
		assertThat(audit(people.ann().email(), "recovery-code-used")).isEqualTo(2);
		assertThat(audit(people.ann().email(), "recovery-codes-created")).as("at enrolment and twice here").isEqualTo(3);
	}

	@Test
	void whenTheOrganisationRequiresItStaffWithoutAFactorMustEnrolBeforeAnythingElse() throws Exception {
		Cookie admin = signIn(people.admin(), "10.2.0.4").andReturn().getResponse().getCookie("SESSION");
		try {
			mvc.perform(post("/admin/accounts/second-factor-policy").with(csrf()).cookie(admin).param("required", "true"))
				.andExpect(redirectedUrl("/admin/accounts"));
			assertThat(factors.requiredForStaff()).isTrue();
			assertThat(audit(people.admin().email(), "second-factor-policy-changed")).isEqualTo(1);

			Cookie pm = signIn(people.pm(), "10.2.0.5").andExpect(redirectedUrl("/account/security?required")).andReturn().getResponse()
				.getCookie("SESSION");
			mvc.perform(get("/programmes").cookie(pm)).andExpect(redirectedUrl("/account/security?required"));
			mvc.perform(get("/api/v1/programmes").cookie(pm)).andExpect(status().isUnauthorized());
			Document security = page(mvc.perform(get("/account/security").cookie(pm)).andExpect(status().isOk()).andReturn());
			assertThat(security.select(".alert").text()).contains("requires administrators and programme managers");

			// an employee is not asked
			signIn(people.bo(), "10.2.0.6").andExpect(redirectedUrl("/"));

			String secret = page(mvc.perform(post("/account/security/totp").with(csrf()).cookie(pm)).andReturn())
				.getElementById("totp-secret").text();
			mvc.perform(post("/account/security/totp/confirm").with(csrf()).cookie(pm).param("code", TotpCodes.code(secret, 0)))
				.andExpect(status().isOk());
			mvc.perform(get("/programmes").cookie(pm)).andExpect(status().isOk());

			// the last factor stays while the rule holds
			mvc.perform(post("/account/security/totp/remove").with(csrf()).cookie(pm)).andExpect(redirectedUrl("/account/security"));
			assertThat(factors.hasFactor(people.pm().accountId())).isTrue();
		}
		finally {
			mvc.perform(post("/admin/accounts/second-factor-policy").with(csrf()).cookie(admin).param("required", "false"))
				.andExpect(redirectedUrl("/admin/accounts"));
		}
		assertThat(factors.requiredForStaff()).isFalse();
		// a new organisation (the HR import of it leaves the first one inactive)
		TestOrganisation other = TestOrganisation.create(imports, identity, directory);
		signIn(other.pm(), "10.2.0.7").andExpect(redirectedUrl("/"));
		Cookie employee = signIn(other.ann(), "10.2.0.8").andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(post("/admin/accounts/second-factor-policy").with(csrf()).cookie(employee).param("required", "true"))
			.andExpect(status().isForbidden());
		assertThat(factors.requiredForStaff()).isFalse();
	}

	@Test
	void turningTheRuleOnSignsOutStaffWithoutAFactorButNotTheSessionThatTurnedItOn() throws Exception {
		enrol(people.ann());
		jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, 'PROGRAMME_MANAGER')").param(people.ann().accountId()).update();
		Cookie pm = signIn(people.pm(), "10.2.1.1").andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
		Cookie annHalfway = signIn(people.ann(), "10.2.1.2").andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse()
			.getCookie("SESSION");
		Cookie ann = secondStep(annHalfway, TotpCodes.code(enrolledSecret(people.ann()), 1), "10.2.1.2").andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookie("SESSION");
		Cookie bo = signIn(people.bo(), "10.2.1.3").andReturn().getResponse().getCookie("SESSION");
		Cookie admin = signIn(people.admin(), "10.2.1.4").andReturn().getResponse().getCookie("SESSION");
		Cookie adminElsewhere = signIn(people.admin(), "10.2.1.5").andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/programmes").cookie(pm)).andExpect(status().isOk());
		try {
			MvcResult on = mvc.perform(post("/admin/accounts/second-factor-policy").with(csrf()).cookie(admin).param("required", "true"))
				.andExpect(redirectedUrl("/admin/accounts")).andReturn();
			assertThat((String) on.getFlashMap().get("message")).contains("signed out now");

			// the programme manager without a factor is out at once, and signing in again asks for one
			mvc.perform(get("/programmes").cookie(pm)).andExpect(redirectedUrl("/login"));
			signIn(people.pm(), "10.2.1.1").andExpect(redirectedUrl("/account/security?required"));
			assertThat(audit(people.admin().email(), "signed-out")).as("the administrator is the actor of each sign-out").isGreaterThanOrEqualTo(2);
			// the administrator's other session ends, the one that acted goes on
			mvc.perform(get("/admin/accounts").cookie(adminElsewhere)).andExpect(redirectedUrl("/login"));
			mvc.perform(get("/admin/accounts").cookie(admin)).andExpect(status().isOk());
			// staff with a factor and employees are not affected
			mvc.perform(get("/programmes").cookie(ann)).andExpect(status().isOk());
			mvc.perform(get("/people").cookie(bo)).andExpect(status().isOk());
		}
		finally {
			mvc.perform(post("/admin/accounts/second-factor-policy").with(csrf()).cookie(admin).param("required", "false"))
				.andExpect(redirectedUrl("/admin/accounts"));
		}
	}

	/** The key of a confirmed app, read back as the server reads it (the column holds it encrypted). */
	private String enrolledSecret(Member member) {
		return enrolled.get(member.email());
	}

	private final java.util.Map<String, String> enrolled = new java.util.HashMap<>();

	@Test
	void anAdministratorRemovesTheFactorsOfSomeoneWhoLostThemAndTheyAreTold() throws Exception {
		enrol(people.bo());
		Cookie ann = signIn(people.ann(), "10.2.0.9").andReturn().getResponse().getCookie("SESSION");
		mvc.perform(post("/admin/accounts/{id}/second-factors/remove", people.bo().accountId()).with(csrf()).cookie(ann))
			.andExpect(status().isForbidden());
		assertThat(factors.hasFactor(people.bo().accountId())).isTrue();

		Cookie admin = signIn(people.admin(), "10.2.0.10").andReturn().getResponse().getCookie("SESSION");
		Document list = page(mvc.perform(get("/admin/accounts").param("q", people.bo().email()).cookie(admin)).andReturn());
		assertThat(list.select("form[action$=/second-factors/remove]")).hasSize(1);
		mvc.perform(post("/admin/accounts/{id}/second-factors/remove", people.bo().accountId()).with(csrf()).cookie(admin))
			.andExpect(redirectedUrl("/admin/accounts"));

		assertThat(factors.status(people.bo().accountId())).satisfies(s -> {
			assertThat(s.hasFactor()).isFalse();
			assertThat(s.recoveryCodesLeft()).isZero();
		});
		signIn(people.bo(), "10.2.0.11").andExpect(redirectedUrl("/"));
		assertThat(audit(people.admin().email(), "second-factors-reset")).isEqualTo(1);
		List<String> told = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT title FROM notification WHERE recipient_person_id = ? AND source_key LIKE 'second-factor-removed:%'")
			.param(people.bo().personId()).query(String.class).list(), rows -> !rows.isEmpty());
		assertThat(told).containsExactly("A second factor was removed from your account");
	}

	@Test
	void passkeysAreKeptWithSpringSecuritysRepositoriesAndCountAsAFactor() throws Exception {
		Bytes userId = Bytes.random();
		passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder().id(userId).name(people.ann().email()).displayName("Ann Okafor").build());
		Bytes credentialId = Bytes.random();
		byte[] key = new byte[77];
		new java.util.Random(7).nextBytes(key);
		Instant created = Instant.parse("2026-12-01T10:15:30Z");
		passkeyCredentials.save(ImmutableCredentialRecord.builder().credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(credentialId).userEntityUserId(userId).publicKey(new ImmutablePublicKeyCose(key)).signatureCount(3)
			.uvInitialized(true).backupEligible(true).backupState(false).transports(Set.of(AuthenticatorTransport.INTERNAL))
			.attestationObject(new Bytes(new byte[] {1, 2, 3})).attestationClientDataJSON(new Bytes(new byte[] {4, 5}))
			.created(created).lastUsed(created).label("Ann's laptop").build());

		CredentialRecord stored = passkeyCredentials.findByCredentialId(credentialId);
		assertThat(stored.getPublicKey().getBytes()).as("the key survives the round trip").isEqualTo(key);
		assertThat(stored.getSignatureCount()).isEqualTo(3);
		assertThat(passkeyCredentials.findByUserId(userId)).hasSize(1);
		assertThat(audit(people.ann().email(), "second-factor-added")).isEqualTo(1);

		SecondFactors.Status status = factors.status(people.ann().accountId());
		assertThat(status.hasFactor()).isTrue();
		assertThat(status.passkeys()).singleElement().satisfies(p -> {
			assertThat(p.label()).isEqualTo("Ann's laptop");
			assertThat(p.created()).isEqualTo(created);
		});
		signIn(people.ann(), "10.2.0.12").andExpect(redirectedUrl("/login/second-factor"));

		Cookie admin = signIn(people.admin(), "10.2.0.13").andReturn().getResponse().getCookie("SESSION");
		assertThat(page(mvc.perform(get("/admin/accounts").param("q", people.ann().email()).cookie(admin)).andReturn())
			.select("form[action$=/second-factors/remove]")).hasSize(1);

		factors.removePasskey(user(people.ann()), credentialId.toBase64UrlString());
		assertThat(passkeyCredentials.findByCredentialId(credentialId)).isNull();
		assertThat(factors.hasFactor(people.ann().accountId())).isFalse();
		signIn(people.ann(), "10.2.0.12").andExpect(redirectedUrl("/"));
	}

	/** Sets up an authenticator app for the member, as the security page would; returns its key. */
	private String enrol(Member member) {
		CurrentUser user = user(member);
		String secret = factors.startTotp(user).secret();
		factors.confirmTotp(user, TotpCodes.code(secret, -1));
		enrolled.put(member.email(), secret);
		return secret;
	}

	private CurrentUser user(Member member) {
		return identity.credentials(member.email()).orElseThrow().user();
	}

	private org.springframework.test.web.servlet.ResultActions signIn(Member member, String address) throws Exception {
		return mvc.perform(post("/login").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("username", member.email()).param("password", TestOrganisation.PASSWORD));
	}

	private org.springframework.test.web.servlet.ResultActions secondStep(Cookie session, String code, String address) throws Exception {
		return mvc.perform(post("/login/second-factor").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).cookie(session).param("code", code));
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private long audit(String actor, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ?").params(actor, action).query(Long.class).single();
	}
}
