package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.Sha256;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One-time password links that travel by e-mail, through a real SMTP server in process (GreenMail):
 * "Forgot your password?" on the sign-in page, and an administrator sending a new person their link.
 */
@GuildhallTest
@AutoConfigureMockMvc
class PasswordMailTest {

	private static final int SMTP_PORT = freePort();
	private static final String NEW_PASSWORD = "a brand new passphrase";
	private static final Pattern LINK = Pattern.compile("https://guildhall\\.example\\.org(/password\\?token=[A-Za-z0-9_-]+)");

	private static GreenMail smtp = started();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> SMTP_PORT);
		properties.add("guildhall.base-url", () -> "https://guildhall.example.org");
		properties.add("guildhall.notifications.mail.send-interval", () -> "PT0.2S");
		properties.add("guildhall.notifications.mail.initial-delay", () -> "PT0S");
	}

	@Autowired MockMvc mvc;
	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired JdbcClient jdbc;

	TestOrganisation team;

	@BeforeEach
	void organisation() {
		if (!smtp.isRunning()) {
			smtp = started();
		}
		team = TestOrganisation.create(imports, identity, directory);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void aForgottenPasswordIsResetWithAMailedLinkThatWorksOnceAndEndsTheOtherSessions() throws Exception {
		Cookie boElsewhere = signIn(team.bo().email(), TestOrganisation.PASSWORD);
		mvc.perform(get("/people").cookie(boElsewhere)).andExpect(status().isOk());

		Document login = page(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn());
		assertThat(login.select("form[action=/login] ~ p a#forgot-password").attr("href")).as("below the form").isEqualTo("/password/forgot");
		Document ask = page(mvc.perform(get("/password/forgot")).andExpect(status().isOk()).andReturn());
		assertThat(ask.select("form[action=/password/forgot] input[name=email]")).hasSize(1);

		// an account and an address nobody has get the very same answer
		String stranger = "nobody-" + team.run() + "@example.com";
		forgot(team.bo().email(), "10.7.0.1").andExpect(redirectedUrl("/password/forgot?sent"));
		forgot(stranger, "10.7.0.1").andExpect(redirectedUrl("/password/forgot?sent"));
		Document answer = page(mvc.perform(get("/password/forgot").param("sent", "")).andExpect(status().isOk()).andReturn());
		assertThat(answer.select("#link-sent").text()).startsWith("If that address belongs to an active Guildhall account");
		assertThat(answer.select("form[action=/password/forgot]")).isEmpty();

		MimeMessage mail = awaitMailTo(team.bo().email());
		assertThat(mail.getSubject()).isEqualTo("Set a new Guildhall password");
		String text = (String) mail.getContent();
		assertThat(text).contains("Hello Bo Ek").contains("it works once");
		String link = link(text);
		assertThat(mailsTo(stranger)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_person_id = ? AND body LIKE '%token=%'")
			.param(team.bo().personId()).query(Long.class).single()).as("no copy in the in-app notifications").isZero();
		// once sent, the outbox keeps no working link
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT body FROM notification_mail WHERE to_address = ?")
			.param(team.bo().email()).query(String.class).list(), bodies -> bodies.size() == 1 && !bodies.get(0).contains("token="));

		Document form = page(mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		assertThat(form.select("[role=alert]")).isEmpty();
		mvc.perform(post("/password").with(csrf()).param("token", token(link)).param("password", NEW_PASSWORD)
			.param("passwordAgain", NEW_PASSWORD)).andExpect(redirectedUrl("/login?passwordSet"));

		// the session opened with the old password is over; the new password signs in, the old one not
		mvc.perform(get("/people").cookie(boElsewhere)).andExpect(redirectedUrl("/login"));
		signIn(team.bo().email(), NEW_PASSWORD);
		signInFails(team.bo().email(), TestOrganisation.PASSWORD);
		assertThat(audit("password-reset-requested", team.bo().email())).isEqualTo(1);
		assertThat(audit("password-set", team.bo().email())).isEqualTo(1);

		// the link works once: the page says so at once, and a new password sent anyway is refused
		Document used = page(mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		assertThat(used.select("[role=alert]").text()).startsWith("This link is invalid, used or expired");
		assertThat(used.select("form[action=/password]")).as("no form to fill in for nothing").isEmpty();
		assertThat(used.select("a#ask-again").attr("href")).isEqualTo("/password/forgot");
		mvc.perform(post("/password").with(csrf()).param("token", token(link)).param("password", "yet another passphrase")
			.param("passwordAgain", "yet another passphrase")).andExpect(status().isOk());
		signInFails(team.bo().email(), "yet another passphrase");
	}

	@Test
	void aMailedLinkExpiresAfterAnHour() throws Exception {
		forgot(team.ann().email(), "10.7.0.2").andExpect(redirectedUrl("/password/forgot?sent"));
		String link = link((String) awaitMailTo(team.ann().email()).getContent());
		Timestamp expires = jdbc.sql("SELECT expires_at FROM password_setup WHERE token_hash = ?").param(Sha256.hex(token(link)))
			.query(Timestamp.class).single();
		assertThat(Duration.between(Instant.now(), expires.toInstant())).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));

		// an hour later
		jdbc.sql("UPDATE password_setup SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), Sha256.hex(token(link))).update();
		Document expired = page(mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		assertThat(expired.select("[role=alert]").text()).startsWith("This link is invalid, used or expired");
		mvc.perform(post("/password").with(csrf()).param("token", token(link)).param("password", NEW_PASSWORD)
			.param("passwordAgain", NEW_PASSWORD)).andExpect(status().isOk());
		signInFails(team.ann().email(), NEW_PASSWORD);
		signIn(team.ann().email(), TestOrganisation.PASSWORD);
	}

	@Test
	void requestsAreLimitedPerEmailAndPerAddressAndDeactivatedPeopleGetNoMail() throws Exception {
		// per e-mail: three links an hour, then the same answer and no mail
		for (int i = 0; i < 4; i++) {
			forgot(team.pm().email(), "10.7.1." + i).andExpect(redirectedUrl("/password/forgot?sent"));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(team.pm().email()).size() == 3);

		// per address, whatever the e-mails: the twenty-first request from one address waits
		for (int i = 0; i < 20; i++) {
			forgot("someone-" + i + "-" + team.run() + "@example.com", "10.7.2.1").andExpect(redirectedUrl("/password/forgot?sent"));
		}
		Document refused = page(forgot(team.ann().email(), "10.7.2.1").andExpect(status().isTooManyRequests()).andReturn());
		assertThat(refused.select("[role=alert]").text()).isEqualTo("Too many requests from your network: try again in an hour.");

		// a new HR export leaves this organisation's people inactive: they get no link
		TestOrganisation next = TestOrganisation.create(imports, identity, directory);
		forgot(team.ann().email(), "10.7.3.1").andExpect(redirectedUrl("/password/forgot?sent"));
		forgot(next.ann().email(), "10.7.3.1").andExpect(redirectedUrl("/password/forgot?sent"));
		awaitMailTo(next.ann().email());
		Thread.sleep(500);
		assertThat(mailsTo(team.ann().email())).isEmpty();
		assertThat(mailsTo(team.pm().email())).hasSize(3);
	}

	@Test
	void anAdministratorSendsANewPersonTheirLinkByMail() throws Exception {
		String email = "newcomer-" + team.run() + "@example.com";
		String csv = "employee_id,email,full_name\nADM-" + team.run() + "," + team.admin().email() + ",Ada Admin\n"
				+ "ANN-" + team.run() + "," + team.ann().email() + ",Ann Okafor\n"
				+ "NEW-" + team.run() + "," + email + ",Nia Newcomer\n";
		imports.applyNow(imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "test").id());
		Cookie admin = signIn(team.admin().email(), TestOrganisation.PASSWORD);
		Document accounts = page(mvc.perform(get("/admin/accounts").cookie(admin)).andExpect(status().isOk()).andReturn());
		assertThat(accounts.select("button#mail-link").attr("formaction")).isEqualTo("/admin/accounts/password-link/mail");

		// not for anyone but an administrator
		Cookie ann = signIn(team.ann().email(), TestOrganisation.PASSWORD);
		mvc.perform(post("/admin/accounts/password-link/mail").with(csrf()).cookie(ann).param("email", email))
			.andExpect(status().isForbidden());

		MvcResult sent = mvc.perform(post("/admin/accounts/password-link/mail").with(csrf()).cookie(admin).param("email", email))
			.andExpect(redirectedUrl("/admin/accounts")).andReturn();
		assertThat(sent.getFlashMap().get("message")).isEqualTo("A link to set a password is on its way to " + email
				+ "; it works once, for 72 hours.");
		assertThat(sent.getFlashMap().get("link")).as("the link is not shown to the administrator").isNull();
		MimeMessage mail = awaitMailTo(email);
		assertThat(mail.getSubject()).isEqualTo("Set your Guildhall password");
		assertThat(mailsTo(email)).hasSize(1);
		String link = link((String) mail.getContent());
		assertThat(audit("password-link-mailed", email)).isEqualTo(1);

		mvc.perform(post("/password").with(csrf()).param("token", token(link)).param("password", NEW_PASSWORD)
			.param("passwordAgain", NEW_PASSWORD)).andExpect(redirectedUrl("/login?passwordSet"));
		signIn(email, NEW_PASSWORD);

		// Bo was left out of that export: deactivated, so no link goes to him
		MvcResult refused = mvc.perform(post("/admin/accounts/password-link/mail").with(csrf()).cookie(admin)
				.param("email", team.bo().email())).andExpect(redirectedUrl("/admin/accounts")).andReturn();
		assertThat(refused.getFlashMap().get("error")).isEqualTo("No link sent: " + team.bo().email()
				+ " is deactivated: no link is sent to it.");
		Thread.sleep(500);
		assertThat(mailsTo(team.bo().email())).isEmpty();
	}

	private ResultActions forgot(String email, String address) throws Exception {
		return mvc.perform(post("/password/forgot").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("email", email));
	}

	private Cookie signIn(String email, String password) throws Exception {
		return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
	}

	private void signInFails(String email, String password) throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/login?error"));
	}

	private long audit(String action, String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?").params(action, subject)
			.query(Long.class).single();
	}

	private static String link(String text) {
		Matcher matcher = LINK.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	private static String token(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	private static MimeMessage awaitMailTo(String email) throws MessagingException {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(email).isEmpty());
		List<MimeMessage> mails = mailsTo(email);
		return mails.get(mails.size() - 1);
	}

	private static List<MimeMessage> mailsTo(String email) throws MessagingException {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (Arrays.stream(mail.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
				found.add(mail);
			}
		}
		return found;
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private static GreenMail started() {
		GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
