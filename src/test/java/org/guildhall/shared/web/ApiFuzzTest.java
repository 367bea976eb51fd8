package org.guildhall.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.ApiContract;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriUtils;

/**
 * An input fuzzer driven by the API's own description: for every operation in
 * {@code /v3/api-docs} it sends seeded requests, some valid by the description and most broken on
 * purpose (wrong types, missing or null required fields, huge and odd strings, extreme numbers,
 * malformed JSON, bad path ids, bad headers and content types), as an administrator, a programme
 * manager, two employees and nobody. It fails on any 5xx answer, any ERROR log line, and any answer
 * that breaks the description (an unlisted status, a body of the wrong shape).
 * <p>
 * The build runs a bounded round ({@code guildhall.fuzz.cases} cases per operation, at most
 * {@code guildhall.fuzz.seconds}); {@code bench/fuzz/run.sh} runs a longer one and writes
 * {@code guildhall.fuzz.results} as JSON. The seed ({@code guildhall.fuzz.seed}) is printed, so a
 * failure can be replayed.
 */
@GuildhallTest
@AutoConfigureMockMvc
class ApiFuzzTest {

	private static final ObjectMapper json = new ObjectMapper();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "null", "0", "-1", "true", "[]", "{}",
			"<script>alert(1)</script>", "javascript:alert(1)", "' OR '1'='1' --", "%s%n%x", "../../etc/passwd",
			"\u202Eevil\u202C", "Z\u0351\u0353\u0354a\u0316lgo", "\uD83D\uDE00\uD83D\uDC4D", "\uFEFFbom", "ǅ İ ß ﬁ",
			"a\r\nX-Injected: 1", "${jndi:ldap://x}", "#{1+1}", "[[${1+1}]]", "=cmd|'/c calc'!A1", "\\", "\"", "'",
			"9999999999999999999999", "-0", "NaN", "1e309", "2027-02-30", "00:00", "Europe/Nowhere");

	private static final List<Object> ODD_NUMBERS = List.of(-1, 0, -2147483649L, 2147483648L, Long.MAX_VALUE,
			Long.MIN_VALUE, new java.math.BigInteger("99999999999999999999999"), 1.5, -0.0, 1e308, 1000000);

	private static final List<String> ODD_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%20",
			"9223372036854775807", "-9223372036854775808", "1e3", "%00", "null", "1;DROP", "\u0661");

	@Autowired
	MockMvc mvc;

	@Autowired
	WebApplicationContext context;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	record Operation(String method, String path, JsonNode spec) {

		String name() {
			return method.toUpperCase(Locale.ROOT) + " " + path;
		}
	}

	record Finding(String kind, String operation, String request, int status, String detail) {
	}

	/** What a run found, and how much it tried. */
	static final class Tally {

		final Map<String, Integer> casesPerOperation = new TreeMap<>();

		final Map<Integer, Integer> statuses = new TreeMap<>();

		final List<Finding> findings = new ArrayList<>();

		int serverErrors;

		int mismatches;

		int errorLogLines;

		int notReady;

		int cases() {
			return casesPerOperation.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/** ERROR lines logged anywhere in the application while the fuzzer runs. */
	static final class ErrorLines extends AppenderBase<ILoggingEvent> {

		final List<String> lines = new ArrayList<>();

		@Override
		protected synchronized void append(ILoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				String cause = event.getThrowableProxy() == null ? ""
						: " (" + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage() + ")";
				lines.add(event.getLoggerName() + ": " + event.getFormattedMessage() + cause);
			}
		}

		synchronized List<String> drain() {
			List<String> copy = List.copyOf(lines);
			lines.clear();
			return copy;
		}
	}

	@Test
	void everyOperationSurvivesValidAndBrokenInput() throws Exception {
		long seed = Long.getLong("guildhall.fuzz.seed", 20261207L);
		int casesPerOperation = Integer.getInteger("guildhall.fuzz.cases", 8);
		long seconds = Long.getLong("guildhall.fuzz.seconds", 75);
		String resultsFile = System.getProperty("guildhall.fuzz.results");
		System.out.println("API fuzz: seed " + seed + " (-Dguildhall.fuzz.seed=" + seed + " replays it), " + casesPerOperation
				+ " cases per operation, at most " + seconds + " s");

		TestOrganisation team = TestOrganisation.create(imports, identity, directory);
		Map<String, String> roles = new LinkedHashMap<>();
		roles.put("admin", "Bearer " + team.token(identity, team.admin()));
		roles.put("manager", "Bearer " + team.token(identity, team.pm()));
		roles.put("employee-ann", "Bearer " + team.token(identity, team.ann()));
		roles.put("employee-bo", "Bearer " + team.token(identity, team.bo()));

		JsonNode spec = json.readTree(ApiContract.spec(context));
		List<Operation> operations = operations(spec);
		Fuzzer fuzzer = new Fuzzer(spec, new Random(seed), roles, team);

		ErrorLines errors = new ErrorLines();
		errors.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(errors);
		Tally tally = new Tally();
		long started = System.nanoTime();
		long deadline = started + seconds * 1_000_000_000L;
		try {
			// first the lists, so that later cases can use ids that exist
			for (Operation operation : operations) {
				if (operation.method().equals("get") && !operation.path().contains("{")) {
					run(fuzzer.valid(operation, "admin"), operation, tally, errors, fuzzer);
				}
			}
			for (int round = 0; round < casesPerOperation && System.nanoTime() < deadline; round++) {
				for (Operation operation : operations) {
					if (System.nanoTime() >= deadline) {
						break;
					}
					run(round % 4 == 0 ? fuzzer.valid(operation, fuzzer.anyRole()) : fuzzer.broken(operation), operation,
							tally, errors, fuzzer);
				}
			}
			Thread.sleep(500); // listeners after commit run on other threads: let their errors show
			for (String line : errors.drain()) {
				tally.errorLogLines++;
				tally.findings.add(new Finding("error-log", "(after the run)", "", 0, line));
			}
		}
		finally {
			root.detachAppender(errors);
			ApiContract.forget();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		String report = report(seed, operations.size(), tally, elapsed);
		System.out.println(report);
		if (resultsFile != null) {
			write(Path.of(resultsFile), seed, casesPerOperation, seconds, operations.size(), tally, elapsed);
		}
		if (!tally.findings.isEmpty()) {
			throw new AssertionError("The API fuzzer (seed " + seed + ") found " + tally.findings.size() + " problem(s):\n" + report);
		}
	}

	private void run(Case sent, Operation operation, Tally tally, ErrorLines errors, Fuzzer fuzzer) throws Exception {
		tally.casesPerOperation.merge(operation.name(), 1, Integer::sum);
		MvcResult result;
		try {
			result = mvc.perform(sent.request()).andReturn();
		}
		catch (Exception | StackOverflowError e) {
			// MockMvc rethrows what no handler turned into an answer: a real server would have answered 500
			tally.serverErrors++;
			tally.findings.add(new Finding("5xx", operation.name(), sent.describe(), 500, "unhandled " + e));
			ApiContract.forget();
			return;
		}
		MockHttpServletResponse response = result.getResponse();
		int status = response.getStatus();
		tally.statuses.merge(status, 1, Integer::sum);
		if (status == 503 && response.getHeader("Retry-After") != null) {
			// "not ready yet, come back in N s" (insights figures right after a rebuild): an answer by design, counted apart
			tally.notReady++;
		}
		else if (status >= 500) {
			tally.serverErrors++;
			tally.findings.add(new Finding("5xx", operation.name(), sent.describe(), status,
					abbreviate(response.getContentAsString(StandardCharsets.UTF_8))));
		}
		ApiContract.forget(); // the contract check of every MockMvc exchange: taken over here
		for (String mismatch : ApiContract.check(context, result.getRequest(), response, sent.valid())) {
			tally.mismatches++;
			tally.findings.add(new Finding("spec", operation.name(), sent.describe(), status, mismatch.substring(mismatch.indexOf(": [") + 2)));
		}
		for (String line : errors.drain()) {
			tally.errorLogLines++;
			tally.findings.add(new Finding("error-log", operation.name(), sent.describe(), status, line));
		}
		if (status >= 200 && status < 300) {
			fuzzer.harvest(response.getContentAsString(StandardCharsets.UTF_8));
		}
	}

	static List<Operation> operations(JsonNode spec) {
		List<Operation> operations = new ArrayList<>();
		spec.path("paths").fields().forEachRemaining(path -> {
			if (path.getKey().startsWith("/api/")) {
				path.getValue().fields().forEachRemaining(method -> {
					// applying an HR import deactivates everyone missing from the file, the fuzzer's own accounts
					// included, and every later request would be a 401: that operation is the import tests' to cover
					// so does erasing a person (the fuzzer's own administrator, say); the erasure tests cover it
					boolean locksUsOut = path.getKey().equals("/api/v1/imports/{id}/apply")
							|| path.getKey().equals("/api/v1/people/{id}/erasure");
					if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey()) && !locksUsOut) {
						operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
					}
				});
			}
		});
		operations.sort((a, b) -> a.name().compareTo(b.name()));
		return operations;
	}

	/** A request and how to tell it in a report. */
	record Case(AbstractMockHttpServletRequestBuilder<?> request, String describe) {

		boolean valid() {
			return describe.startsWith("valid ");
		}
	}

	/** Builds requests for operations from their description; all randomness comes from one seeded {@link Random}. */
	static final class Fuzzer {

		private final JsonNode spec;

		private final Random random;

		private final Map<String, String> roles;

		private final TestOrganisation team;

		/** Ids seen in answers (any property named id or ending in Id), so that path ids sometimes exist. */
		private final Set<Long> ids = new LinkedHashSet<>();

		Fuzzer(JsonNode spec, Random random, Map<String, String> roles, TestOrganisation team) {
			this.spec = spec;
			this.random = random;
			this.roles = roles;
			this.team = team;
			ids.add(team.ann().personId());
			ids.add(team.bo().personId());
		}

		String anyRole() {
			List<String> names = new ArrayList<>(roles.keySet());
			return names.get(random.nextInt(names.size()));
		}

		void harvest(String body) {
			if (ids.size() > 5000 || body.isEmpty() || !(body.startsWith("{") || body.startsWith("["))) {
				return;
			}
			try {
				collectIds(json.readTree(body), null);
			}
			catch (Exception e) {
				// not JSON after all (a calendar file): nothing to take
			}
		}

		private void collectIds(JsonNode node, String name) {
			if (node.isIntegralNumber() && name != null && (name.equals("id") || name.endsWith("Id"))) {
				ids.add(node.asLong());
			}
			else if (node.isObject()) {
				node.fields().forEachRemaining(field -> collectIds(field.getValue(), field.getKey()));
			}
			else if (node.isArray()) {
				node.forEach(item -> collectIds(item, name));
			}
		}

		/** A request that follows the description (the server may still refuse it: unknown ids, rules of the domain). */
		Case valid(Operation operation, String role) {
			Map<String, String> pathValues = new LinkedHashMap<>();
			MultiValue query = new MultiValue();
			for (JsonNode parameter : parameters(operation)) {
				JsonNode schema = deref(parameter.path("schema"));
				String name = parameter.path("name").asText();
				boolean required = parameter.path("required").asBoolean(false);
				switch (parameter.path("in").asText()) {
					case "path" -> pathValues.put(name, pathValue(name, schema));
					case "query" -> {
						if (required || random.nextBoolean()) {
							Object value = value(schema, name, 0);
							if (value instanceof java.util.Collection<?> list) {
								list.forEach(item -> query.add(name, String.valueOf(item)));
							}
							else if (value != null) {
								query.add(name, String.valueOf(value));
							}
						}
					}
					default -> {
					}
				}
			}
			JsonNode body = requestSchema(operation);
			String describe = role;
			AbstractMockHttpServletRequestBuilder<?> request;
			if (isMultipart(operation)) {
				request = multipartRequest(operation, pathValues, query, false);
				describe += " multipart";
			}
			else {
				request = request(HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT)), java.net.URI.create(uri(operation, pathValues, query)));
				if (body != null) {
					String content = write(toNode(value(body, "body", 0)));
					request.contentType("application/json").content(content);
					describe += " body " + abbreviate(content);
				}
			}
			request.header("Authorization", roles.get(role)).accept("application/json", "application/problem+json", "text/calendar");
			return new Case(request, "valid as " + describe + " " + uri(operation, pathValues, query));
		}

		/** A request broken in one way, chosen at random among those that apply to the operation. */
		Case broken(Operation operation) {
			String role = anyRole();
			Map<String, String> pathValues = new LinkedHashMap<>();
			MultiValue query = new MultiValue();
			List<JsonNode> parameters = parameters(operation);
			for (JsonNode parameter : parameters) {
				JsonNode schema = deref(parameter.path("schema"));
				String name = parameter.path("name").asText();
				if (parameter.path("in").asText().equals("path")) {
					pathValues.put(name, pathValue(name, schema));
				}
				else if (parameter.path("in").asText().equals("query")
						&& (parameter.path("required").asBoolean(false) || random.nextInt(3) == 0)) {
					Object value = value(schema, name, 0);
					if (value != null && !(value instanceof List<?>)) {
						query.add(name, String.valueOf(value));
					}
				}
			}
			JsonNode bodySchema = requestSchema(operation);
			JsonNode body = bodySchema == null ? null : toNode(value(bodySchema, "body", 0));
			String bodyText = body == null ? null : write(body);
			String contentType = "application/json";
			String accept = "application/json";
			String authorization = roles.get(role);
			String how;
			List<String> kinds = new ArrayList<>(List.of("query", "headers", "auth"));
			if (!pathValues.isEmpty()) {
				kinds.add("path");
				kinds.add("path");
			}
			if (body != null && !isMultipart(operation)) {
				kinds.addAll(List.of("body", "body", "body", "body", "malformed", "content-type"));
			}
			switch (kinds.get(random.nextInt(kinds.size()))) {
				case "path" -> {
					String name = List.copyOf(pathValues.keySet()).get(random.nextInt(pathValues.size()));
					String odd = random.nextBoolean() ? ODD_IDS.get(random.nextInt(ODD_IDS.size()))
							: ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
					pathValues.put(name, odd);
					how = "path " + name + "=" + printable(odd);
				}
				case "query" -> {
					List<String> names = parameters.stream().filter(p -> p.path("in").asText().equals("query"))
						.map(p -> p.path("name").asText()).toList();
					String name = names.isEmpty() || random.nextInt(5) == 0 ? "unknown" + random.nextInt(3)
							: names.get(random.nextInt(names.size()));
					String odd = switch (random.nextInt(4)) {
						case 0 -> ODD_IDS.get(random.nextInt(ODD_IDS.size()));
						case 1 -> String.valueOf(ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size())));
						case 2 -> "x".repeat(random.nextBoolean() ? 5000 : 100_000);
						default -> ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
					};
					query.set(name, odd);
					if (random.nextInt(4) == 0) {
						query.add(name, odd);
					}
					how = "query " + name + "=" + printable(odd);
				}
				case "headers" -> {
					switch (random.nextInt(4)) {
						case 0 -> {
							accept = List.of("application/xml", "text/html", "image/png", "garbage", "*/*;q=oops").get(random.nextInt(5));
							how = "Accept " + accept;
						}
						case 1 -> {
							contentType = List.of("text/plain", "application/xml", "garbage", "application/json; charset=nonsense",
									"multipart/form-data").get(random.nextInt(5));
							how = "Content-Type " + contentType;
						}
						case 2 -> {
							accept = "application/json;q=0.1, text/calendar";
							how = "Accept with q values";
						}
						default -> {
							how = "Accept-Language and odd header";
						}
					}
				}
				case "auth" -> {
					authorization = List.of("", "Bearer ", "Bearer nonsense", "Basic Zm9vOmJhcg==", "Bearer " + "x".repeat(10_000),
							"bearer " + roles.get("admin").substring(7) + "x", "Token abc").get(random.nextInt(7));
					how = "Authorization " + abbreviate(authorization);
				}
				case "malformed" -> {
					bodyText = List.of("{", "{\"a\":", "[", "nul", "{\"a\" 1}", "\u0000", "", "{}}", "[1,2,",
							"{\"version\":1e999999}", "[".repeat(5000) + "]".repeat(5000), "\"" + "x".repeat(200_000) + "\"")
						.get(random.nextInt(12));
					how = "malformed body " + abbreviate(printable(bodyText));
				}
				case "content-type" -> {
					contentType = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
							"application/json;charset=UTF-16").get(random.nextInt(4));
					how = "body as " + contentType;
				}
				default -> {
					how = "body " + breakBody(body, bodySchema);
					bodyText = write(body);
				}
			}
			AbstractMockHttpServletRequestBuilder<?> request;
			if (isMultipart(operation)) {
				request = multipartRequest(operation, pathValues, query, true);
			}
			else {
				request = request(HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT)), java.net.URI.create(uri(operation, pathValues, query)));
				if (bodyText != null) {
					request.contentType(contentType).content(bodyText.getBytes(StandardCharsets.UTF_8));
				}
				else if (how.startsWith("Content-Type")) {
					request.contentType(contentType);
				}
			}
			if (!authorization.isEmpty()) {
				request.header("Authorization", authorization);
			}
			request.header("Accept", accept);
			if (how.startsWith("Accept-Language")) {
				request.header("Accept-Language", "xx-INVALID;q=2, ;;").header("X-Forwarded-For", "not an address")
					.header("If-None-Match", "\u00ff\u00fe");
			}
			return new Case(request, "broken as " + role + ": " + how + " " + abbreviate(uri(operation, pathValues, query)));
		}

		/** Breaks one thing in a body that follows the description; says what. */
		private String breakBody(JsonNode body, JsonNode schema) {
			if (!(body instanceof ObjectNode object) || object.isEmpty()) {
				return "(not an object to break)";
			}
			List<String> names = new ArrayList<>();
			object.fieldNames().forEachRemaining(names::add);
			String name = names.get(random.nextInt(names.size()));
			switch (random.nextInt(8)) {
				case 0 -> {
					object.remove(name);
					return "without " + name;
				}
				case 1 -> {
					object.putNull(name);
					return name + "=null";
				}
				case 2 -> {
					JsonNode current = object.get(name);
					if (current.isNumber() || current.isBoolean()) {
						object.put(name, "not a number");
					}
					else if (current.isTextual()) {
						object.set(name, nodes.arrayNode().add(1));
					}
					else {
						object.put(name, 12);
					}
					return name + " of the wrong type";
				}
				case 3 -> {
					String odd = random.nextBoolean() ? "x".repeat(List.of(101, 1001, 5001, 100_001).get(random.nextInt(4)))
							: ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
					object.put(name, odd);
					return name + "=" + abbreviate(printable(odd));
				}
				case 4 -> {
					Object odd = ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
					object.set(name, toNode(odd));
					return name + "=" + odd;
				}
				case 5 -> {
					ArrayNode many = nodes.arrayNode();
					for (int i = 0; i < 10_000; i++) {
						many.add("item" + (i % 7));
					}
					object.set(name, many);
					return name + " = 10,000 items";
				}
				case 6 -> {
					object.put("unexpected" + random.nextInt(3), "surprise");
					object.put("id", 1);
					return "with unexpected properties";
				}
				default -> {
					// the same property nested in itself and arrays where objects belong
					JsonNode current = object.get(name);
					if (current.isArray()) {
						((ArrayNode) current).add(nodes.objectNode().put("a", 1)).addNull();
						return name + " with odd items";
					}
					object.set(name, nodes.objectNode().set("nested", nodes.arrayNode().add(nodes.objectNode())));
					return name + " as an object";
				}
			}
		}

		private AbstractMockHttpServletRequestBuilder<?> multipartRequest(Operation operation, Map<String, String> pathValues,
				MultiValue query, boolean broken) {
			String csv = broken ? List.of("", "\u0000\u0001", "a,b\n\"unterminated", "employee_id\n" + "x,".repeat(5000),
					"=cmd|' /C calc'!A0,x@y\n", "\uFEFFemployee_id;email\n1;2").get(random.nextInt(6))
					: "employee_id,email,full_name\nFZ-" + random.nextInt(1000) + ",fz" + random.nextInt(1000) + "@example.com,Fuzz Person\n";
			var request = multipart(HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT)), java.net.URI.create(uri(operation, pathValues, query)))
				.file(new MockMultipartFile(broken && random.nextBoolean() ? "other" : "file", "people.csv", "text/csv",
						csv.getBytes(StandardCharsets.UTF_8)));
			JsonNode properties = deref(operation.spec().path("requestBody").path("content").path("multipart/form-data").path("schema"))
				.path("properties");
			properties.fieldNames().forEachRemaining(name -> {
				if (!name.equals("file")) {
					request.param(name, broken ? ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())) : "fuzz");
				}
			});
			return request;
		}

		private static boolean isMultipart(Operation operation) {
			return operation.spec().path("requestBody").path("content").has("multipart/form-data");
		}

		private JsonNode requestSchema(Operation operation) {
			JsonNode content = operation.spec().path("requestBody").path("content");
			if (content.has("application/json")) {
				return content.path("application/json").path("schema");
			}
			return null;
		}

		private List<JsonNode> parameters(Operation operation) {
			List<JsonNode> parameters = new ArrayList<>();
			operation.spec().path("parameters").forEach(p -> parameters.add(p.has("$ref") ? deref(p) : p));
			return parameters;
		}

		private String pathValue(String name, JsonNode schema) {
			if (schema.path("type").asText().equals("integer")) {
				if (!ids.isEmpty() && random.nextInt(5) != 0) {
					List<Long> known = List.copyOf(ids);
					return String.valueOf(known.get(random.nextInt(known.size())));
				}
				return String.valueOf(1 + random.nextInt(200));
			}
			Object value = value(schema, name, 0);
			return value == null ? "x" : String.valueOf(value);
		}

		private String uri(Operation operation, Map<String, String> pathValues, MultiValue query) {
			String path = operation.path();
			for (Map.Entry<String, String> value : pathValues.entrySet()) {
				path = path.replace("{" + value.getKey() + "}", UriUtils.encodePathSegment(value.getValue(), StandardCharsets.UTF_8));
			}
			return path + query.encoded();
		}

		JsonNode deref(JsonNode schema) {
			int hops = 0;
			while (schema.has("$ref") && hops++ < 20) {
				String ref = schema.path("$ref").asText();
				schema = spec.at(ref.substring(1));
			}
			return schema;
		}

		/** A value that the schema allows (null when nothing sensible can be said). */
		Object value(JsonNode schema, String name, int depth) {
			schema = deref(schema);
			if (schema.has("allOf")) {
				return value(schema.path("allOf").get(0), name, depth);
			}
			if (schema.has("oneOf") || schema.has("anyOf")) {
				JsonNode options = schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf");
				return value(options.get(random.nextInt(options.size())), name, depth);
			}
			if (schema.has("enum")) {
				JsonNode values = schema.path("enum");
				return values.get(random.nextInt(values.size())).asText();
			}
			String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
			String lower = name.toLowerCase(Locale.ROOT);
			switch (type) {
				case "integer", "number" -> {
					if (lower.equals("version")) {
						return random.nextInt(3);
					}
					long min = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
					long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min + 20, 20);
					if ((lower.equals("id") || lower.endsWith("id")) && !ids.isEmpty() && random.nextBoolean()) {
						List<Long> known = List.copyOf(ids);
						return known.get(random.nextInt(known.size()));
					}
					return min + (long) (random.nextDouble() * (max - min + 1));
				}
				case "boolean" -> {
					return random.nextBoolean();
				}
				case "array" -> {
					int min = schema.path("minItems").asInt(0);
					int max = Math.min(schema.path("maxItems").asInt(3), min + 3);
					java.util.Collection<Object> items = schema.path("uniqueItems").asBoolean(false) ? new LinkedHashSet<>() : new ArrayList<>();
					if (depth < 4) {
						for (int i = 0, n = min + random.nextInt(Math.max(1, max - min + 1)); i < n; i++) {
							items.add(value(schema.path("items"), name, depth + 1));
						}
					}
					return new ArrayList<>(items);
				}
				case "object" -> {
					Map<String, Object> object = new LinkedHashMap<>();
					Set<String> required = new LinkedHashSet<>();
					schema.path("required").forEach(r -> required.add(r.asText()));
					if (depth < 4) {
						schema.path("properties").fields().forEachRemaining(property -> {
							if (required.contains(property.getKey()) || random.nextInt(3) != 0) {
								object.put(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
							}
						});
					}
					return object;
				}
				default -> {
					return string(schema, lower);
				}
			}
		}

		private String string(JsonNode schema, String name) {
			String format = schema.path("format").asText("");
			switch (format) {
				case "date":
					return "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
				case "date-time":
					return "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + "T10:00:00Z";
				case "email":
					return team.ann().email();
				case "uri":
					return "https://example.com/" + random.nextInt(100);
				case "binary":
					return "file";
				default:
					break;
			}
			if (name.contains("timezone")) {
				return List.of("Europe/Lisbon", "UTC", "America/New_York").get(random.nextInt(3));
			}
			if (name.contains("email")) {
				return team.bo().email();
			}
			if (name.contains("skill") || name.contains("topic") || name.equals("q")) {
				return List.of("Java", "JS", "Kotlin", "Leadership").get(random.nextInt(4));
			}
			if (name.contains("link") || name.contains("url")) {
				return "https://example.com/meet/" + random.nextInt(100);
			}
			int min = schema.path("minLength").asInt(0);
			int max = schema.path("maxLength").asInt(Math.max(min, 40));
			int length = Math.min(max, min + random.nextInt(Math.max(1, Math.min(max, min + 60) - min + 1)));
			StringBuilder text = new StringBuilder();
			String[] words = {"mentor", "growth", "review", "plan", "Übung", "café", "学习", "goal", "kotlin", "team"};
			while (text.length() < length) {
				text.append(words[random.nextInt(words.length)]).append(' ');
			}
			String value = text.length() > length ? text.substring(0, length) : text.toString();
			return value.length() < min ? value + "x".repeat(min - value.length()) : value;
		}
	}

	/** Query parameters in order, repeated names allowed. */
	static final class MultiValue {

		private final List<String[]> values = new ArrayList<>();

		void add(String name, String value) {
			values.add(new String[] {name, value});
		}

		void set(String name, String value) {
			values.removeIf(v -> v[0].equals(name));
			add(name, value);
		}

		String encoded() {
			if (values.isEmpty()) {
				return "";
			}
			StringBuilder query = new StringBuilder("?");
			for (Iterator<String[]> it = values.iterator(); it.hasNext();) {
				String[] value = it.next();
				query.append(UriUtils.encodeQueryParam(value[0], StandardCharsets.UTF_8)).append('=')
					.append(UriUtils.encodeQueryParam(value[1], StandardCharsets.UTF_8));
				if (it.hasNext()) {
					query.append('&');
				}
			}
			return query.toString();
		}
	}

	static JsonNode toNode(Object value) {
		return json.valueToTree(value);
	}

	static String write(JsonNode node) {
		try {
			return json.writeValueAsString(node);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String abbreviate(String text) {
		String flat = text.replace('\n', ' ');
		return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
	}

	static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().limit(60).forEach(c -> {
			if (c < 0x20 || c == 0x7f || (c >= 0x200e && c <= 0x202e) || c == 0xfeff) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return text.length() > 60 ? out + "...(" + text.length() + " chars)" : out.toString();
	}

	static String report(long seed, int operations, Tally tally, double seconds) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%n| API fuzz (seed %d) | value |%n|---|---|%n", seed));
		out.append(String.format("| operations | %d |%n", operations));
		out.append(String.format("| cases | %d (%d–%d per operation) |%n", tally.cases(),
				tally.casesPerOperation.values().stream().mapToInt(Integer::intValue).min().orElse(0),
				tally.casesPerOperation.values().stream().mapToInt(Integer::intValue).max().orElse(0)));
		out.append(String.format("| seconds | %.1f |%n", seconds));
		out.append(String.format("| statuses | %s |%n", tally.statuses));
		out.append(String.format("| 5xx answers | %d |%n", tally.serverErrors));
		out.append(String.format("| of which not: 503 with Retry-After (figures not ready yet) | %d |%n", tally.notReady));
		out.append(String.format("| spec mismatches | %d |%n", tally.mismatches));
		out.append(String.format("| ERROR log lines | %d |%n", tally.errorLogLines));
		Map<String, List<Finding>> byOperation = new TreeMap<>();
		tally.findings.forEach(f -> byOperation.computeIfAbsent(f.kind() + " " + f.operation(), k -> new ArrayList<>()).add(f));
		byOperation.forEach((key, found) -> {
			Finding first = found.get(0);
			String detail = first.detail().replace('\n', ' ');
			out.append(String.format("%n%s (%d): %s -> %d: %s", key, found.size(), first.request(), first.status(),
					detail.length() > 600 ? detail.substring(0, 600) + "..." : detail));
		});
		return out.toString();
	}

	static void write(Path file, long seed, int cases, long seconds, int operations, Tally tally, double elapsed)
			throws Exception {
		ObjectNode out = nodes.objectNode();
		out.put("seed", seed);
		out.put("casesPerOperationAsked", cases);
		out.put("timeBudgetSeconds", seconds);
		out.put("elapsedSeconds", Math.round(elapsed * 10) / 10.0);
		out.put("database", org.guildhall.testing.TestProfiles.onPostgres() ? "postgres" : "h2");
		out.put("operations", operations);
		out.put("cases", tally.cases());
		out.put("serverErrors", tally.serverErrors);
		out.put("notReady503", tally.notReady);
		out.put("specMismatches", tally.mismatches);
		out.put("errorLogLines", tally.errorLogLines);
		out.set("statuses", json.valueToTree(tally.statuses));
		out.set("casesPerOperation", json.valueToTree(tally.casesPerOperation));
		ArrayNode findings = out.putArray("findings");
		tally.findings.forEach(f -> findings.add(nodes.objectNode().put("kind", f.kind()).put("operation", f.operation())
			.put("request", f.request()).put("status", f.status()).put("detail", abbreviate(f.detail()))));
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
	}
}
