package org.guildhall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallServerTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests a client got wrong on the wire (a query parameter without a name, a multipart body cut
 * short) are the client's fault: 400 with a problem detail, a 400 page in the browser, and nothing
 * logged as an error. Sent to a real Tomcat, because MockMvc parses neither the way Tomcat does.
 */
@GuildhallServerTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

	@LocalServerPort
	int port;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	final HttpClient http = HttpClient.newHttpClient();

	String adminToken;

	@BeforeEach
	void organisation() {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		adminToken = "Bearer " + org.token(identity, org.admin());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String pathAndQuery) {
		return URI.create("http://localhost:" + port + pathAndQuery);
	}

	@ParameterizedTest
	@ValueSource(strings = {"/api/v1/people?=x", "/api/v1/programmes?=x", "/api/v1/community/questions?=x",
			"/api/v1/community/circles?=x", "/api/v1/people?=", "/api/v1/people?size=5&=x"})
	void anApiQueryParameterWithoutANameIsA400ProblemDetail(String url, CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(url(url)).header("Authorization", adminToken));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400").contains("\"title\":\"Invalid input\"");
		assertNothingLoggedAsAnError(output, logged);
	}

	@Test
	void aBrokenMultipartBodyIsA400ProblemDetail(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/v1/imports"))
			.header("Authorization", adminToken)
			.header("Content-Type", "multipart/form-data; boundary=abc")
			.POST(HttpRequest.BodyPublishers.ofString("--abc\r\n")));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400");
		assertNothingLoggedAsAnError(output, logged);
	}

	@Test
	void aPageWithAQueryParameterWithoutANameIsA400Page(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/login?=x"))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("That request was not valid").doesNotContain("Exception");
		assertNothingLoggedAsAnError(output, logged);
	}

	@Test
	void aBrokenMultipartBodyOnAPageIsA400Page(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/login"))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Content-Type", "multipart/form-data; boundary=abc")
			.POST(HttpRequest.BodyPublishers.ofString("--abc\r\n")));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("That request was not valid");
		assertNothingLoggedAsAnError(output, logged);
	}

	private static void assertNothingLoggedAsAnError(CapturedOutput output, int from) {
		String log = output.getAll().substring(from);
		assertThat(log).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}
}
