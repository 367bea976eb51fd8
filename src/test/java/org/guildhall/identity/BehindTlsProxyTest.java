package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.Browserless;
import org.guildhall.testing.GuildhallServerTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a proxy that ends TLS and forwards plain HTTP with {@code X-Forwarded-Proto: https}, the
 * browser talks HTTPS: cookies must be Secure and HSTS must be sent. Over plain HTTP neither (a
 * Secure cookie would never come back, and HSTS over HTTP is ignored by browsers anyway).
 */
@GuildhallServerTest
class BehindTlsProxyTest {

	static final String HSTS = "max-age=31536000 ; includeSubDomains";

	@LocalServerPort
	int port;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	TestOrganisation org;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
	}

	@Test
	void overHttpsThroughTheProxyCookiesAreSecureAndHstsIsSent() throws Exception {
		Browserless browser = new Browserless(port).always("X-Forwarded-Proto", "https");

		HttpResponse<String> signInPage = browser.get("/login");
		assertThat(hsts(signInPage)).isEqualTo(HSTS);
		assertThat(signInPage.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
			.isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));

		HttpResponse<String> signedIn = browser.post("/login", "username", org.ann().email(), "password",
				TestOrganisation.PASSWORD, "_csrf", Browserless.formToken(signInPage.body()));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(hsts(signedIn)).isEqualTo(HSTS);
		assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
			.singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotStartWith("http:"));

		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(hsts(home)).isEqualTo(HSTS);
		assertThat(hsts(browser.get("/api/v1/people"))).as("the API too").isEqualTo(HSTS);
	}

	@Test
	void overPlainHttpNeitherSecureCookiesNorHsts() throws Exception {
		Browserless browser = new Browserless(port);

		HttpResponse<String> signInPage = browser.get("/login");
		assertThat(signInPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
		HttpResponse<String> signedIn = browser.post("/login", "username", org.ann().email(), "password",
				TestOrganisation.PASSWORD, "_csrf", Browserless.formToken(signInPage.body()));
		assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
			.singleElement().satisfies(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	private static String hsts(HttpResponse<String> response) {
		return response.headers().firstValue("Strict-Transport-Security").orElse(null);
	}
}
