import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The programmes benchmark (issue 4): a bulk match of a generated programme (10,000 mentees and
 * 2,000 mentors by default) from "run" to proposals shown on the programme page and to published,
 * then the latency of the mentee's dashboard and of the manager's programme page under 50
 * concurrent signed-in users, on H2 and on PostgreSQL. Uses nothing but the JDK; it starts and
 * stops the application itself, with the demo organisation seeded at the size asked for.
 *
 * <pre>
 * java bench/programmes/src/ProgrammesBench.java --jar target/guildhall.jar \
 *      --out bench/programmes/results/latest.json [--dbs h2,postgres] [--people 36000] \
 *      [--mentors 2000] [--mentees 10000] [--users 50] [--warmup 30] [--duration 60] \
 *      [--mentee-path /] [--manager-path /programmes/{id}]
 * </pre>
 *
 * Run it through {@code bench/programmes/run.sh}, from the repository root.
 */
public class ProgrammesBench {

	static final String DEMO_PASSWORD = "guildhall-demo";

	final Map<String, String> options;
	final Path repo = Path.of("").toAbsolutePath();
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER).build();
	final Map<String, Object> results = new LinkedHashMap<>();
	/** What one database run measured before it failed, if it does. */
	final Map<String, Object> partial = new LinkedHashMap<>();

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --option value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("option without a value: " + args[args.length - 1]);
		}
		new ProgrammesBench(options).run();
	}

	ProgrammesBench(Map<String, String> options) {
		this.options = options;
	}

	String option(String name, String fallback) {
		return options.getOrDefault(name, fallback);
	}

	int intOption(String name, int fallback) {
		String value = option(name, String.valueOf(fallback));
		try {
			int parsed = Integer.parseInt(value.strip());
			if (parsed < 0) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("--" + name + " must be a whole number of at least 0, was '" + value + "'");
		}
	}

	void run() throws Exception {
		Path jar = Path.of(option("jar", "target/guildhall.jar")).toAbsolutePath();
		Path out = Path.of(option("out", "bench/programmes/results/latest.json")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("no application jar at " + jar + " (./mvnw -DskipTests package)");
		}
		Path work = Files.createTempDirectory("guildhall-programmes-bench-");
		results.put("when", OffsetDateTime.now().toString());
		results.put("machine", machine());
		Map<String, Object> settings = new LinkedHashMap<>();
		for (String key : List.of("people", "mentors", "mentees", "seed", "users", "warmup", "duration", "xmx",
				"mentee-path", "manager-path", "request-timeout")) {
			settings.put(key, option(key, defaults().get(key)));
		}
		results.put("settings", settings);
		results.put("loadAtStart", load());

		List<Map<String, Object>> dbResults = new ArrayList<>();
		for (String db : option("dbs", "h2,postgres").split(",")) {
			if (db.isBlank()) {
				continue;
			}
			try {
				dbResults.add(database(db.strip(), jar, work.resolve(db.strip())));
			}
			catch (Exception e) {
				e.printStackTrace();
				Map<String, Object> failed = new LinkedHashMap<>(partial);
				failed.put("database", db.strip());
				failed.put("error", String.valueOf(e.getMessage()));
				dbResults.add(failed);
			}
			partial.clear();
		}
		results.put("databases", dbResults);
		results.put("loadAtEnd", load());
		Files.createDirectories(out.getParent());
		Files.writeString(out, Json.write(results) + "\n");
		printTables();
		System.out.println("\nwrote " + repo.relativize(out) + " (application logs in " + work + ")");
	}

	static Map<String, String> defaults() {
		Map<String, String> defaults = new HashMap<>();
		defaults.put("people", "36000");
		defaults.put("mentors", "2000");
		defaults.put("mentees", "10000");
		defaults.put("seed", "42");
		defaults.put("users", "50");
		defaults.put("warmup", "30");
		defaults.put("duration", "60");
		defaults.put("xmx", "2g");
		defaults.put("mentee-path", "/");
		defaults.put("manager-path", "/programmes/{id}");
		defaults.put("request-timeout", "60");
		defaults.put("load-tool", onPath("wrk") ? "wrk" : "java");
		return defaults;
	}

	String setting(String name) {
		return option(name, defaults().get(name));
	}

	// ---------------------------------------------------------------- one database

	Map<String, Object> database(String db, Path jar, Path dir) throws Exception {
		Files.createDirectories(dir);
		int port = freePort(intOption("port", 18190));
		String base = "http://127.0.0.1:" + port;
		Path appLog = dir.resolve("app.log");
		int people = intOption("people", 36000);
		int mentors = intOption("mentors", 2000);
		int mentees = intOption("mentees", 10000);
		List<String> command = new ArrayList<>(List.of("java", "-Xmx" + setting("xmx"), "-jar", jar.toString(),
				"--server.port=" + port, "--guildhall.demo.enabled=true", "--guildhall.demo.people=" + people,
				"--guildhall.demo.seed=" + setting("seed"), "--guildhall.demo.programme.mentors=" + mentors,
				"--guildhall.demo.programme.mentees=" + mentees,
				// the bench signs in 50 mentees and 50 manager sessions from one address in a minute
				"--guildhall.sign-in.attempts-per-address=100000", "--guildhall.sign-in.attempts-per-account=1000"));
		String url;
		if (db.equals("h2")) {
			url = "jdbc:h2:file:" + dir.resolve("guildhall")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
		}
		else if (db.equals("postgres")) {
			String name = option("pg-database", "guildhall_prog_bench");
			psql("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
			url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=true";
			command.add("--spring.datasource.username=postgres");
			command.add("--spring.datasource.password=");
		}
		else {
			throw new IllegalArgumentException("unknown database " + db + " (h2 or postgres)");
		}
		command.add("--spring.datasource.url=" + url);
		Map<String, Object> result = partial;
		result.put("database", db);
		result.put("jdbcUrl", url);
		result.put("jvm", String.join(" ", command.subList(0, 2)));
		System.out.println("\n== " + db + ": starting the application with a demo organisation of " + people + " people ("
				+ mentors + " mentors, " + mentees + " mentees asked for)");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appLog.toFile());
		long started = System.nanoTime();
		Process app = builder.start();
		try {
			// ---- start-up and seeding
			Map<String, Object> seeding = new LinkedHashMap<>();
			result.put("seeding", seeding);
			waitFor(base + "/actuator/health", app, appLog);
			seeding.put("healthAnswersMs", (System.nanoTime() - started) / 1_000_000);
			String log = waitForLog(appLog, app, "Demo organisation (", 1800);
			seeding.put("demoReadyMs", (System.nanoTime() - started) / 1_000_000);
			seeding.put("seededMs", firstLong(log, "Seeded the demo organisation: \\d+ people with accounts in (\\d+) ms"));
			Matcher programmeLine = Pattern.compile("Demo programme (\\d+): (\\d+) mentors and (\\d+) mentees enrolled").matcher(log);
			if (!programmeLine.find()) {
				throw new IllegalStateException("no 'Demo programme' line in " + appLog + " (was the database empty?)");
			}
			seeding.put("enrolmentsMs", firstLong(log, "Demo programme \\d+: \\d+ mentors and \\d+ mentees enrolled in (\\d+) ms"));
			long programmeId = Long.parseLong(programmeLine.group(1));
			String adminEmail = firstString(log, "administrator ([^,\\s]+)");
			String managerEmail = firstString(log, "programme manager ([^,\\s]+)");
			seeding.put("loadAfter", load());
			System.out.printf(Locale.ROOT, "seeded in %,d ms (application answering after %,d ms, demo ready after %,d ms)%n",
					seeding.get("seededMs"), seeding.get("healthAnswersMs"), seeding.get("demoReadyMs"));

			// ---- the programme as the manager sees it
			Map<String, String> managerCookies = signIn(base, managerEmail);
			Client api = new Client(base, issueToken(base, managerCookies));
			HttpResponse<String> enrolments = api.get("/api/v1/programmes/" + programmeId + "/enrolments");
			expect(enrolments, 200, "enrolments");
			List<Long> menteeIds = new ArrayList<>();
			int mentorCount = 0;
			Matcher enrolment = Pattern.compile("\"personId\"\\s*:\\s*(\\d+).*?\"role\"\\s*:\\s*\"([A-Z]+)\"").matcher(enrolments.body());
			while (enrolment.find()) {
				if (enrolment.group(2).equals("MENTEE")) {
					menteeIds.add(Long.parseLong(enrolment.group(1)));
				}
				else {
					mentorCount++;
				}
			}
			Map<String, Object> programme = new LinkedHashMap<>();
			result.put("programme", programme);
			programme.put("id", programmeId);
			programme.put("mentorsEnrolled", mentorCount);
			programme.put("menteesEnrolled", menteeIds.size());
			programme.put("managerEmail", managerEmail);
			System.out.printf(Locale.ROOT, "programme %d: %,d mentors and %,d mentees enrolled%n", programmeId, mentorCount,
					menteeIds.size());
			if (mentorCount < mentors || menteeIds.size() < mentees) {
				programme.put("shortOfVolunteers", true);
				System.out.println("  fewer volunteers than asked for: raise PEOPLE");
			}

			// ---- a settled server: the demo's community content has its search vectors (a start-up backlog)
			result.put("communitySettledMs", settle(api, intOption("settle-timeout", 1200)));
			// closing enrolment starts embedding the profiles' texts in the background; the first run starts at once
			expect(api.send(HttpRequest.newBuilder(api.uri("/api/v1/programmes/" + programmeId + "/steps/close-enrolment"))
				.POST(HttpRequest.BodyPublishers.noBody())), 200, "close enrolment");

			// ---- the bulk match
			result.put("match", match(base, api, managerCookies, programmeId));

			// ---- load: mentees' dashboard, then the managers' programme page
			int users = intOption("users", 50);
			Random random = new Random(Long.parseLong(setting("seed")));
			List<Long> picked = new ArrayList<>(menteeIds);
			Collections.shuffle(picked, random);
			picked = picked.subList(0, Math.min(users, picked.size()));
			List<Session> menteeSessions = new ArrayList<>();
			for (long personId : picked) {
				HttpResponse<String> person = api.get("/api/v1/people/" + personId);
				expect(person, 200, "person " + personId);
				String email = firstString(person.body(), "\"email\"\\s*:\\s*\"([^\"]+)\"");
				menteeSessions.add(new Session(email, cookieHeader(signIn(base, email))));
			}
			List<Session> managerSessions = new ArrayList<>();
			for (int i = 0; i < users; i++) {
				// the demo has one programme manager; the administrator sees the same manager's page
				String email = i % 2 == 0 ? managerEmail : adminEmail;
				managerSessions.add(new Session(email, cookieHeader(signIn(base, email))));
			}
			Map<String, Object> loadResults = new LinkedHashMap<>();
			result.put("load", loadResults);
			String menteePath = setting("mentee-path").replace("{id}", String.valueOf(programmeId));
			String managerPath = setting("manager-path").replace("{id}", String.valueOf(programmeId));
			loadResults.put("menteeDashboard", loadTest("mentee dashboard " + menteePath, base + menteePath, menteeSessions, app));
			loadResults.put("managerProgrammePage", loadTest("manager programme page " + managerPath, base + managerPath,
					managerSessions, app));
		}
		finally {
			stop(app);
			String text = Files.exists(appLog) ? Files.readString(appLog) : "";
			result.put("outOfMemory", text.contains("OutOfMemoryError"));
			Matcher oom = Pattern.compile("OutOfMemoryError[^\n]*").matcher(text);
			if (oom.find()) {
				result.put("firstOutOfMemory", oom.group());
			}
			result.put("appLog", appLog.toString());
		}
		return new LinkedHashMap<>(result);
	}

	/**
	 * Waits until the community search index is built and every document has its vector: after the
	 * demo seeding, embedding its posts and profiles keeps a core busy for minutes, which would be
	 * measured as the match's and the pages' time. Returns how long that took (-1 after the timeout).
	 */
	long settle(Client api, int timeoutSeconds) throws Exception {
		long t0 = System.nanoTime();
		long deadline = t0 + timeoutSeconds * 1_000_000_000L;
		System.out.print("waiting for the community index to settle");
		while (System.nanoTime() < deadline) {
			HttpResponse<String> status = api.get("/api/v1/community/search/index");
			if (status.statusCode() != 200) {
				System.out.println(": no index status (" + status.statusCode() + "), not waiting");
				return 0;
			}
			String state = firstString(status.body(), "\"state\"\\s*:\\s*\"([A-Z]+)\"");
			long awaiting = Json.longField(status.body(), "awaitingVectors");
			if (state.equals("READY") && awaiting <= 0) {
				long ms = (System.nanoTime() - t0) / 1_000_000;
				System.out.printf(Locale.ROOT, ": settled after %,d ms%n", ms);
				return ms;
			}
			System.out.print(".");
			Thread.sleep(5000);
		}
		System.out.println(": still busy after " + timeoutSeconds + " s; measuring anyway");
		return -1;
	}

	/**
	 * Runs the match twice, as a manager would: right after enrolment closed (while the profiles'
	 * texts are still being embedded in the background) and again once they all are; then publishes
	 * the second run through the API and times that too.
	 */
	Map<String, Object> match(String base, Client api, Map<String, String> managerCookies, long programmeId) throws Exception {
		Map<String, Object> match = new LinkedHashMap<>();
		match.put("loadBefore", load());
		System.out.println("running the match right after enrolment closed (the profiles' texts are still being embedded)...");
		match.putAll(runUntilShown(base, api, managerCookies, programmeId, ""));
		// the manager runs again (after a pin, say): now every profile text has its vector in the database
		System.out.println("running the match again (every profile text embedded by now)...");
		match.putAll(runUntilShown(base, api, managerCookies, programmeId, "again"));
		long runId = (Long) match.get("againRunId");
		long shownMs = (Long) match.get("againRunToProposalsShownMs");

		// publishing
		long t2 = System.nanoTime();
		HttpResponse<String> published = api.send(HttpRequest.newBuilder(
				api.uri("/api/v1/programmes/" + programmeId + "/runs/" + runId + "/publish")).POST(HttpRequest.BodyPublishers.noBody()));
		long publishMs = (System.nanoTime() - t2) / 1_000_000;
		expect(published, 200, "publish");
		match.put("publishMs", publishMs);
		match.put("publishedPairs", Json.longField(published.body(), "publishedPairs"));
		match.put("runToPublishedMs", shownMs + publishMs);
		// the mentorships module turns published pairs into invitations; without it publishing places pairs only
		HttpResponse<Void> mentorships = http.send(HttpRequest.newBuilder(URI.create(base + "/mentorships"))
			.header("Cookie", cookieHeader(managerCookies)).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.discarding());
		boolean invitations = mentorships.statusCode() == 200;
		match.put("publishCovers", invitations ? "places and mentorship invitations"
				: "places only (no mentorships module: GET /mentorships answered " + mentorships.statusCode() + ")");
		match.put("loadAfter", load());
		System.out.printf(Locale.ROOT, "published %s pairs in %,d ms (%s); run to published %,d ms%n",
				match.get("publishedPairs"), publishMs, match.get("publishCovers"), shownMs + publishMs);
		return match;
	}

	/**
	 * Starts a run with the API (what "Run the match" does), polls it until it is done, then fetches
	 * the run part of the programme page (what the page's htmx poll loads) until it shows the
	 * proposals with the publish button. Keys are prefixed with {@code prefix} when one is given.
	 */
	Map<String, Object> runUntilShown(String base, Client api, Map<String, String> managerCookies, long programmeId,
			String prefix) throws Exception {
		Map<String, Object> match = new LinkedHashMap<>();
		long t0 = System.nanoTime();
		HttpResponse<String> started = api.send(HttpRequest.newBuilder(api.uri("/api/v1/programmes/" + programmeId + "/runs"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		expect(started, 202, "start a run");
		long runId = Json.longField(started.body(), "id");
		String state = "RUNNING";
		String body = started.body();
		long deadline = System.nanoTime() + 3_600_000_000_000L;
		while (state.equals("RUNNING")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the run was still going after an hour");
			}
			Thread.sleep(250);
			HttpResponse<String> latest = api.get("/api/v1/programmes/" + programmeId + "/runs/latest");
			expect(latest, 200, "latest run");
			body = latest.body();
			state = firstString(body, "\"state\"\\s*:\\s*\"([A-Z]+)\"");
		}
		long doneMs = (System.nanoTime() - t0) / 1_000_000;
		match.put(key(prefix, "runId"), runId);
		match.put(key(prefix, "state"), state);
		match.put(key(prefix, "runToDoneMs"), doneMs);
		for (String field : List.of("mentees", "mentors", "matched")) {
			match.put(key(prefix, field), Json.longField(body, field));
		}
		match.put(key(prefix, "meanScore"), Json.doubleField(body, "meanScore"));
		match.put(key(prefix, "proven"), body.contains("\"proven\":true"));
		match.put(key(prefix, "loadDuring"), load());
		if (!state.equals("DONE")) {
			match.put(key(prefix, "failure"), firstString(body, "\"failure\"\\s*:\\s*\"([^\"]*)\""));
			throw new IllegalStateException("the run ended " + state + ": " + match.get(key(prefix, "failure")));
		}
		System.out.printf(Locale.ROOT, "run done after %,d ms: %s of %s mentees matched with %s mentors%n", doneMs,
				match.get(key(prefix, "matched")), match.get(key(prefix, "mentees")), match.get(key(prefix, "mentors")));

		// the page: the run fragment with the proposals and the publish button
		long t1 = System.nanoTime();
		Fetched fragment = fetch(base + "/programmes/" + programmeId + "/run", cookieHeader(managerCookies),
				Duration.ofSeconds(intOption("page-timeout", 900)), ">Publish ");
		long shownMs = (System.nanoTime() - t0) / 1_000_000;
		match.put(key(prefix, "proposalsFragmentStatus"), fragment.status);
		match.put(key(prefix, "proposalsFragmentBytes"), fragment.bytes);
		match.put(key(prefix, "proposalsFragmentMs"), (System.nanoTime() - t1) / 1_000_000);
		match.put(key(prefix, "proposalsFragmentError"), fragment.error);
		if (fragment.status != 200 || !fragment.found) {
			throw new IllegalStateException("the programme page did not show the proposals: " + fragment);
		}
		match.put(key(prefix, "runToProposalsShownMs"), shownMs);
		System.out.printf(Locale.ROOT, "proposals shown after %,d ms (the run part of the page: %,d bytes in %,d ms)%n",
				shownMs, fragment.bytes, match.get(key(prefix, "proposalsFragmentMs")));

		return match;
	}

	static String key(String prefix, String name) {
		return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	// ---------------------------------------------------------------- load

	record Session(String email, String cookie) {
	}

	/** One request's outcome: when it started, how long it took, its status (0 = failed) and size. */
	record Sample(long startNanos, double ms, int status, long bytes, String error) {
	}

	/**
	 * Closed-loop load: one thread per signed-in user, each sending the next request as soon as the
	 * previous one is answered (no think time), for the warm-up and then the measured period. Only
	 * requests started in the measured period count.
	 */
	Map<String, Object> loadTest(String label, String url, List<Session> sessions, Process app) throws Exception {
		if (setting("load-tool").equals("wrk")) {
			return wrkLoadTest(label, url, sessions);
		}
		int warmup = intOption("warmup", 30);
		int duration = intOption("duration", 60);
		Duration timeout = Duration.ofSeconds(intOption("request-timeout", 60));
		System.out.printf(Locale.ROOT, "load: %s, %d users, %d s warm-up + %d s measured...%n", label, sessions.size(),
				warmup, duration);
		Map<String, Object> result = loadResult("built-in client, one thread per user", url, sessions, warmup, duration);
		long begin = System.nanoTime();
		long measureFrom = begin + warmup * 1_000_000_000L;
		long measureTo = measureFrom + duration * 1_000_000_000L;
		List<List<Sample>> perUser = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		AtomicBoolean midway = new AtomicBoolean();
		Map<String, Object> loadDuring = Collections.synchronizedMap(new LinkedHashMap<>());
		for (Session session : sessions) {
			List<Sample> samples = new ArrayList<>();
			perUser.add(samples);
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < measureTo && app.isAlive()) {
					long t = System.nanoTime();
					Fetched fetched = fetch(url, session.cookie(), timeout, null);
					samples.add(new Sample(t, (System.nanoTime() - t) / 1e6, fetched.status, fetched.bytes, fetched.error));
					if (System.nanoTime() > measureFrom + (measureTo - measureFrom) / 2 && midway.compareAndSet(false, true)) {
						loadDuring.putAll(load());
					}
				}
			}, "user-" + session.email());
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		List<Double> ok = new ArrayList<>();
		Map<String, Integer> errors = new TreeMap<>();
		long bytes = 0;
		int measured = 0;
		int warmupRequests = 0;
		// when a page takes longer than the warm-up, no request starts in the measured period: count them all then
		boolean includesWarmup = perUser.stream().flatMap(List::stream).noneMatch(s -> s.startNanos >= measureFrom);
		for (List<Sample> samples : perUser) {
			for (Sample s : samples) {
				if (s.startNanos < measureFrom && !includesWarmup) {
					warmupRequests++;
					continue;
				}
				measured++;
				if (s.status == 200) {
					ok.add(s.ms);
					bytes += s.bytes;
				}
				else {
					errors.merge(s.status == 0 ? s.error : "HTTP " + s.status, 1, Integer::sum);
				}
			}
		}
		double seconds = includesWarmup ? (System.nanoTime() - begin) / 1e9
				: Math.max(duration, (System.nanoTime() - measureFrom) / 1e9);
		result.put("includesWarmup", includesWarmup);
		result.put("warmupRequests", warmupRequests);
		result.put("requests", measured);
		result.put("ok", ok.size());
		result.put("errors", measured - ok.size());
		if (!errors.isEmpty()) {
			result.put("errorKinds", errors);
		}
		result.put("requestsPerSecond", round(ok.size() / seconds));
		result.put("meanBytes", ok.isEmpty() ? 0 : bytes / ok.size());
		result.put("latencyMs", Stats.of(ok));
		result.put("loadDuring", new LinkedHashMap<>(loadDuring));
		result.put("loadAfter", load());
		result.put("applicationAlive", app.isAlive());
		Map<String, Object> stats = Stats.of(ok);
		System.out.printf(Locale.ROOT, "  %d ok, %d errors, %.1f req/s; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; %,d bytes a page%n",
				ok.size(), measured - ok.size(), ok.size() / seconds, num(stats.get("p50")), num(stats.get("p95")),
				num(stats.get("p99")), result.get("meanBytes"));
		return result;
	}

	/**
	 * The same load with wrk: one connection per signed-in user ({@code -c users}, two threads), each
	 * request carrying the next user's session cookie; a warm-up run first, then the measured run.
	 * A Lua script counts every answer other than 200 (a sign-in redirect included) as an error and
	 * prints the latency percentiles wrk recorded (microseconds, send to last byte).
	 */
	Map<String, Object> wrkLoadTest(String label, String url, List<Session> sessions) throws Exception {
		int warmup = intOption("warmup", 30);
		int duration = intOption("duration", 60);
		int timeout = intOption("request-timeout", 60);
		System.out.printf(Locale.ROOT, "load (wrk): %s, %d connections, %d s warm-up + %d s measured...%n", label,
				sessions.size(), warmup, duration);
		StringBuilder cookies = new StringBuilder();
		for (Session session : sessions) {
			cookies.append("  \"").append(session.cookie().replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
		}
		Path script = Files.createTempFile("guildhall-wrk", ".lua");
		Files.writeString(script, """
				local cookies = {
				%s}
				local threads = {}
				function setup(thread)
				  thread:set("offset", #threads * 7)
				  table.insert(threads, thread)
				end
				function init(args)
				  n = offset
				  bad = 0
				  bytes = 0
				end
				function request()
				  n = n + 1
				  return wrk.format("GET", nil, { ["Cookie"] = cookies[(n %% #cookies) + 1] })
				end
				function response(status, headers, body)
				  if status ~= 200 then bad = bad + 1 else bytes = bytes + #body end
				end
				function done(summary, latency, requests)
				  local b, k = 0, 0
				  for _, t in ipairs(threads) do b = b + t:get("bad"); k = k + t:get("bytes") end
				  local e = summary.errors
				  io.write(string.format("RESULT %%d %%d %%d %%d %%.0f %%.0f %%.0f %%.0f %%.0f %%d\\n", summary.requests,
				    summary.duration, b, e.connect + e.read + e.write + e.timeout, latency:percentile(50),
				    latency:percentile(95), latency:percentile(99), latency.max, latency.mean, k))
				end
				""".formatted(cookies));
		int threads = Math.min(2, sessions.size());
		List<String> base = List.of("wrk", "-t" + threads, "-c" + sessions.size(), "--timeout", timeout + "s", "-s",
				script.toString());
		Map<String, Object> result = loadResult("wrk -t" + threads + " -c" + sessions.size(), url, sessions, warmup, duration);
		if (warmup > 0) {
			wrk(base, warmup, url);
		}
		Map<String, Object> loadDuring = new LinkedHashMap<>();
		Thread midway = new Thread(() -> {
			try {
				Thread.sleep(duration * 500L);
				loadDuring.putAll(load());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		midway.start();
		String[] r = wrk(base, duration, url);
		midway.join();
		Files.deleteIfExists(script);
		long requests = Long.parseLong(r[1]);
		double seconds = Long.parseLong(r[2]) / 1e6;
		long bad = Long.parseLong(r[3]) + Long.parseLong(r[4]);
		long ok = Math.max(0, requests - Long.parseLong(r[3]));
		result.put("requests", requests);
		result.put("ok", ok);
		result.put("errors", bad);
		if (bad > 0) {
			result.put("errorKinds", Map.of("answers other than 200", Long.parseLong(r[3]),
					"connect, read, write errors and timeouts", Long.parseLong(r[4])));
		}
		result.put("requestsPerSecond", round(ok / seconds));
		result.put("meanBytes", ok == 0 ? 0 : Long.parseLong(r[10]) / ok);
		Map<String, Object> latency = new LinkedHashMap<>();
		latency.put("n", requests);
		latency.put("p50", round(Double.parseDouble(r[5]) / 1000));
		latency.put("p95", round(Double.parseDouble(r[6]) / 1000));
		latency.put("p99", round(Double.parseDouble(r[7]) / 1000));
		latency.put("max", round(Double.parseDouble(r[8]) / 1000));
		latency.put("mean", round(Double.parseDouble(r[9]) / 1000));
		result.put("latencyMs", latency);
		result.put("loadDuring", loadDuring);
		result.put("loadAfter", load());
		System.out.printf(Locale.ROOT, "  %d ok, %d errors, %.1f req/s; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; %,d bytes a page%n",
				ok, bad, ok / seconds, num(latency.get("p50")), num(latency.get("p95")), num(latency.get("p99")),
				result.get("meanBytes"));
		return result;
	}

	/** What both load tools record before they start: the tool, page, users, periods and machine load. */
	static Map<String, Object> loadResult(String tool, String url, List<Session> sessions, int warmup, int duration) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("tool", tool);
		result.put("url", url.replaceFirst("^http://[^/]+", ""));
		result.put("users", sessions.size());
		result.put("distinctAccounts", sessions.stream().map(Session::email).distinct().count());
		result.put("warmupSeconds", warmup);
		result.put("durationSeconds", duration);
		result.put("loadBefore", load());
		return result;
	}

	/** Runs wrk for the seconds given and returns the fields of its RESULT line. */
	String[] wrk(List<String> base, int seconds, String url) throws Exception {
		List<String> command = new ArrayList<>(base);
		command.addAll(List.of("-d" + seconds + "s", url));
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes());
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + output);
		}
		for (String line : output.split("\n")) {
			if (line.startsWith("RESULT ")) {
				return line.split(" ");
			}
		}
		throw new IllegalStateException("no RESULT line from wrk: " + output);
	}

	record Fetched(int status, long bytes, boolean found, String error) {
	}

	/**
	 * GETs a page as a signed-in browser would, reading the body to the end without keeping it.
	 * When {@code marker} is given, reports whether the page contains it.
	 */
	Fetched fetch(String url, String cookie, Duration timeout, String marker) {
		try {
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
				.header("Accept", "text/html").timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
			long bytes = 0;
			boolean found = false;
			byte[] wanted = marker == null ? null : marker.getBytes(StandardCharsets.UTF_8);
			byte[] carry = new byte[0];
			try (InputStream in = response.body()) {
				byte[] buffer = new byte[1 << 16];
				int n;
				while ((n = in.read(buffer)) > 0) {
					bytes += n;
					if (wanted != null && !found) {
						// search the chunk plus the tail of the previous one, so a marker split across reads is found
						byte[] window = new byte[carry.length + n];
						System.arraycopy(carry, 0, window, 0, carry.length);
						System.arraycopy(buffer, 0, window, carry.length, n);
						found = indexOf(window, wanted) >= 0;
						carry = java.util.Arrays.copyOfRange(window, Math.max(0, window.length - wanted.length), window.length);
					}
				}
			}
			return new Fetched(response.statusCode(), bytes, found, null);
		}
		catch (HttpTimeoutException e) {
			return new Fetched(0, 0, false, "timeout after " + timeout.toSeconds() + " s");
		}
		catch (IOException e) {
			return new Fetched(0, 0, false, e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Fetched(0, 0, false, "interrupted");
		}
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer:
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	/** The machine's load average ({@code /proc/loadavg}, as {@code uptime} prints it) right now. */
	static Map<String, Object> load() {
		Map<String, Object> load = new LinkedHashMap<>();
		load.put("at", OffsetDateTime.now().toString());
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
			load.put("load1", Double.valueOf(fields[0]));
			load.put("load5", Double.valueOf(fields[1]));
			load.put("load15", Double.valueOf(fields[2]));
		}
		catch (IOException | RuntimeException e) {
			load.put("load1", null);
		}
		return load;
	}

	// ---------------------------------------------------------------- plumbing

	/** Signs in through the login form with the demo password; returns the session's cookies. */
	Map<String, String> signIn(String base, String email) throws Exception {
		Map<String, String> cookies = new HashMap<>();
		HttpResponse<String> login = page(base + "/login", null, cookies);
		HttpResponse<String> signedIn = page(base + "/login", form("username", email, "password", DEMO_PASSWORD,
				"_csrf", csrf(login.body())), cookies);
		String target = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || target.contains("error") || target.contains("throttled")) {
			throw new IllegalStateException("sign-in as " + email + " failed: " + signedIn.statusCode() + " " + target);
		}
		return cookies;
	}

	/** Creates a personal access token on the tokens page of the signed-in account. */
	String issueToken(String base, Map<String, String> cookies) throws Exception {
		HttpResponse<String> tokens = page(base + "/account/tokens", null, cookies);
		HttpResponse<String> created = page(base + "/account/tokens",
				form("name", "programmes bench " + System.currentTimeMillis(), "validDays", "1", "_csrf", csrf(tokens.body())),
				cookies);
		Matcher secret = Pattern.compile("(ghp_[A-Za-z0-9_\\-]+)").matcher(created.body());
		if (!secret.find()) {
			throw new IllegalStateException("no token in the answer: " + created.statusCode() + " " + created.body());
		}
		return secret.group(1);
	}

	static String cookieHeader(Map<String, String> cookies) {
		return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	HttpResponse<String> page(String url, String form, Map<String, String> cookies) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookieHeader(cookies));
		}
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return response;
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token in the page");
		}
		return m.group(1);
	}

	static String form(String... pairs) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			out.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return out.toString();
	}

	static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			String body = response.body();
			throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
					+ (body.length() > 500 ? body.substring(0, 500) + "..." : body));
		}
	}

	/** The API as a token holder sees it. */
	final class Client {

		final String base;
		final String token;

		Client(String base, String token) {
			this.base = base;
			this.token = token;
		}

		URI uri(String path) {
			return URI.create(path.startsWith("http") ? path : base + path);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).GET());
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(900)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	void waitFor(String url, Process process, Path log) throws Exception {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the application exited; see " + log);
			}
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (ConnectException e) {
				// not yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("no answer from " + url + "; see " + log);
	}

	/** Waits until the log has a line containing {@code text}; returns the whole log. */
	static String waitForLog(Path log, Process process, String text, int seconds) throws Exception {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			String content = Files.readString(log);
			if (content.contains(text)) {
				return content;
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("the application exited before logging '" + text + "'; see " + log);
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("no '" + text + "' in " + log + " after " + seconds + " s");
	}

	/** Stops a process we started and every process it started (SIGTERM, then SIGKILL after 30 s). */
	static void stop(Process process) throws InterruptedException {
		List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
		Collections.reverse(family);
		family.add(process.toHandle());
		for (ProcessHandle handle : family) {
			handle.destroy();
		}
		for (ProcessHandle handle : family) {
			try {
				handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception e) {
				handle.destroyForcibly();
			}
		}
	}

	static int freePort(int wanted) {
		for (int port = wanted; port < wanted + 50; port++) {
			try (ServerSocket socket = new ServerSocket(port)) {
				return port;
			}
			catch (IOException e) {
				// taken
			}
		}
		throw new IllegalStateException("no free port from " + wanted);
	}

	static void psql(String... statements) throws Exception {
		List<String> command = new ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres",
				"-v", "ON_ERROR_STOP=1", "-q"));
		for (String statement : statements) {
			command.add("-c");
			command.add(statement);
		}
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + String.join(" ", statements));
		}
	}

	static Long firstLong(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		return m.find() ? Long.valueOf(m.group(1)) : null;
	}

	static String firstString(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no match for " + regex + " in: "
					+ (text.length() > 300 ? text.substring(0, 300) + "..." : text));
		}
		return m.group(1);
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static double num(Object value) {
		return value == null ? Double.NaN : ((Number) value).doubleValue();
	}

	Map<String, Object> machine() throws IOException {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpus", Runtime.getRuntime().availableProcessors());
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(repo.toFile()).start();
			machine.put("commit", new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
		}
		catch (IOException e) {
			machine.put("commit", "unknown");
		}
		return machine;
	}

	// ---------------------------------------------------------------- report

	@SuppressWarnings("unchecked")
	void printTables() {
		Map<String, Object> settings = (Map<String, Object>) results.get("settings");
		List<Map<String, Object>> dbs = (List<Map<String, Object>>) results.get("databases");
		System.out.println("\nBulk match: demo organisation of " + settings.get("people") + " people, programme with "
				+ settings.get("mentees") + " mentees and " + settings.get("mentors") + " mentors asked for");
		System.out.printf("%-9s %9s %9s %8s %10s %11s %10s %11s %10s %11s %7s  %s%n", "database", "mentees", "mentors",
				"matched", "1st done", "1st shown", "again done", "again shown", "publish", "published", "load1",
				"publishing covers");
		for (Map<String, Object> db : dbs) {
			Map<String, Object> programme = (Map<String, Object>) db.getOrDefault("programme", Map.of());
			Map<String, Object> match = (Map<String, Object>) db.getOrDefault("match", Map.of());
			Map<String, Object> during = (Map<String, Object>) match.getOrDefault("loadDuring", Map.of());
			System.out.printf(Locale.ROOT, "%-9s %9s %9s %8s %8.1f s %9.1f s %8.1f s %9.1f s %8.1f s %9.1f s %7s  %s%n",
					db.get("database"), programme.get("menteesEnrolled"), programme.get("mentorsEnrolled"), match.get("matched"),
					num(match.get("runToDoneMs")) / 1000, num(match.get("runToProposalsShownMs")) / 1000,
					num(match.get("againRunToDoneMs")) / 1000, num(match.get("againRunToProposalsShownMs")) / 1000,
					num(match.get("publishMs")) / 1000, num(match.get("runToPublishedMs")) / 1000, during.get("load1"),
					match.getOrDefault("publishCovers", ""));
			if (db.containsKey("error")) {
				System.out.println("          FAILED: " + db.get("error"));
			}
			if (Boolean.TRUE.equals(db.get("outOfMemory"))) {
				System.out.println("          OUT OF MEMORY in the application: " + db.get("firstOutOfMemory"));
			}
		}
		System.out.println("(1st = run started right after enrolment closed, while the profiles' texts are still being embedded;"
				+ " again = the manager runs again, every text embedded; done = POST /api/v1/programmes/{id}/runs until"
				+ " GET .../runs/latest says DONE, polled every 250 ms; shown = until the run part of the programme page,"
				+ " /programmes/{id}/run, has arrived with the pairs and the publish button; published = 'again shown' plus"
				+ " POST .../publish of that run)");
		System.out.printf("%nPages under load: %s users each, closed loop (no think time), %s s warm-up + %s s measured; ms%n",
				settings.get("users"), settings.get("warmup"), settings.get("duration"));
		System.out.printf("%-9s %-34s %8s %8s %8s %8s %8s %7s %10s %7s%n", "database", "page", "p50", "p95", "p99", "max",
				"req/s", "errors", "KiB/page", "load1");
		for (Map<String, Object> db : dbs) {
			Map<String, Object> load = (Map<String, Object>) db.get("load");
			if (load == null) {
				continue;
			}
			for (Map.Entry<String, Object> entry : load.entrySet()) {
				Map<String, Object> page = (Map<String, Object>) entry.getValue();
				Map<String, Object> latency = (Map<String, Object>) page.get("latencyMs");
				Map<String, Object> during = (Map<String, Object>) page.getOrDefault("loadDuring", Map.of());
				System.out.printf(Locale.ROOT, "%-9s %-34s %8.0f %8.0f %8.0f %8.0f %8.1f %7s %10.0f %7s%n", db.get("database"),
						entry.getKey() + " " + page.get("url"), num(latency.get("p50")), num(latency.get("p95")),
						num(latency.get("p99")), num(latency.get("max")), num(page.get("requestsPerSecond")), page.get("errors"),
						num(page.get("meanBytes")) / 1024, during.get("load1"));
				if (Boolean.TRUE.equals(page.get("includesWarmup"))) {
					System.out.println("          no request started after the warm-up (each took longer): figures include the warm-up");
				}
				if (page.containsKey("errorKinds")) {
					System.out.println("          errors: " + page.get("errorKinds"));
				}
			}
		}
		System.out.println("(latency = client-side round trip of GET with the user's session cookie, whole body read, measured by "
				+ (setting("load-tool").equals("wrk") ? "wrk, one connection per user" : "the built-in client, one thread per user")
				+ "; client and server share the machine; load1 = 1-minute load average midway)");
	}

	// ---------------------------------------------------------------- small helpers

	static final class Stats {

		static Map<String, Object> of(List<Double> values) {
			List<Double> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			Map<String, Object> stats = new LinkedHashMap<>();
			stats.put("n", sorted.size());
			stats.put("p50", round(percentile(sorted, 50)));
			stats.put("p95", round(percentile(sorted, 95)));
			stats.put("p99", round(percentile(sorted, 99)));
			stats.put("max", round(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)));
			stats.put("mean", round(sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
			return stats;
		}

		/** Nearest-rank percentile. */
		static double percentile(List<Double> sorted, double p) {
			if (sorted.isEmpty()) {
				return 0;
			}
			int rank = (int) Math.ceil(p / 100 * sorted.size());
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
		}
	}

	/** Just enough JSON: writing the results, and reading a few fields of the API's answers. */
	static final class Json {

		static long longField(String body, String key) {
			Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(body);
			return m.find() ? Long.parseLong(m.group(1)) : -1;
		}

		static Double doubleField(String body, String key) {
			Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(body);
			return m.find() ? Double.valueOf(m.group(1)) : null;
		}

		static String write(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out, "");
			return out.toString();
		}

		private static void write(Object value, StringBuilder out, String indent) {
			if (value instanceof Map<?, ?> map) {
				if (map.isEmpty()) {
					out.append("{}");
					return;
				}
				out.append("{\n");
				int i = 0;
				for (Map.Entry<?, ?> e : map.entrySet()) {
					out.append(indent).append("  ");
					string(String.valueOf(e.getKey()), out);
					out.append(": ");
					write(e.getValue(), out, indent + "  ");
					out.append(++i < map.size() ? ",\n" : "\n");
				}
				out.append(indent).append('}');
			}
			else if (value instanceof List<?> list) {
				if (list.isEmpty()) {
					out.append("[]");
					return;
				}
				out.append("[\n");
				for (int i = 0; i < list.size(); i++) {
					out.append(indent).append("  ");
					write(list.get(i), out, indent + "  ");
					out.append(i + 1 < list.size() ? ",\n" : "\n");
				}
				out.append(indent).append(']');
			}
			else if (value == null) {
				out.append("null");
			}
			else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
				out.append("null");
			}
			else if (value instanceof Number || value instanceof Boolean) {
				out.append(value);
			}
			else {
				string(value.toString(), out);
			}
		}

		private static void string(String text, StringBuilder out) {
			out.append('"');
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			out.append('"');
		}
	}
}
