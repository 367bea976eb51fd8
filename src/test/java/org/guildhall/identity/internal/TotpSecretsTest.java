package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.guildhall.testing.TotpCodes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Keys of authenticator apps are stored encrypted: the column never holds the key people type into
 * their app, sign-in with the app still works, keys stored in plain text before are encrypted in
 * place, and a key the configured one cannot open fails loudly. (The tests run without
 * {@code guildhall.security.encryption-key}, so values are under the development key.)
 */
@GuildhallTest
@AutoConfigureMockMvc
class TotpSecretsTest {

	@Autowired MockMvc mvc;
	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired SecondFactors factors;
	@Autowired TotpSecrets secrets;
	@Autowired JdbcClient jdbc;

	TestOrganisation people;

	@BeforeEach
	void organisation() {
		people = TestOrganisation.create(imports, identity, directory);
	}

	@Test
	void theColumnNeverHoldsTheKeyAndSigningInWithTheAppStillWorks() throws Exception {
		Cookie session = signIn(people.admin()).andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
		String shown = Jsoup.parse(mvc.perform(post("/account/security/totp").with(csrf()).cookie(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).getElementById("totp-secret").text();
		String key = shown.replace(" ", "");
		assertThat(stored(people.admin())).startsWith("dev1:").doesNotContain(key);

		mvc.perform(post("/account/security/totp/confirm").with(csrf()).cookie(session).param("code", TotpCodes.code(key, 0)))
			.andExpect(status().isOk());
		assertThat(stored(people.admin())).startsWith("dev1:").doesNotContain(key);

		Cookie halfway = signIn(people.admin()).andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(post("/login/second-factor").with(csrf()).cookie(halfway).param("code", TotpCodes.code(key, 1)))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aKeyStoredInPlainTextIsEncryptedInPlaceAndKeepsWorking() {
		String key = enrol(people.ann());
		// as the column was before encryption came
		jdbc.sql("UPDATE totp_factor SET secret = ? WHERE account_id = ?").params(key, people.ann().accountId()).update();

		assertThat(secrets.encryptStored()).isGreaterThanOrEqualTo(1);
		assertThat(stored(people.ann())).startsWith("dev1:").doesNotContain(key);
		assertThat(factors.verifyTotp(people.ann().accountId(), TotpCodes.code(key, 1))).isTrue();
		assertThat(secrets.encryptStored()).as("nothing left to do").isZero();
	}

	@Test
	void aKeyWrittenUnderAnotherKeyFailsLoudly() {
		String key = enrol(people.bo());
		byte[] other = new byte[32];
		new SecureRandom().nextBytes(other);
		String foreign = SecretBox.of(Base64.getEncoder().encodeToString(other)).seal(key, "totp_factor:" + people.bo().accountId());
		jdbc.sql("UPDATE totp_factor SET secret = ? WHERE account_id = ?").params(foreign, people.bo().accountId()).update();
		try {
			// at start-up (the check runs before requests are taken) and at sign-in: an error, never "wrong code"
			assertThatThrownBy(() -> secrets.encryptStored()).isInstanceOf(SecretBox.SecretUnreadable.class)
				.hasMessageContaining("guildhall.security.encryption-key");
			assertThatThrownBy(() -> factors.verifyTotp(people.bo().accountId(), TotpCodes.code(key, 1)))
				.isInstanceOf(SecretBox.SecretUnreadable.class);
		}
		finally {
			jdbc.sql("DELETE FROM totp_factor WHERE account_id = ?").param(people.bo().accountId()).update();
		}
	}

	private String stored(Member member) {
		return jdbc.sql("SELECT secret FROM totp_factor WHERE account_id = ?").param(member.accountId()).query(String.class).single();
	}

	private String enrol(Member member) {
		var user = identity.credentials(member.email()).orElseThrow().user();
		String key = factors.startTotp(user).secret().replace(" ", "");
		factors.confirmTotp(user, TotpCodes.code(key, -1));
		return key;
	}

	private org.springframework.test.web.servlet.ResultActions signIn(Member member) throws Exception {
		return mvc.perform(post("/login").with(csrf()).param("username", member.email()).param("password", TestOrganisation.PASSWORD));
	}
}
