package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guildhall.identity.internal.FirstAdministrator;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.PageRequest;
import org.guildhall.testing.GuildhallTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one-time setup page for the first administrator, as an organisation without any
 * administrator meets it: the secret link comes from the log, works once, and refuses weak
 * passwords without creating anything.
 */
@GuildhallTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorSetupTest {

	private static final Pattern SETUP_LINK = Pattern.compile("/setup\\?key=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	FirstAdministrator firstAdministrator;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSetupLinkCreatesOneAdministratorOnceAndRefusesWeakPasswords(CapturedOutput output) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String email = "first-admin-" + run + "@example.com";
		// other tests' administrators share the database: set them aside so that there is none
		List<Long> admins = jdbc.sql("SELECT a.id FROM account a JOIN account_role r ON r.account_id = a.id "
				+ "WHERE r.role = 'ADMIN' AND a.enabled = TRUE").query(Long.class).list();
		jdbc.sql("UPDATE account SET enabled = FALSE WHERE id IN (SELECT account_id FROM account_role WHERE role = 'ADMIN')").update();
		try {
			assertThat(identity.hasAdmin()).isFalse();
			firstAdministrator.ensure();
			Matcher link = SETUP_LINK.matcher(output.getOut() + output.getErr());
			String key = null;
			while (link.find()) {
				key = link.group(1); // the last one printed is the one that counts
			}
			assertThat(key).as("the log names the setup link").isNotNull();

			mvc.perform(get("/setup")).andExpect(status().isNotFound());
			mvc.perform(get("/setup").param("key", key + "x")).andExpect(status().isNotFound());
			mvc.perform(get("/setup").param("key", key)).andExpect(status().isOk());

			// a weak password: the form again with the reason, and no account
			Document weak = Jsoup.parse(mvc.perform(post("/setup").with(csrf()).param("key", key).param("email", email)
					.param("displayName", "First Admin").param("password", "short").param("passwordAgain", "short"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
			assertThat(weak.select(".field-error").text()).contains("must be at least 12 characters");
			assertThat(identity.accountOf(email)).isEmpty();

			// the e-mail as password, and two passwords that differ: refused the same way
			Document sameAsEmail = Jsoup.parse(mvc.perform(post("/setup").with(csrf()).param("key", key).param("email", email)
					.param("displayName", "First Admin").param("password", email).param("passwordAgain", email))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
			assertThat(sameAsEmail.select(".field-error").text()).contains("must not be your e-mail address");
			Document differ = Jsoup.parse(mvc.perform(post("/setup").with(csrf()).param("key", key).param("email", email)
					.param("displayName", "First Admin").param("password", "a long enough passphrase")
					.param("passwordAgain", "another long passphrase"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
			assertThat(differ.select(".field-error").text()).contains("does not match the password");
			assertThat(identity.accountOf(email)).isEmpty();
			assertThat(identity.hasAdmin()).isFalse();

			mvc.perform(post("/setup").with(csrf()).param("key", key).param("email", email)
					.param("displayName", " First Admin ").param("password", "a long enough passphrase")
					.param("passwordAgain", "a long enough passphrase"))
				.andExpect(redirectedUrl("/login?setupDone"));
			Account admin = identity.accountOf(email).orElseThrow();
			assertThat(admin.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.EMPLOYEE);
			assertThat(admin.displayName()).isEqualTo("First Admin");
			assertThat(identity.auditTrail(new PageRequest(0, 20)).items())
				.anySatisfy(e -> {
					assertThat(e.action()).isEqualTo("first-admin-created");
					assertThat(e.subject()).isEqualTo(email);
				});
			mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "a long enough passphrase"))
				.andExpect(redirectedUrl("/"));

			// the same link once more: gone, and a second administrator cannot be made with it
			mvc.perform(get("/setup").param("key", key)).andExpect(status().isNotFound());
			String second = "second-admin-" + run + "@example.com";
			mvc.perform(post("/setup").with(csrf()).param("key", key).param("email", second)
					.param("displayName", "Second").param("password", "a long enough passphrase")
					.param("passwordAgain", "a long enough passphrase"))
				.andExpect(status().isNotFound());
			assertThat(identity.accountOf(second)).isEmpty();
			assertThatThrownBy(() -> identity.createFirstAdmin(second, "Second", "a long enough passphrase"))
				.isInstanceOf(ConflictException.class);
			assertThat(identity.accountOf(second)).isEmpty();

			// with an administrator in place, starting again prints no new link
			int before = countLinks(output);
			firstAdministrator.ensure();
			assertThat(countLinks(output)).isEqualTo(before);
			assertThat(firstAdministrator.setupOpen()).isFalse();
		}
		finally {
			jdbc.sql("UPDATE account SET enabled = FALSE WHERE email = ?").param(email).update();
			for (Long id : admins) {
				jdbc.sql("UPDATE account SET enabled = TRUE WHERE id = ?").param(id).update();
			}
		}
	}

	private static int countLinks(CapturedOutput output) {
		Matcher link = SETUP_LINK.matcher(output.getOut() + output.getErr());
		int count = 0;
		while (link.find()) {
			count++;
		}
		return count;
	}
}
