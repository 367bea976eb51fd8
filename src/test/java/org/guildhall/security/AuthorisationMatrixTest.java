package org.guildhall.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may use which endpoint, as data: {@code src/test/resources/authorisation-matrix.csv} names
 * every page and API endpoint with the status each role gets. This test boots the application once,
 * builds a world (two programmes of two managers, a mentorship with a goal, a milestone and a
 * meeting, a question with an answer, an article, a circle with a post and an event, an import, an
 * employee with no part in any of it, an administrator), fills each path's placeholders with the
 * world's ids and sends the request as every role, least privileged first. A write that went
 * through (any status below 400 other than the redirect to sign in) spoils the world for the rows
 * after it, so the next request gets a freshly built one. {@link #everyEndpointIsInTheMatrix} fails
 * on an endpoint missing from the table and on a row that names no endpoint.
 * <p>
 * Run with {@code -Dauthz.record=true} to write what the application answers now to
 * {@code target/authorisation-matrix-observed.csv} (same format) instead of failing; compare it
 * with the table before changing the table.
 */
@GuildhallTest
@AutoConfigureMockMvc
// the world is rebuilt many times, each with six posts: the posting limit (10 a minute) is not what is tested here
@TestPropertySource(properties = "guildhall.community.posts-per-minute=1000000")
class AuthorisationMatrixTest {

	static final String TABLE = "/authorisation-matrix.csv";
	static final List<String> ROLES = List.of("anonymous", "employee", "other_manager", "mentee", "mentor", "manager", "admin");
	static final boolean RECORD = Boolean.getBoolean("authz.record");
	static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	/** One row of the table: a request and the status each role gets ({@code login}: redirected to sign in; {@code -}: not sent). */
	record Row(int line, String method, String path, String body, Map<String, String> expected, String then) {

		@Override
		public String toString() {
			return method + " " + path;
		}

		String endpoint() {
			return method + " " + normalise(path);
		}
	}

	static String normalise(String pattern) {
		return pattern.replaceAll("\\{[^}]*}", "{}");
	}

	static List<Row> rows() {
		try (Reader in = new InputStreamReader(AuthorisationMatrixTest.class.getResourceAsStream(TABLE), StandardCharsets.UTF_8)) {
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
				.setIgnoreSurroundingSpaces(true).get().parse(in)) {
				Map<String, String> expected = new LinkedHashMap<>();
				ROLES.forEach(role -> expected.put(role, record.get(role)));
				rows.add(new Row((int) record.getRecordNumber(), record.get("method"), record.get("path"), record.get("body"), expected,
						record.isSet("then") ? record.get("then") : ""));
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** The people, their tokens and sessions: made once, as signing in has a cost (and a rate limit). */
	static People people;

	/** The objects the rows act on; rebuilt after a write went through. */
	static World world;

	static final List<String> observed = new ArrayList<>();

	static long mentorsNotification;

	record Person(String role, String email, long personId, long accountId, String token, Cookie session) {
	}

	record People(String run, Map<String, Person> byRole) {
	}

	@Test
	void everyEndpointIsInTheMatrix() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
			for (String pattern : info.getPatternValues()) {
				methods.forEach(method -> endpoints.add(method + " " + normalise(pattern)));
			}
		}
		Set<String> inTable = new TreeSet<>();
		rows().forEach(row -> inTable.add(row.endpoint()));
		Set<String> missing = new TreeSet<>(endpoints);
		missing.removeAll(inTable);
		Set<String> unknown = new TreeSet<>(inTable);
		unknown.removeAll(endpoints);
		assertThat(missing).as("endpoints with no row in %s", TABLE).isEmpty();
		assertThat(unknown).as("rows of %s that name no endpoint", TABLE).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void eachRoleGetsWhatTheMatrixSays(Row row) throws Exception {
		if (people == null) {
			people = people();
		}
		Map<String, String> got = new LinkedHashMap<>();
		for (String role : ROLES) {
			if (row.expected().get(role).equals("-")) {
				got.put(role, "-");
				continue;
			}
			if (world == null) {
				world = world();
			}
			String answer = send(row, role);
			got.put(role, answer);
			boolean spoilt = spoils(row, answer);
			try {
				if (!row.then().isEmpty() && !RECORD && answer.matches("2\\d\\d|302")) {
					assertThatTheWriteRan(row, role);
				}
			}
			finally {
				if (spoilt) {
					world = null; // it changed something: the next request gets a fresh world
				}
			}
		}
		if (RECORD) {
			observed.add(csv(row, got));
			return;
		}
		assertThat(got).as("%s (line %d of the matrix)", row, row.line()).isEqualTo(row.expected());
	}

	/**
	 * The row's {@code then} column ("404 GET /api/v1/community/posts/{answer}"): what an
	 * administrator's request answers after the write went through, so that a write that only
	 * claimed success fails the row.
	 */
	private void assertThatTheWriteRan(Row row, String role) throws Exception {
		String[] parts = row.then().split(" ", 3);
		String path = fill(parts[2], role);
		int status = mvc.perform(request(HttpMethod.valueOf(parts[1]), path)
			.header("Authorization", "Bearer " + people.byRole().get("admin").token())).andReturn().getResponse().getStatus();
		assertThat(status).as("after %s as %s (line %d): %s %s", row, role, row.line(), parts[1], path)
			.isEqualTo(Integer.parseInt(parts[0]));
	}

	/**
	 * Whether a request may have changed the world's objects: a write that went through, unless it
	 * only made something new (201) or names none of the world's objects (follows, preferences, new posts).
	 */
	private static boolean spoils(Row row, String answer) {
		if (row.method().equals("GET") || answer.equals("login") || answer.equals("-")) {
			return false;
		}
		int status = Integer.parseInt(answer);
		boolean namesObjects = PLACEHOLDER.matcher(row.path().replace("{me}", "")).find();
		return status < 400 && status != 201 && namesObjects;
	}

	@AfterAll
	static void writeObserved() throws IOException {
		if (RECORD && !observed.isEmpty()) {
			List<String> lines = new ArrayList<>();
			lines.add("method,path,body," + String.join(",", ROLES));
			lines.addAll(observed);
			Files.write(Path.of("target", "authorisation-matrix-observed.csv"), lines);
		}
	}

	private static String csv(Row row, Map<String, String> got) {
		String body = row.body().isEmpty() ? "" : "\"" + row.body().replace("\"", "\"\"") + "\"";
		return row.method() + "," + row.path() + "," + body + "," + String.join(",", got.values());
	}

	private String send(Row row, String role) throws Exception {
		String path = fill(row.path(), role);
		String body = fill(row.body(), role);
		boolean api = path.startsWith("/api/");
		Person who = people.byRole().get(role);
		AbstractMockHttpServletRequestBuilder<?> request;
		if (row.method().equals("POST") && body.startsWith("file=")) {
			request = multipart(path).file(new MockMultipartFile("file", "people.csv", "text/csv",
					URLDecoder.decode(body.substring(5), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			MockHttpServletRequestBuilder plain = request(HttpMethod.valueOf(row.method()), path);
			request = plain;
			if (api && !body.isEmpty()) {
				request.contentType(MediaType.APPLICATION_JSON).content(body);
			}
			else if (!body.isEmpty()) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
				for (String pair : body.split("&")) {
					String[] kv = pair.split("=", 2);
					request.param(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
							kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
				}
			}
		}
		if (who != null) {
			if (api) {
				request.header("Authorization", "Bearer " + who.token());
			}
			else {
				request.cookie(who.session());
			}
		}
		if (!api) {
			request.with(csrf());
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String location = response.getHeader("Location");
		if (response.getStatus() == 302 && location != null && location.matches("(https?://[^/]+)?/login")) {
			return "login";
		}
		return String.valueOf(response.getStatus());
	}

	/** Replaces {name} with the world's id (or e-mail, date) of that name; {me} is the role's own person, {role} its name. */
	private String fill(String template, String role) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String key = m.group(1);
			String value;
			if (key.equals("role")) {
				value = role;
			}
			else if (key.equals("me")) {
				Person who = people.byRole().get(role);
				value = String.valueOf(who == null ? world.ids().get("employee") : who.personId());
			}
			else {
				Object found = world.ids().get(key);
				if (found == null) {
					throw new IllegalStateException("The world has no {" + key + "}: " + template);
				}
				value = String.valueOf(found);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	// ---------------------------------------------------------------- the people

	private People people() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				employee_id,email,full_name,title,department,location,time_zone,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,Europe/Berlin,,,NONE,0
				PM-%1$s,manager-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,Europe/Berlin,ADM-%1$s,,NONE,0
				PM2-%1$s,other_manager-%1$s@example.com,Oli Manager,Programme Manager,People,Berlin,Europe/Berlin,ADM-%1$s,,NONE,0
				MIA-%1$s,mentor-%1$s@example.com,Mia Stone,Staff Engineer,Engineering,New York,America/New_York,ADM-%1$s,Java:5:teach,MENTOR,20
				TOM-%1$s,mentee-%1$s@example.com,Tom Sato,Engineer,Design,Tokyo,Asia/Tokyo,PM-%1$s,Java:2:learn,MENTEE,0
				CY-%1$s,employee-%1$s@example.com,Cy Park,Engineer,Sales,London,Europe/London,PM-%1$s,,NONE,0
				VIC-%1$s,victim-%1$s@example.com,Vic Tim,Engineer,Sales,London,Europe/London,PM-%1$s,,NONE,0
				""".formatted(run);
		HrImportStatus preview = imports.uploadAndPreview("matrix.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		Map<String, Person> byRole = new LinkedHashMap<>();
		Map<String, EnumSet<Role>> roles = Map.of("admin", EnumSet.of(Role.ADMIN, Role.EMPLOYEE),
				"manager", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE),
				"other_manager", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE),
				"mentor", EnumSet.of(Role.EMPLOYEE), "mentee", EnumSet.of(Role.EMPLOYEE), "employee", EnumSet.of(Role.EMPLOYEE));
		for (String role : ROLES) {
			if (role.equals("anonymous")) {
				continue;
			}
			String email = role + "-" + run + "@example.com";
			var account = identity.create(new NewAccount(email, role, roles.get(role)), TestOrganisation.PASSWORD);
			TestOrganisation.Member member = new TestOrganisation.Member(email, directory.findIdByEmail(email).orElseThrow(), account.id());
			byRole.put(role, new Person(role, email, member.personId(), member.accountId(),
					identity.issueToken(account.id(), "matrix", 1).secret(), new Pages(mvc).signIn(member)));
		}
		String victim = "victim-" + run + "@example.com";
		identity.create(new NewAccount(victim, "Vic Tim", EnumSet.of(Role.EMPLOYEE)), TestOrganisation.PASSWORD);
		return new People(run, byRole);
	}

	// ---------------------------------------------------------------- the world

	/** Ids by placeholder name. */
	record World(Map<String, Object> ids) {
	}

	private long api(String method, String path, String role, String json) throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path)
			.header("Authorization", "Bearer " + people.byRole().get(role).token());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("%s %s as %s: %s", method, path, role, response.getContentAsString()).isLessThan(300);
		String body = response.getContentAsString();
		if (body.isEmpty() || !body.startsWith("{")) {
			return 0;
		}
		Map<String, Object> fields = JsonPath.read(body, "$");
		return fields.get("id") instanceof Number id ? id.longValue() : 0;
	}

	private World world() throws Exception {
		Map<String, Object> ids = new LinkedHashMap<>();
		String run = UUID.randomUUID().toString().substring(0, 8);
		people.byRole().forEach((role, person) -> ids.put(role.replace("other_manager", "otherManager"), person.personId()));
		ids.put("victimAccount", identity.accountOf("victim-" + people.run() + "@example.com").orElseThrow().id());
		ids.put("victimEmail", "victim-" + people.run() + "@example.com");
		ids.put("run", run);
		String future = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
		ids.put("future", future);
		ids.put("futureDate", future.substring(0, 10));

		String settings = """
				{"name":"Matrix %s %s","purpose":"Grow","format":"ONE_TO_ONE","durationWeeks":12,"defaultCapacity":2,
				 "matchingMode":"SELF_SELECT","objective":"OPTIMAL","weights":{"skills":"3"},"questions":[],"approvalRequired":false}""";
		long programme = api("POST", "/api/v1/programmes", "manager", settings.formatted("A", run));
		long other = api("POST", "/api/v1/programmes", "other_manager", settings.formatted("B", run));
		ids.put("programme", programme);
		ids.put("otherProgramme", other);
		api("POST", "/api/v1/programmes/" + programme + "/steps/open-enrolment", "manager", null);
		api("POST", "/api/v1/programmes/" + other + "/steps/open-enrolment", "other_manager", null);
		ids.put("enrolment", api("POST", "/api/v1/programmes/" + programme + "/enrolments", "mentor",
				"{\"role\":\"MENTOR\",\"capacity\":5,\"answers\":[]}"));
		api("POST", "/api/v1/programmes/" + programme + "/enrolments", "mentee", "{\"role\":\"MENTEE\",\"goals\":\"Lead\",\"capacity\":0,\"answers\":[]}");
		api("POST", "/api/v1/programmes/" + programme + "/steps/close-enrolment", "manager", null);
		api("POST", "/api/v1/programmes/" + programme + "/steps/start", "manager", null);
		long mentorship = api("POST", "/api/v1/mentorships/requests", "mentee",
				"{\"programmeId\":" + programme + ",\"mentorId\":" + ids.get("mentor") + ",\"message\":\"Please\"}");
		api("POST", "/api/v1/mentorships/" + mentorship + "/accept", "mentor", null);
		// started long enough ago for its mid-point survey to be due
		jdbc.sql("UPDATE mentorship SET started_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(60))), mentorship).update();
		ids.put("mentorship", mentorship);
		long goal = api("POST", "/api/v1/mentorships/" + mentorship + "/goals", "mentee", "{\"title\":\"Lead a team\",\"description\":\"x\"}");
		ids.put("goal", goal);
		String withMilestone = mvc.perform(post("/api/v1/mentorships/" + mentorship + "/goals/" + goal + "/milestones")
			.header("Authorization", "Bearer " + people.byRole().get("mentee").token()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Run a retro\"}")).andReturn().getResponse().getContentAsString();
		ids.put("milestone", ((Number) JsonPath.read(withMilestone, "$.milestones[0].id")).longValue());
		ids.put("meeting", api("POST", "/api/v1/mentorships/" + mentorship + "/meetings", "mentor",
				"{\"startsAt\":\"" + future + "\",\"minutes\":45,\"place\":\"Room 1\"}"));

		long question = api("POST", "/api/v1/community/questions", "mentee",
				"{\"title\":\"How do I lead a retro " + run + "\",\"body\":\"Tips?\",\"topics\":[\"Java\"]}");
		ids.put("question", question);
		ids.put("answer", api("POST", "/api/v1/community/questions/" + question + "/answers", "mentor", "{\"body\":\"Timebox it.\"}"));
		ids.put("comment", api("POST", "/api/v1/community/posts/" + ids.get("answer") + "/comments", "mentor", "{\"body\":\"See the guide.\"}"));
		ids.put("kudos", api("POST", "/api/v1/community/kudos", "mentee",
				"{\"receiverId\":" + ids.get("mentor") + ",\"skill\":\"Java\",\"message\":\"Thanks for the retro tips\"}"));
		ids.put("article", api("POST", "/api/v1/community/articles", "mentor",
				"{\"title\":\"Lessons from a year of retros " + run + "\",\"body\":\"Timebox.\",\"topics\":[\"Java\"],\"lessonLearned\":false}"));
		long circle = api("POST", "/api/v1/community/circles", "mentee",
				"{\"name\":\"Retro circle " + run + "\",\"description\":\"x\",\"topic\":\"Java\",\"admission\":\"BY_REQUEST\"}");
		ids.put("circle", circle);
		api("POST", "/api/v1/community/circles/" + circle + "/membership", "mentor", null);
		api("POST", "/api/v1/community/circles/" + circle + "/requests/" + ids.get("mentor") + "/approve", "mentee", null);
		ids.put("circlePost", api("POST", "/api/v1/community/circles/" + circle + "/posts", "mentor", "{\"body\":\"Hello\"}"));
		ids.put("event", api("POST", "/api/v1/community/circles/" + circle + "/events", "mentee",
				"{\"title\":\"Retro night\",\"startsAt\":\"" + future + "\",\"durationMinutes\":60,\"place\":\"Room 2\"}"));
		ids.put("skill", skillId("Java"));
		ids.put("suggestedSkill", api("POST", "/api/v1/skills/suggestions", "employee", "{\"name\":\"Retrospectives " + run + "\"}"));
		ids.put("import", importId(run));
		ids.put("step", "close");
		ids.put("kind", "MIDPOINT");
		ids.put("runId", 999_999_999L); // no matching run is made here (MatchingRunsTest covers runs): managers get 404
		// Expert requests go to whom the expert finder ranks best, which depends on the search index's
		// background work: the rows that need one are not sent (AskAnExpertTest covers who may act on one).
		ids.put("expertRequest", 999_999_999L);
		if (mentorsNotification == 0) {
			mentorsNotification = notificationOf("mentor");
		}
		ids.put("notification", mentorsNotification); // marking it read leaves it there: one for all worlds
		// someone else's token: nobody may revoke it (an account has at most 20, so the last world's goes first)
		long victim = (Long) ids.get("victimAccount");
		identity.tokens(victim).stream().filter(t -> t.revokedAt() == null).forEach(t -> identity.revokeToken(victim, t.id()));
		ids.put("token", identity.issueToken(victim, "spare " + run, 1).token().id());
		return new World(ids);
	}

	/** A notification of the role's (the mentor is told about the mentee's request after the commit). */
	private long notificationOf(String role) throws Exception {
		for (int attempt = 0; attempt < 50; attempt++) {
			String body = mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer " + people.byRole().get(role).token()))
				.andReturn().getResponse().getContentAsString();
			List<Number> found = JsonPath.read(body, "$.items[*].id");
			if (!found.isEmpty()) {
				return found.get(0).longValue();
			}
			Thread.sleep(100);
		}
		return 999_999_999L;
	}

	private long skillId(String name) throws Exception {
		String body = mvc.perform(get("/api/v1/skills/resolve").param("name", name)
			.header("Authorization", "Bearer " + people.byRole().get("employee").token())).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private long importId(String run) throws Exception {
		String csv = "employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity\n"
				+ "NEW-" + run + ",new-" + run + "@example.com,Nia New,Engineer,Sales,London,,,NONE,0\n";
		HrImportStatus preview = imports.uploadAndPreview("one.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		return preview.id();
	}
}
