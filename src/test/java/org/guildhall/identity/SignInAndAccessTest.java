package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;

import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GuildhallTest
@AutoConfigureMockMvc
class SignInAndAccessTest {

	@Autowired
	MockMvc mvc;

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

	/** Signs in and returns the session cookie (sessions live in the database, found by this cookie). */
	private Cookie signIn(String email) throws Exception {
		MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", email)
				.param("password", TestOrganisation.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

	@Test
	void pagesOpenedAtOnceRightAfterSignInAllLoad() throws Exception {
		// each page with a form adds the form token to a session that has none yet: all of them at once
		for (int round = 0; round < 4; round++) {
			Cookie session = signIn(org.ann().email());
			int tabs = 8;
			java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(tabs);
			java.util.concurrent.ExecutorService browser = java.util.concurrent.Executors.newFixedThreadPool(tabs);
			try {
				java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
				for (int tab = 0; tab < tabs; tab++) {
					answers.add(browser.submit(() -> {
						together.await();
						return mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus();
					}));
				}
				for (java.util.concurrent.Future<Integer> answer : answers) {
					assertThat(answer.get()).as("round " + round).isEqualTo(200);
				}
			}
			finally {
				browser.shutdownNow();
			}
		}
	}

	@Test
	void signInWorksAndGivesANewSessionId() throws Exception {
		// no session before signing in (AnonymousSessionsTest, on a real server): a signed-in one is replaced
		Cookie before = signIn(org.bo().email());
		MvcResult result = mvc.perform(post("/login").with(csrf()).cookie(before)
				.param("username", org.ann().email().toUpperCase()).param("password", TestOrganisation.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie after = result.getResponse().getCookie("SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		assertThat(result.getResponse().getHeaders("Set-Cookie")).anySatisfy(header -> assertThat(header)
			.startsWith("SESSION=" + after.getValue()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

		String home = mvc.perform(get("/").cookie(after)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("Welcome, Ann Okafor");
		mvc.perform(get("/").cookie(before)).andExpect(redirectedUrl("/login"));

		mvc.perform(post("/logout").with(csrf()).cookie(after)).andExpect(redirectedUrl("/login?signedOut"));
		mvc.perform(get("/").cookie(after)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", org.ann().email()).param("password", "nope nope nope"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").with(csrf()).param("username", "nobody@example.com").param("password", "nope nope nope"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", org.ann().email()).param("password", TestOrganisation.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void repeatedAttemptsOnOneAccountAreThrottledEvenWithTheRightPassword() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", org.bo().email()).param("password", "guess " + i + " guess"))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").with(csrf()).param("username", org.bo().email()).param("password", TestOrganisation.PASSWORD))
			.andExpect(redirectedUrlPattern("/login?throttled=*"));
		mvc.perform(post("/login").with(csrf()).param("username", org.ann().email()).param("password", TestOrganisation.PASSWORD))
			.andExpect(redirectedUrl("/")); // other accounts are not affected
	}

	@Test
	void pagesNeedSignInAndAdminPagesNeedTheAdminRole() throws Exception {
		mvc.perform(get("/people")).andExpect(redirectedUrl("/login"));
		Cookie employee = signIn(org.ann().email());
		mvc.perform(get("/people").cookie(employee)).andExpect(status().isOk());
		mvc.perform(get("/admin/imports").cookie(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/accounts").cookie(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/skills").cookie(employee)).andExpect(status().isForbidden());
		mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "x.csv", "text/csv", "a".getBytes()))
			.with(csrf()).cookie(employee)).andExpect(status().isForbidden());

		Cookie admin = signIn(org.admin().email());
		mvc.perform(get("/admin/imports").cookie(admin)).andExpect(status().isOk());
		mvc.perform(get("/admin/accounts").cookie(admin)).andExpect(status().isOk());
	}

	@Test
	void anEmployeeCannotEditSomeoneElsesProfilePage() throws Exception {
		Cookie bo = signIn(org.bo().email());
		CurrentUser annAsHerself = new CurrentUser(org.ann().accountId(), org.ann().email(), "Ann", org.ann().personId(),
				Set.of(CurrentUser.EMPLOYEE));
		var before = directory.profile(org.ann().personId(), annAsHerself);
		mvc.perform(get("/people/{id}/edit", org.ann().personId()).cookie(bo)).andExpect(status().isForbidden());
		mvc.perform(post("/people/{id}/edit", org.ann().personId()).with(csrf()).cookie(bo)
			.param("bio", "hacked").param("timeZone", "UTC").param("version", String.valueOf(before.version())))
			.andExpect(status().isForbidden());
		assertThat(directory.profile(org.ann().personId(), annAsHerself)).as("Ann's profile as it was").isEqualTo(before);
		mvc.perform(get("/people/{id}/edit", org.bo().personId()).cookie(bo)).andExpect(status().isOk());
	}

	@Test
	void theApiTakesPersonalAccessTokensAndAnswersWithProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/people"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.status").value(401));
		String token = org.token(identity, org.ann());
		mvc.perform(get("/api/v1/people/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fullName").value("Ann Okafor"));
		mvc.perform(get("/api/v1/people").header("Authorization", "Bearer ghp_not-a-real-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() throws Exception {
		IssuedToken issued = identity.issueToken(org.ann().accountId(), "script", null);
		mvc.perform(get("/api/v1/people/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
		identity.revokeToken(org.ann().accountId(), issued.token().id());
		mvc.perform(get("/api/v1/people/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isUnauthorized());
		assertThat(identity.tokens(org.ann().accountId())).allSatisfy(t -> assertThat(t.prefix()).hasSize(10));
	}

	@Test
	void importEndpointsAreForAdministratorsOnly() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
				"employee_id,email,full_name\nE1,e1@example.com,E One\n".getBytes());
		mvc.perform(multipart("/api/v1/imports").file(file).header("Authorization", "Bearer " + org.token(identity, org.ann())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"));
		mvc.perform(get("/api/v1/imports").header("Authorization", "Bearer " + org.token(identity, org.pm())))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/imports").file(file).header("Authorization", "Bearer " + org.token(identity, org.admin())))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			// the preview runs in the background: with one row it may be done before the answer is written
			.andExpect(jsonPath("$.state").value(oneOf("PREVIEWING", "PREVIEWED")));
	}

	@Test
	void peopleDeactivatedByTheHrImportCanNoLongerSignInNorUseTheirTokens() throws Exception {
		String token = org.token(identity, org.ann());
		TestOrganisation.create(imports, identity, directory); // a full export without this organisation
		mvc.perform(post("/login").with(csrf()).param("username", org.ann().email()).param("password", TestOrganisation.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/api/v1/people/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void theOpenApiDescriptionListsTheApiAndItsTokenScheme() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/people']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/skills']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/imports/{id}/apply']").exists())
			.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
	}

	@Test
	void importsAndProfileEditsByOthersLandInTheAuditTrail() throws Exception {
		Cookie admin = signIn(org.admin().email());
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
			assertThat(identity.auditTrail(new PageRequest(0, 50)).items())
				.anySatisfy(e -> assertThat(e.action()).isEqualTo("people-imported")));
		mvc.perform(get("/admin/audit").cookie(admin)).andExpect(status().isOk());
		mvc.perform(get("/admin/audit").cookie(signIn(org.bo().email()))).andExpect(status().isForbidden());
	}
}
