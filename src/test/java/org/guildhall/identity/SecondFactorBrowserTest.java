package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.Browsers;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestProfiles;
import org.guildhall.testing.TotpCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An administrator in a real browser (Debian's headless Chromium): sets up an authenticator app by
 * reading the key from the page, adds a passkey with Chrome's virtual authenticator, signs out, signs
 * in with the password and a code computed here, then with the passkey alone. The server runs on a
 * port chosen before it starts, as the passkey's origin must be one it allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Tag("browser")
class SecondFactorBrowserTest {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("guildhall.security.webauthn.rp-id", () -> "localhost");
		properties.add("guildhall.security.webauthn.allowed-origins", () -> "http://localhost:" + PORT);
	}

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired JdbcClient jdbc;

	WebDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		browser = Browsers.start();
		wait = org.guildhall.testing.Browsers.waitFor(browser, Duration.ofSeconds(10));
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAdministratorSignsInWithAnAppCodeAndWithAPasskey() throws IOException {
		TestOrganisation people = TestOrganisation.create(imports, identity, directory);
		String admin = people.admin().email();

		signInWithPassword(admin);
		wait.until(d -> path().equals("/"));

		browser.get(url("/account/security"));
		browser.findElement(By.xpath("//button[normalize-space()='Set up an authenticator app']")).click();
		String secret = wait.until(d -> d.findElement(By.id("totp-secret"))).getText();
		assertThat(secret.replace(" ", "")).matches("[A-Z2-7]{32}");
		screenshot("security-page-setup");
		browser.findElement(By.id("totp-code")).sendKeys(TotpCodes.code(secret, 0));
		browser.findElement(By.xpath("//button[normalize-space()='Confirm']")).click();
		// findElements answers at once, empty, while the confirmation is still on its way: wait for the codes
		wait.until(d -> !d.findElements(By.cssSelector("#recovery-codes li")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		assertThat(browser.findElement(By.id("totp-state")).getText()).contains("Set up");

		VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
			.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true)
			.setIsUserConsenting(true));
		browser.findElement(By.id("passkey-label")).sendKeys("Test laptop");
		browser.findElement(By.cssSelector("[data-passkey=register]")).click();
		wait.until(d -> d.getCurrentUrl().contains("passkeyAdded")
				|| !d.findElement(By.id("passkey-status")).getText().startsWith("Follow") && !d.findElement(By.id("passkey-status")).getText().isEmpty());
		assertThat(browser.getCurrentUrl()).as(() -> browser.findElement(By.id("passkey-status")).getText()).contains("passkeyAdded");
		assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Test laptop");
		assertThat(authenticator.getCredentials()).hasSize(1);
		screenshot("security-page");
		signOut();

		// password, then a code from the app (the next one: the one used to set it up is spent)
		signInWithPassword(admin);
		wait.until(d -> path().equals("/login/second-factor"));
		screenshot("second-step-page");
		browser.get(url("/admin/accounts"));
		assertThat(path()).as("nothing else before the second step").isEqualTo("/login/second-factor");
		browser.findElement(By.id("code")).sendKeys(TotpCodes.code(secret, 1));
		browser.findElement(By.xpath("//button[normalize-space()='Continue']")).click();
		wait.until(d -> path().equals("/"));
		browser.get(url("/admin/accounts"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accounts");
		signOut();

		// a passkey alone: the device checked who holds it (user verification), so it stands for both factors
		browser.get(url("/login"));
		wait.until(d -> d.findElement(By.cssSelector("[data-passkey=sign-in]")).isDisplayed());
		browser.findElement(By.cssSelector("[data-passkey=sign-in]")).click();
		wait.until(d -> path().equals("/") || !d.findElement(By.id("passkey-status")).getText().startsWith("Follow"));
		assertThat(path()).as(() -> browser.findElement(By.id("passkey-status")).getText()).isEqualTo("/");
		browser.get(url("/admin/accounts"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accounts");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'second-factor-added'").param(admin)
			.query(Long.class).single()).as("app and passkey").isEqualTo(2);
	}

	private void signInWithPassword(String email) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(TestOrganisation.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private void signOut() {
		Browsers.signOut(browser);
		wait.until(d -> d.getCurrentUrl().contains("signedOut"));
	}

	private String path() {
		String current = browser.getCurrentUrl();
		String path = current.substring(("http://localhost:" + PORT).length());
		int query = path.indexOf('?');
		return query < 0 ? path : path.substring(0, query);
	}

	private String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	/** For looking at the pages (target/screenshots), not for asserting. */
	private void screenshot(String name) throws IOException {
		org.guildhall.testing.Browsers.screenshot(browser, name);
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
