import java.io.IOException;
import java.io.InputStream;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The insights benchmark (issue "Insights"): over an organisation of 100,000 people with 20,000
 * mentorships, 200,000 posts and 1,000,000 learning links (by default), on H2 and on PostgreSQL,
 * <ol>
 *   <li>the latency (p50/p95/p99) of every insights page and API at 10 concurrent users (target p95 &lt; 100 ms);</li>
 *   <li>a full rebuild of the read model, until the background figures (network, outcomes, skills) are
 *       served again, and the peak heap meanwhile (target &lt; 60 s, &lt; 2 GiB);</li>
 *   <li>how long an event (an enrolment, a mentorship ended early, kudos) takes to show in the
 *       figures (target &lt; 5 s).</li>
 * </ol>
 * People come in through the HR import API; programmes, enrolments, mentorships with meetings,
 * goals and ratings, posts, kudos, circles and expert sessions are written straight into the
 * owning modules' tables with JDBC while the application is stopped (at this size the API would
 * take hours), then the application is started again and the read model rebuilt from them.
 * Uses the JDK plus the application's own JDBC drivers (run.sh puts them on the class path).
 *
 * <pre>
 * java -cp h2.jar:postgresql.jar bench/insights/src/InsightsBench.java --jar target/guildhall.jar \
 *      --csv people.csv --out bench/insights/results/latest.json [--dbs h2,postgres] [--mentorships 20000] \
 *      [--posts 200000] [--links 1000000] [--users 10] [--warmup 10] [--duration 20]
 * </pre>
 *
 * Run it through {@code bench/insights/run.sh}, from the repository root.
 */
public class InsightsBench {

	static final String ADMIN_EMAIL = "bench-admin@example.com";
	static final String ADMIN_PASSWORD = "bench-admin-password-2024";
	static final String EMPLOYEE_PASSWORD = "bench-employee-password-2024";

	/** Who asks: an administrator's or an employee's browser session, or the administrator's or an employee's API token. */
	enum Who {
		ADMIN, EMPLOYEE, TOKEN, EMPLOYEE_TOKEN;

		String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	record Target(Who who, String path) {

		static Target parse(String spec) {
			int colon = spec.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("--urls: expected who:path (who = admin, employee or token), got '" + spec + "'");
			}
			Who who;
			try {
				who = Who.valueOf(spec.substring(0, colon).strip().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("--urls: who must be admin, employee, token or employee-token, got '"
						+ spec.substring(0, colon) + "'");
			}
			String path = spec.substring(colon + 1).strip();
			if (!path.startsWith("/")) {
				throw new IllegalArgumentException("--urls: the path must start with /, got '" + path + "'");
			}
			return new Target(who, path);
		}

		String label() {
			return who.label() + " " + path;
		}
	}

	/** The issue's pages and API first, then the ones added since (network map, fairness, one's own figures by API). */
	static final String DEFAULT_URLS = String.join(",", "admin:/insights", "admin:/insights?programme={large}",
			"admin:/insights/outcomes", "admin:/insights/network", "admin:/insights/skills", "employee:/insights/me",
			"token:/api/v1/insights/dashboard", "token:/api/v1/insights/network", "token:/api/v1/insights/outcomes",
			"token:/api/v1/insights/skills", "token:/api/v1/insights/dashboard?programme={large}",
			"token:/api/v1/insights/network/map", "admin:/insights/fairness?programme={large}",
			"token:/api/v1/insights/fairness?programme={large}", "employee-token:/api/v1/insights/me");

	final Map<String, String> options;
	final Path repo = Path.of("").toAbsolutePath();
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER).build();
	final Map<String, Object> results = new LinkedHashMap<>();
	/** What the current database run measured so far; kept when it fails half-way. */
	Map<String, Object> current = new LinkedHashMap<>();

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("option without a value: " + args[args.length - 1]);
		}
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --option value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		new InsightsBench(options).run();
	}

	InsightsBench(Map<String, String> options) {
		this.options = options;
	}

	String option(String name, String fallback) {
		String value = options.get(name);
		return value == null || value.isBlank() ? fallback : value;
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

	// ---------------------------------------------------------------- the run

	void run() throws Exception {
		Path jar = Path.of(option("jar", "target/guildhall.jar")).toAbsolutePath();
		Path csv = Path.of(option("csv", "people.csv")).toAbsolutePath();
		Path out = Path.of(option("out", "bench/insights/results/latest.json")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("no application jar at " + jar + " (./mvnw -DskipTests package)");
		}
		if (!Files.isRegularFile(csv)) {
			throw new IllegalArgumentException("no people file at " + csv + " (java -jar target/guildhall.jar generate ...)");
		}
		List<Target> targets = new ArrayList<>();
		for (String spec : option("urls", DEFAULT_URLS).split(",")) {
			if (!spec.isBlank()) {
				targets.add(Target.parse(spec));
			}
		}
		boolean reuse = Boolean.parseBoolean(option("reuse", "false"));
		Path work = options.containsKey("work") ? Path.of(option("work", "")).toAbsolutePath()
				: Files.createTempDirectory("guildhall-insights-bench-");
		results.put("reused", reuse);
		results.put("when", OffsetDateTime.now(ZoneOffset.UTC).toString());
		results.put("machine", machine());
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("peopleFile", csv.getFileName().toString());
		for (String key : List.of("mentorships", "posts", "links", "seed", "users", "warmup", "duration", "xmx", "employees",
				"history", "request-timeout")) {
			settings.put(key, option(key, defaults().get(key)));
		}
		settings.put("urls", targets.stream().map(Target::label).toList());
		results.put("settings", settings);
		results.put("loadAtStart", load());

		List<Map<String, Object>> dbResults = new ArrayList<>();
		results.put("databases", dbResults);
		for (String db : option("dbs", "h2,postgres").split(",")) {
			if (db.isBlank()) {
				continue;
			}
			current = new LinkedHashMap<>();
			current.put("database", db.strip());
			try {
				database(db.strip(), jar, csv, targets, work.resolve(db.strip()), reuse);
			}
			catch (Exception e) {
				String message = e instanceof SQLException sql && sql.getNextException() != null
						? e.getClass().getSimpleName() + ": " + sql.getNextException().getMessage() : e.toString();
				System.out.println("FAILED on " + db.strip() + ": " + shorten(message));
				for (StackTraceElement frame : e.getStackTrace()) {
					if (frame.getClassName().startsWith("InsightsBench")) {
						System.out.println("  at " + frame);
					}
				}
				current.put("error", shorten(message));
				failed = true;
			}
			dbResults.add(current);
			write(out);
		}
		results.put("loadAtEnd", load());
		write(out);
		String table = tables();
		System.out.println("\n" + table);
		Files.writeString(out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".txt"), table);
		System.out.println("wrote " + repo.relativize(out) + " and its .txt (application logs in " + work + ")");
		if (failed) {
			System.exit(1);
		}
	}

	boolean failed;

	void write(Path out) throws IOException {
		Files.createDirectories(out.getParent());
		Files.writeString(out, Json.write(results) + "\n");
	}

	static Map<String, String> defaults() {
		Map<String, String> d = new HashMap<>();
		d.put("mentorships", "20000");
		d.put("posts", "200000");
		d.put("links", "1000000");
		d.put("seed", "42");
		d.put("users", "10");
		d.put("warmup", "10");
		d.put("duration", "20");
		d.put("xmx", "2g");
		d.put("employees", "3");
		d.put("history", "auto");
		d.put("request-timeout", "30");
		return d;
	}

	String setting(String name) {
		return option(name, defaults().get(name));
	}

	// ---------------------------------------------------------------- one database

	void database(String db, Path jar, Path csv, List<Target> targets, Path dir, boolean reuse) throws Exception {
		if (reuse && db.equals("h2") && !Files.exists(dir.resolve("guildhall.mv.db"))) {
			throw new IllegalStateException("REUSE=1, but there is no H2 database of an earlier run in " + dir);
		}
		if (!reuse) {
			deleteTree(dir);
		}
		Files.createDirectories(dir);
		String url;
		String jdbcUser;
		if (db.equals("h2")) {
			url = "jdbc:h2:file:" + dir.resolve("guildhall") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
			jdbcUser = "sa";
		}
		else if (db.equals("postgres")) {
			String name = option("pg-database", "guildhall_insights_bench");
			if (!name.matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("--pg-database must be a plain lower-case name, was '" + name + "'");
			}
			if (!reuse) {
				psql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
			}
			url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=true";
			jdbcUser = "postgres";
		}
		else {
			throw new IllegalArgumentException("unknown database " + db + " (h2 or postgres)");
		}
		current.put("jdbcUrl", url);
		current.put("appDirectory", dir.toString());

		Seeder.Seeded seeded;
		if (reuse) {
			// ---- 1 and 2 from an earlier run: what it wrote is read back, with new employees
			System.out.println("\n== " + db + ": reusing the data of an earlier run in " + dir);
			try (Connection connection = DriverManager.getConnection(url, jdbcUser, "")) {
				seeded = Seeder.recall(connection, new Random(System.nanoTime()), intOption("employees", 3));
			}
			current.put("data", seeded.sizes());
			System.out.println("data: " + seeded.sizes());
		}
		else {
			seeded = prepare(db, jar, csv, dir, url, jdbcUser);
		}
		measure(db, jar, targets, dir, url, seeded);
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	/** A fresh database: people through the HR import, then the owners' data with JDBC. */
	Seeder.Seeded prepare(String db, Path jar, Path csv, Path dir, String url, String jdbcUser) throws Exception {
		// ---- 1. first start: schema, first administrator, people through the HR import API
		System.out.println("\n== " + db + ": first start (schema, administrator, HR import of " + csv.getFileName() + ")");
		App app = App.start(this, db, jar, url, dir, "app-import.log");
		Map<String, Object> people = new LinkedHashMap<>();
		current.put("people", people);
		try {
			Session admin = Session.signIn(this, app.base, ADMIN_EMAIL, ADMIN_PASSWORD);
			Client api = new Client(app.base, issueToken(admin));
			people.put("history", importPeople(app, api, csv, dir, people));
			// let the import's listeners (search index, insights people) finish before stopping: on H2 a large commit is
			// visible to readers before it has finished writing, and stopping then loses the import's event publications
			int figures = app.count(FIGURES_LINE);
			people.put("indexAfterImportMs", settleIndex(api, 1800));
			long t1 = System.nanoTime();
			while (app.count(FIGURES_LINE) == figures && ms(t1) < 120_000) {
				Thread.sleep(500);
			}
			Thread.sleep(3000);
		}
		finally {
			app.stop();
		}

		// ---- 2. the owners' data, written with JDBC while the application is stopped
		System.out.println("== " + db + ": writing programmes, mentorships, posts and links with JDBC");
		Seeder.Seeded seeded;
		long t0 = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, jdbcUser, "")) {
			seeded = new Seeder(connection, db, new Random(Long.parseLong(setting("seed"))), intOption("mentorships", 20000),
					intOption("posts", 200000), intOption("links", 1000000), intOption("employees", 3), ADMIN_EMAIL).seed();
		}
		seeded.sizes().put("writeMs", ms(t0));
		current.put("data", seeded.sizes());
		System.out.println("data: " + seeded.sizes());
		return seeded;
	}

	/** The application on the full data: rebuild, pages under load, incremental updates. */
	void measure(String db, Path jar, List<Target> targets, Path dir, String url, Seeder.Seeded seeded) throws Exception {
		this.pgUrl = db.equals("postgres") ? url : null;
		// ---- 3. second start on the full data
		System.out.println("== " + db + ": second start on the full data");
		App app = App.start(this, db, jar, url, dir, "app.log");
		current.put("appLog", app.log.toString());
		current.put("gcLog", app.gcLog.toString());
		try {
			current.put("startMs", app.startedMs);
			Session admin = Session.signIn(this, app.base, ADMIN_EMAIL, ADMIN_PASSWORD);
			Client api = new Client(app.base, issueToken(admin));
			current.put("communityIndexSettledMs", settleIndex(api, intOption("settle-timeout", 1800)));
			current.put("figuresQuietBeforeRebuildMs", waitFiguresQuiet(app, 15, 600));

			// ---- rebuild
			current.put("rebuild", rebuild(app, api, admin));

			// ---- employees (accounts through one-time password links, as an administrator hands them out)
			List<Employee> employees = new ArrayList<>();
			for (Seeder.EmployeeSeed e : seeded.employees()) {
				employees.add(employee(app.base, admin, e));
			}
			current.put("employees", employees.stream().map(e -> Map.of("personId", e.seed.personId(), "email", e.seed.email(),
					"mentorshipId", e.seed.mentorshipId())).toList());

			// ---- pages under load
			current.put("loadBefore", load());
			List<Map<String, Object>> pages = new ArrayList<>();
			current.put("pages", pages);
			int users = intOption("users", 10);
			List<Session> adminSessions = new ArrayList<>();
			List<Session> employeeSessions = new ArrayList<>();
			for (int i = 0; i < users; i++) {
				adminSessions.add(Session.signIn(this, app.base, ADMIN_EMAIL, ADMIN_PASSWORD));
				Employee e = employees.get(i % employees.size());
				employeeSessions.add(Session.signIn(this, app.base, e.seed.email(), EMPLOYEE_PASSWORD));
			}
			for (Target target : targets) {
				String path = target.path().replace("{large}", String.valueOf(seeded.largeProgrammeId()))
					.replace("{enrolling}", String.valueOf(seeded.enrollingProgrammeIds().get(0)));
				List<String> auth = new ArrayList<>();
				for (int i = 0; i < users; i++) {
					auth.add(switch (target.who()) {
						case ADMIN -> "Cookie: " + adminSessions.get(i).cookieHeader();
						case EMPLOYEE -> "Cookie: " + employeeSessions.get(i).cookieHeader();
						case TOKEN -> "Authorization: Bearer " + api.token;
						case EMPLOYEE_TOKEN -> "Authorization: Bearer " + employees.get(i % employees.size()).api.token;
					});
				}
				pages.add(loadTest(target, path, app.base, auth, app));
				write(Path.of(option("out", "bench/insights/results/latest.json")).toAbsolutePath());
			}

			// ---- incremental updates
			current.put("incremental", incremental(app, api, employees, seeded, db.equals("postgres") ? url : null));
			current.put("loadAfter", load());
		}
		finally {
			app.stop();
			String text = Files.exists(app.log) ? Files.readString(app.log) : "";
			current.put("outOfMemory", text.contains("OutOfMemoryError"));
			Matcher error = Pattern.compile("(?m)^.*\\bERROR\\b.*$").matcher(text);
			List<String> errors = new ArrayList<>();
			while (error.find() && errors.size() < 10) {
				errors.add(error.group().length() > 400 ? error.group().substring(0, 400) + "..." : error.group());
			}
			current.put("appLogErrors", errors);
		}
	}

	// ---------------------------------------------------------------- people

	/**
	 * Imports the people file through the API (upload, preview, apply). When the import API takes an
	 * as-of date ({@code effectiveOn}, from the people-history work) and --history is auto or yes, an
	 * older version of the file is imported first, dated a year back, so that the outcome figures
	 * have a history (promotions, moves, leavers); otherwise that part is skipped and says why.
	 */
	String importPeople(App app, Client api, Path csv, Path dir, Map<String, Object> people) throws Exception {
		String history = setting("history");
		String apiDocs = http.send(HttpRequest.newBuilder(URI.create(app.base + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		boolean supported = apiDocs.contains("effectiveOn");
		String note;
		long t0 = System.nanoTime();
		if (!history.equals("no") && supported) {
			LocalDate yearAgo = LocalDate.now(ZoneOffset.UTC).minusDays(365);
			Path older = dir.resolve("people-a-year-ago.csv");
			Map<String, Object> changes = OlderFile.write(csv, older, new Random(Long.parseLong(setting("seed")) + 1));
			people.put("olderFile", changes);
			System.out.println("importing the people as they were on " + yearAgo + " " + changes + "...");
			people.put("olderImport", importFile(api, older, yearAgo));
			people.put("currentImport", importFile(api, csv, LocalDate.now(ZoneOffset.UTC)));
			note = "imported twice: as of " + yearAgo + " and today";
		}
		else {
			if (history.equals("yes") && !supported) {
				throw new IllegalStateException("--history yes, but the import API has no effectiveOn (see /v3/api-docs)");
			}
			people.put("currentImport", importFile(api, csv, null));
			note = supported ? "imported once (--history no)"
					: "imported once: the import API has no effectiveOn on this build, so the outcome figures have no history";
		}
		people.put("importMs", ms(t0));
		System.out.println("people: " + note + " in " + ms(t0) + " ms");
		return note;
	}

	Map<String, Object> importFile(Client api, Path csv, LocalDate effectiveOn) throws Exception {
		long t0 = System.nanoTime();
		byte[] file = Files.readAllBytes(csv);
		String boundary = "----guildhall-bench-" + System.nanoTime();
		List<byte[]> parts = new ArrayList<>();
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + csv.getFileName()
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		parts.add(file);
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> upload = api.send(HttpRequest.newBuilder(api.uri("/api/v1/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
		expect(upload, 202, "upload " + csv.getFileName());
		String location = upload.headers().firstValue("Location").orElseThrow();
		String body = pollImport(api, location, "PREVIEWING");
		if (!"PREVIEWED".equals(Json.stringAt(body, "status.state"))) {
			throw new IllegalStateException("the preview of " + csv.getFileName() + " ended " + shorten(body));
		}
		long previewMs = ms(t0);
		// the day the file's changes took effect (the person history entries are dated that day)
		String query = effectiveOn == null ? "" : "?effectiveOn=" + effectiveOn;
		expect(api.send(HttpRequest.newBuilder(api.uri(location + "/apply" + query)).POST(HttpRequest.BodyPublishers.noBody())), 202,
				"apply");
		body = pollImport(api, location, "APPLYING");
		if (!"APPLIED".equals(Json.stringAt(body, "status.state"))) {
			throw new IllegalStateException("applying " + csv.getFileName() + " ended " + shorten(body));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("file", csv.getFileName().toString());
		result.put("effectiveOn", effectiveOn == null ? null : effectiveOn.toString());
		result.put("previewMs", previewMs);
		result.put("totalMs", ms(t0));
		Object status = Json.at(Json.parse(body), "status");
		if (status instanceof Map<?, ?> map) {
			for (String key : List.of("creates", "updates", "deactivations", "unchanged", "rows")) {
				if (map.containsKey(key)) {
					result.put(key, map.get(key));
				}
			}
		}
		return result;
	}

	String pollImport(Client api, String location, String running) throws Exception {
		long deadline = System.nanoTime() + 3_600_000_000_000L;
		while (System.nanoTime() < deadline) {
			String body = api.get(location).body();
			String state = Json.stringAt(body, "status.state");
			if (state != null && !state.equals(running) && !state.equals("UPLOADED") && !state.equals("QUEUED")) {
				return body;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the import at " + location + " was still " + running + " after an hour");
	}

	// ---------------------------------------------------------------- settling

	/** Waits until the community search index (rebuilt at every start) is READY twice in a row. */
	long settleIndex(Client api, int seconds) throws Exception {
		long t0 = System.nanoTime();
		long deadline = t0 + seconds * 1_000_000_000L;
		int ready = 0;
		long lastPrint = 0;
		System.out.print("waiting for the community search index (rebuilt at start-up)");
		while (System.nanoTime() < deadline) {
			HttpResponse<String> status = api.get("/api/v1/community/search/index");
			if (status.statusCode() != 200) {
				System.out.println(": no index status (" + status.statusCode() + "), not waiting");
				return 0;
			}
			ready = "READY".equals(Json.stringAt(status.body(), "state")) ? ready + 1 : 0;
			if (ready >= 2) {
				System.out.printf(Locale.ROOT, ": ready after %,d ms%n", ms(t0));
				return ms(t0);
			}
			if (System.nanoTime() - lastPrint > 30_000_000_000L) {
				System.out.print(" " + Json.at(Json.parse(status.body()), "done") + "/" + Json.at(Json.parse(status.body()), "total"));
				lastPrint = System.nanoTime();
			}
			Thread.sleep(1000);
		}
		System.out.println(": still not ready after " + seconds + " s; measuring anyway");
		return -1;
	}

	static final Pattern FIGURES_LINE = Pattern.compile("Insights figures computed in (\\d+) ms");

	/**
	 * Waits until no round of background figures has finished for {@code quietSeconds} (from the
	 * application's log), so that a rebuild is not timed against a round that was already running.
	 */
	long waitFiguresQuiet(App app, int quietSeconds, int maxSeconds) throws Exception {
		long t0 = System.nanoTime();
		int count = app.count(FIGURES_LINE);
		long lastChange = System.nanoTime();
		while (System.nanoTime() - t0 < maxSeconds * 1_000_000_000L) {
			int now = app.count(FIGURES_LINE);
			if (now != count) {
				count = now;
				lastChange = System.nanoTime();
			}
			if (System.nanoTime() - lastChange > quietSeconds * 1_000_000_000L) {
				return ms(t0);
			}
			Thread.sleep(500);
		}
		return -1;
	}

	// ---------------------------------------------------------------- rebuild

	/**
	 * POST /api/v1/insights/rebuild, then polls GET /api/v1/insights/network until its computedAt is
	 * later than the start (the background figures after the rebuild), sampling the heap from the
	 * metrics endpoint all the while; the GC log gives the heap before and after each collection.
	 */
	Map<String, Object> rebuild(App app, Client api, Session admin) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		HeapSampler heap = new HeapSampler(app.base, admin.cookieHeader());
		long gcOffset = Files.exists(app.gcLog) ? Files.size(app.gcLog) : 0;
		int figuresBefore = app.count(FIGURES_LINE);
		result.put("loadBefore", load());
		heap.start();
		Profile profile = new Profile(app.process.pid(), "insights.internal.Rebuild.rebuild", pgUrl).start();
		Instant start = Instant.now();
		long t0 = System.nanoTime();
		System.out.println("rebuilding the insights read model...");
		HttpResponse<String> rebuilt;
		try {
			rebuilt = api.send(HttpRequest.newBuilder(api.uri("/api/v1/insights/rebuild"))
				.timeout(Duration.ofMinutes(intOption("rebuild-timeout", 60))).POST(HttpRequest.BodyPublishers.noBody()));
		}
		catch (HttpTimeoutException e) {
			heap.stop();
			result.put("profile", profile.stop());
			result.put("error", "POST /api/v1/insights/rebuild did not answer within " + intOption("rebuild-timeout", 60) + " minutes");
			System.out.println("  " + result.get("error"));
			return result;
		}
		result.put("profile", profile.stop());
		long rebuildRoundTrip = ms(t0);
		result.put("status", rebuilt.statusCode());
		result.put("roundTripMs", rebuildRoundTrip);
		if (rebuilt.statusCode() != 200) {
			heap.stop();
			result.put("error", "POST /api/v1/insights/rebuild answered " + rebuilt.statusCode() + ": " + shorten(rebuilt.body()));
			System.out.println("  " + result.get("error"));
			return result;
		}
		result.put("tookMillis", Json.longAt(rebuilt.body(), "tookMillis"));
		System.out.printf(Locale.ROOT, "  read model rebuilt: %s ms in the application, %,d ms round trip%n",
				result.get("tookMillis"), rebuildRoundTrip);

		// the background figures: from the API when it exists, otherwise from the log line of the round
		long deadline = System.nanoTime() + intOption("figures-timeout", 900) * 1_000_000_000L;
		Long networkMs = null;
		String networkMissing = null;
		Long logMs = null;
		Long roundMs = null;
		while (System.nanoTime() < deadline && (networkMs == null && networkMissing == null || logMs == null)) {
			if (!app.process.isAlive()) {
				throw new IllegalStateException("the application died during the figures after the rebuild; see " + app.log);
			}
			if (networkMs == null && networkMissing == null) {
				HttpResponse<String> network = api.get("/api/v1/insights/network");
				if (network.statusCode() == 200) {
					Instant computed = Json.instant(Json.find(Json.parse(network.body()), "computedAt"));
					if (computed != null && computed.isAfter(start)) {
						networkMs = ms(t0);
						result.put("networkComputedAt", computed.toString());
						result.put("networkBytes", network.body().length());
					}
				}
				else if (network.statusCode() == 404 || network.statusCode() == 405) {
					networkMissing = "GET /api/v1/insights/network answered " + network.statusCode();
				}
			}
			if (logMs == null) {
				List<Long> rounds = app.matches(FIGURES_LINE, figuresBefore);
				if (!rounds.isEmpty()) {
					logMs = ms(t0);
					roundMs = rounds.get(0);
				}
			}
			Thread.sleep(200);
		}
		// a little longer, for the heap after the round
		Thread.sleep(1000);
		heap.stop();
		result.put("networkAnsweredAfterMs", networkMs);
		if (networkMissing != null) {
			result.put("networkMissing", networkMissing);
		}
		result.put("figuresRoundLoggedAfterMs", logMs);
		result.put("figuresRoundMs", roundMs);
		Long total = networkMs != null ? networkMs : logMs;
		result.put("rebuildToFiguresMs", total);
		result.put("rebuildToFiguresFrom", networkMs != null ? "GET /api/v1/insights/network computedAt"
				: logMs != null ? "the application's log ('Insights figures computed in ...')" : "not seen");
		result.put("heap", heap.summary());
		result.put("gc", GcLog.summary(app.gcLog, gcOffset));
		result.put("loadAfter", load());
		System.out.printf(Locale.ROOT, "  figures after the rebuild: %s ms (%s); the round itself %s ms; peak heap sampled %s MiB, "
				+ "GC log: %s%n", total, result.get("rebuildToFiguresFrom"), roundMs, heap.summary().get("peakMiB"),
				result.get("gc"));
		return result;
	}

	/** Polls the heap in use from the metrics endpoint (exposed for the bench) every 200 ms. */
	final class HeapSampler {

		final String url;
		final String cookie;
		final List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
		final AtomicBoolean running = new AtomicBoolean();
		Thread thread;
		String error;

		HeapSampler(String base, String cookie) {
			this.url = base + "/actuator/metrics/jvm.memory.used?tag=area:heap";
			this.cookie = cookie;
		}

		void start() {
			running.set(true);
			long t0 = System.nanoTime();
			thread = new Thread(() -> {
				while (running.get()) {
					try {
						HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
							.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() == 200) {
							Object value = Json.at(Json.at(Json.parse(r.body()), "measurements"), "0.value");
							if (value instanceof Number n) {
								samples.add(new double[] {(System.nanoTime() - t0) / 1e6, n.doubleValue()});
							}
						}
						else if (error == null) {
							error = "metrics answered " + r.statusCode();
						}
						Thread.sleep(200);
					}
					catch (InterruptedException e) {
						return;
					}
					catch (Exception e) {
						if (error == null) {
							error = e.toString();
						}
					}
				}
			}, "heap-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		void stop() throws InterruptedException {
			running.set(false);
			thread.join(15_000);
		}

		Map<String, Object> summary() {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("samples", samples.size());
			double peak = 0;
			double peakAt = 0;
			synchronized (samples) {
				for (double[] sample : samples) {
					if (sample[1] > peak) {
						peak = sample[1];
						peakAt = sample[0];
					}
				}
			}
			s.put("peakMiB", samples.isEmpty() ? null : round(peak / 1024 / 1024));
			s.put("peakAtMs", samples.isEmpty() ? null : (long) peakAt);
			if (error != null) {
				s.put("error", error);
			}
			return s;
		}
	}

	/** Reads {@code -Xlog:gc} lines ("... Pause Young ... 812M->301M(2048M) 25.1ms") written after an offset. */
	static final class GcLog {

		static final Pattern PAUSE = Pattern.compile("(Pause [^(]+(?:\\([^)]*\\)\\s*)*)\\s*(\\d+)M->(\\d+)M\\((\\d+)M\\)\\s+([0-9.]+)ms");

		static Map<String, Object> summary(Path log, long offset) throws IOException {
			Map<String, Object> s = new LinkedHashMap<>();
			if (!Files.exists(log)) {
				s.put("error", "no GC log");
				return s;
			}
			byte[] bytes = Files.readAllBytes(log);
			String text = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
					StandardCharsets.UTF_8);
			int pauses = 0;
			int full = 0;
			long maxBefore = 0;
			long maxAfter = 0;
			long committed = 0;
			double pauseMs = 0;
			Matcher m = PAUSE.matcher(text);
			while (m.find()) {
				pauses++;
				if (m.group(1).contains("Full")) {
					full++;
				}
				maxBefore = Math.max(maxBefore, Long.parseLong(m.group(2)));
				maxAfter = Math.max(maxAfter, Long.parseLong(m.group(3)));
				committed = Math.max(committed, Long.parseLong(m.group(4)));
				pauseMs += Double.parseDouble(m.group(5));
			}
			s.put("pauses", pauses);
			s.put("fullGcs", full);
			s.put("maxBeforeGcMiB", maxBefore);
			s.put("maxAfterGcMiB", maxAfter);
			s.put("maxCommittedMiB", committed);
			s.put("pauseMs", round(pauseMs));
			return s;
		}
	}

	// ---------------------------------------------------------------- where the time goes

	/**
	 * While a rebuild or a page's load runs: samples the application's threads (jcmd Thread.print,
	 * every second) and, on PostgreSQL, the statements the database is running (pg_stat_activity,
	 * every 250 ms), and counts what they were doing. Threads count when their stack contains the
	 * marker; each is counted under its innermost org.guildhall frame and its top frame.
	 */
	final class Profile {

		final long pid;
		final String marker;
		final String jdbcUrl;
		final Map<String, Integer> guildhallFrames = new TreeMap<>();
		final Map<String, Integer> topFrames = new TreeMap<>();
		final Map<String, Integer> statements = new TreeMap<>();
		int threadSamples;
		int dbSamples;
		volatile boolean running;
		final List<Thread> threads = new ArrayList<>();

		Profile(long pid, String marker, String jdbcUrl) {
			this.pid = pid;
			this.marker = marker;
			this.jdbcUrl = jdbcUrl;
		}

		Profile start() {
			running = true;
			Thread stacks = new Thread(() -> {
				while (running) {
					try {
						Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
						String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
						jcmd.waitFor();
						for (String thread : dump.split("\n\n")) {
							if (!thread.contains(marker)) {
								continue;
							}
							String top = null;
							String ours = null;
							for (String line : thread.split("\n")) {
								String l = line.strip();
								if (!l.startsWith("at ")) {
									continue;
								}
								String frame = l.substring(3).replaceFirst("\\(.*", "");
								if (top == null) {
									top = frame;
								}
								if (ours == null && frame.startsWith("org.guildhall.")) {
									ours = frame;
								}
							}
							synchronized (this) {
								threadSamples++;
								guildhallFrames.merge(String.valueOf(ours), 1, Integer::sum);
								topFrames.merge(String.valueOf(top), 1, Integer::sum);
							}
						}
						Thread.sleep(1000);
					}
					catch (InterruptedException e) {
						return;
					}
					catch (Exception e) {
						// no jcmd or the process is gone: no samples
						return;
					}
				}
			}, "stack-sampler");
			stacks.setDaemon(true);
			stacks.start();
			threads.add(stacks);
			if (jdbcUrl != null) {
				Thread db = new Thread(() -> {
					try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
						while (running) {
							try (ResultSet rs = s.executeQuery("""
									SELECT query, wait_event FROM pg_stat_activity
									WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()""")) {
								while (rs.next()) {
									String q = rs.getString(1).replaceAll("\\s+", " ").strip();
									String key = (q.length() > 160 ? q.substring(0, 160) + "..." : q)
											+ (rs.getString(2) == null ? "" : " [wait " + rs.getString(2) + "]");
									synchronized (this) {
										dbSamples++;
										statements.merge(key, 1, Integer::sum);
									}
								}
							}
							Thread.sleep(250);
						}
					}
					catch (Exception e) {
						// the database went away: no more samples
					}
				}, "db-sampler");
				db.setDaemon(true);
				db.start();
				threads.add(db);
			}
			return this;
		}

		synchronized Map<String, Object> stop() throws InterruptedException {
			running = false;
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("threadSamples", threadSamples);
			out.put("topGuildhallFrames", top(guildhallFrames, threadSamples, 8));
			out.put("topFrames", top(topFrames, threadSamples, 8));
			if (jdbcUrl != null) {
				out.put("databaseSamples", dbSamples);
				out.put("topStatements", top(statements, dbSamples, 8));
			}
			return out;
		}

		List<String> top(Map<String, Integer> counts, int total, int n) {
			return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
				.map(e -> String.format(Locale.ROOT, "%3.0f%% %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey())).toList();
		}
	}

	// ---------------------------------------------------------------- employees

	record Employee(Seeder.EmployeeSeed seed, Client api) {
	}

	/**
	 * An account for a person of the directory, as an administrator makes one: a one-time password
	 * link from the accounts page, the password set through it, a sign-in and a personal token.
	 */
	Employee employee(String base, Session admin, Seeder.EmployeeSeed seed) throws Exception {
		HttpResponse<String> accounts = admin.get("/admin/accounts");
		expect(accounts, 200, "accounts page");
		HttpResponse<String> issued = admin.post("/admin/accounts/password-link", form("email", seed.email(), "_csrf",
				csrf(accounts.body())));
		if (issued.statusCode() != 302) {
			throw new IllegalStateException("password link for " + seed.email() + " answered " + issued.statusCode());
		}
		HttpResponse<String> shown = admin.get("/admin/accounts");
		Matcher link = Pattern.compile("/password\\?token=([A-Za-z0-9_\\-]+)").matcher(shown.body());
		if (!link.find()) {
			throw new IllegalStateException("no password link on the accounts page for " + seed.email());
		}
		String secret = link.group(1);
		Session anonymous = new Session(this, base);
		HttpResponse<String> page = anonymous.get("/password?token=" + secret);
		HttpResponse<String> set = anonymous.post("/password", form("token", secret, "password", EMPLOYEE_PASSWORD, "passwordAgain",
				EMPLOYEE_PASSWORD, "_csrf", csrf(page.body())));
		if (set.statusCode() != 302 || !set.headers().firstValue("Location").orElse("").contains("passwordSet")) {
			throw new IllegalStateException("setting the password of " + seed.email() + " answered " + set.statusCode() + " "
					+ set.headers().firstValue("Location").orElse(shorten(set.body())));
		}
		Session session = Session.signIn(this, base, seed.email(), EMPLOYEE_PASSWORD);
		return new Employee(seed, new Client(base, issueToken(session)));
	}

	// ---------------------------------------------------------------- load

	/** One request's outcome: when it started, how long it took, its status (0 = failed) and size. */
	record Sample(long startNanos, double ms, int status, long bytes, String error) {
	}

	/**
	 * Probes the URL once; a 404 (or any answer other than 200) is reported and the URL skipped.
	 * Otherwise closed-loop load: one thread per user, each sending the next request as soon as the
	 * previous answer is read (no think time), for the warm-up and then the measured period; only
	 * requests started in the measured period count.
	 */
	Map<String, Object> loadTest(Target target, String path, String base, List<String> auth, App app) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("who", target.who().label());
		result.put("url", path);
		result.put("users", auth.size());
		Duration timeout = Duration.ofSeconds(intOption("request-timeout", 30));
		long p0 = System.nanoTime();
		// a slow page still gets measured: the first answer may take longer than a request under load may
		Fetched probe = fetch(base + path, auth.get(0), Duration.ofSeconds(Math.max(120, timeout.toSeconds())));
		result.put("probeStatus", probe.status);
		result.put("probeMs", round((System.nanoTime() - p0) / 1e6));
		if (probe.status != 200) {
			String why = probe.status == 404 ? "missing (404)"
					: probe.status == 0 ? "failed: " + probe.error
					: "answered " + probe.status + (probe.location == null ? "" : " to " + probe.location);
			result.put("skipped", why);
			if (probe.snippet != null) {
				result.put("probeBody", probe.snippet);
			}
			System.out.printf(Locale.ROOT, "%-52s %s: not measured%n", target.who().label() + " " + path, why);
			return result;
		}
		// one request after 6 s without any: the insights' 5-second caches (dashboards, fairness) have expired, so this is
		// what computing the page costs; under load most answers come from the cache and the percentiles hide it
		Thread.sleep(6000);
		long c0 = System.nanoTime();
		Fetched cold = fetch(base + path, auth.get(0), Duration.ofSeconds(Math.max(120, timeout.toSeconds())));
		result.put("coldMs", cold.status == 200 ? round((System.nanoTime() - c0) / 1e6) : null);
		int warmup = intOption("warmup", 10);
		int duration = intOption("duration", 20);
		Profile profile = null;
		result.put("warmupSeconds", warmup);
		result.put("durationSeconds", duration);
		result.put("loadBefore", load());
		long begin = System.nanoTime();
		long measureFrom = begin + warmup * 1_000_000_000L;
		long measureTo = measureFrom + duration * 1_000_000_000L;
		List<List<Sample>> perUser = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		Map<String, Object> midway = Collections.synchronizedMap(new LinkedHashMap<>());
		AtomicBoolean midwayTaken = new AtomicBoolean();
		for (int u = 0; u < auth.size(); u++) {
			List<Sample> samples = new ArrayList<>();
			perUser.add(samples);
			String header = auth.get(u);
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < measureTo && app.process.isAlive()) {
					long t = System.nanoTime();
					Fetched f = fetch(base + path, header, timeout);
					samples.add(new Sample(t, (System.nanoTime() - t) / 1e6, f.status, f.bytes, f.error));
					if (System.nanoTime() > measureFrom + (measureTo - measureFrom) / 2 && midwayTaken.compareAndSet(false, true)) {
						midway.putAll(load());
					}
				}
			}, "user-" + u);
			threads.add(thread);
			thread.start();
		}
		Thread.sleep(Math.min(warmup * 1000L, Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000)));
		// sampling runs jcmd (a JVM start and a safepoint in the app) every second: only when asked
		boolean sample = Boolean.parseBoolean(option("profile-pages", "false"));
		result.put("profiled", sample);
		profile = sample ? new Profile(app.process.pid(), "org.guildhall.", pgUrl).start() : null;
		for (Thread thread : threads) {
			thread.join();
		}
		if (profile != null) {
			result.put("profile", profile.stop());
		}
		List<Double> ok = new ArrayList<>();
		Map<String, Integer> errors = new TreeMap<>();
		long bytes = 0;
		int measured = 0;
		int warmupRequests = 0;
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
		double seconds = includesWarmup ? (System.nanoTime() - begin) / 1e9 : Math.max(duration, (System.nanoTime() - measureFrom) / 1e9);
		result.put("includesWarmup", includesWarmup);
		result.put("warmupRequests", warmupRequests);
		result.put("requests", measured);
		result.put("errors", measured - ok.size());
		if (!errors.isEmpty()) {
			result.put("errorKinds", errors);
		}
		result.put("requestsPerSecond", round(ok.size() / seconds));
		result.put("meanBytes", ok.isEmpty() ? 0 : bytes / ok.size());
		Map<String, Object> latency = Stats.of(ok);
		result.put("latencyMs", latency);
		result.put("loadDuring", new LinkedHashMap<>(midway));
		result.put("applicationAlive", app.process.isAlive());
		System.out.printf(Locale.ROOT, "%-52s %6d req  p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f  cold %7.1f ms  %3d errors  %,8d B  load %s%n",
				target.who().label() + " " + path, measured, Stats.num(latency.get("p50")),
				Stats.num(latency.get("p95")), Stats.num(latency.get("p99")), Stats.num(latency.get("max")),
				Stats.num(result.get("coldMs")), measured - ok.size(), result.get("meanBytes"), midway.get("load1"));
		return result;
	}

	record Fetched(int status, long bytes, String error, String location, String snippet) {
	}

	/** GETs a URL with one header ("Name: value"), reading the body to the end without keeping it. */
	Fetched fetch(String url, String header, Duration timeout) {
		int colon = header.indexOf(':');
		try {
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header(header.substring(0, colon), header.substring(colon + 1).strip())
				.header("Accept", url.contains("/api/") ? "application/json" : "text/html").timeout(timeout).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			long bytes = 0;
			byte[] head = new byte[0];
			try (InputStream in = response.body()) {
				byte[] buffer = new byte[1 << 16];
				int n;
				while ((n = in.read(buffer)) > 0) {
					if (bytes == 0 && response.statusCode() != 200) {
						head = Arrays.copyOf(buffer, Math.min(n, 400));
					}
					bytes += n;
				}
			}
			return new Fetched(response.statusCode(), bytes, null, response.headers().firstValue("Location").orElse(null),
					head.length == 0 ? null : new String(head, StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException e) {
			return new Fetched(0, 0, "timeout after " + timeout.toSeconds() + " s", null, null);
		}
		catch (IOException e) {
			return new Fetched(0, 0, e.getClass().getSimpleName(), null, null);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Fetched(0, 0, "interrupted", null, null);
		}
	}

	// ---------------------------------------------------------------- incremental updates

	/**
	 * For each bench employee, one after the other: enrols in an open programme, ends their active
	 * mentorship early, and gives kudos to someone nobody has learned from yet; after each, polls the
	 * figure that should change (as the administrator, through the API) every 100 ms until it does.
	 * The delay is counted from the moment the employee's request was answered.
	 */
	Map<String, Object> incremental(App app, Client admin, List<Employee> employees, Seeder.Seeded seeded, String jdbcUrl)
			throws Exception {
		this.probeUrl = jdbcUrl;
		Map<String, Object> result = new LinkedHashMap<>();
		List<Map<String, Object>> enrol = new ArrayList<>();
		List<Map<String, Object>> ended = new ArrayList<>();
		List<Map<String, Object>> kudos = new ArrayList<>();
		result.put("enrolment", enrol);
		result.put("endedEarly", ended);
		result.put("kudos", kudos);
		int timeout = intOption("incremental-timeout", 120);
		for (int i = 0; i < employees.size(); i++) {
			Employee e = employees.get(i);
			long programme = seeded.enrollingProgrammeIds().get(i % seeded.enrollingProgrammeIds().size());
			String dashboard = "/api/v1/insights/dashboard?programme=" + programme;
			probe = "SELECT COUNT(*) FROM insight_enrolment WHERE programme_id = " + programme + " AND person_id = " + e.seed.personId();
			enrol.add(watch(admin, dashboard, "funnel.enrolled.value", null, timeout, () -> e.api.send(HttpRequest.newBuilder(
					e.api.uri("/api/v1/programmes/" + programme + "/enrolments")).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"MENTEE\",\"goals\":\"Get better at giving feedback\","
						+ "\"capacity\":0,\"answers\":[]}"))), 201, "enrol in programme " + programme));
			String large = "/api/v1/insights/dashboard?programme=" + seeded.largeProgrammeId();
			probe = "SELECT COUNT(*) FROM insight_pair WHERE status = 'ENDED_EARLY' AND mentorship_id = " + e.seed.mentorshipId();
			ended.add(watch(admin, large, "pairs.endedEarly.value", null, timeout, () -> e.api.send(HttpRequest.newBuilder(
					e.api.uri("/api/v1/mentorships/" + e.seed.mentorshipId() + "/end")).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Moved to a new team after the reorganisation\"}"))), 200,
					"end mentorship " + e.seed.mentorshipId() + " early"));
			probe = "SELECT COUNT(*) FROM insight_link WHERE kind = 'KUDOS' AND learner_id = " + e.seed.personId() + " AND teacher_id = "
					+ e.seed.kudosReceiverId();
			kudos.add(watch(admin, "/api/v1/insights/network", "organisation.links.value", "computedAt", timeout * 5,
					() -> e.api.send(HttpRequest.newBuilder(e.api.uri("/api/v1/community/kudos")).header("Content-Type",
							"application/json").POST(HttpRequest.BodyPublishers.ofString("{\"receiverId\":" + e.seed.kudosReceiverId()
									+ ",\"skill\":" + Json.write(e.seed.kudosSkill()) + ",\"message\":\"Thanks for walking me through it\"}"))),
					201, "kudos to " + e.seed.kudosReceiverId(), app));
		}
		for (Map.Entry<String, Object> entry : new ArrayList<>(result.entrySet())) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> runs = (List<Map<String, Object>>) entry.getValue();
			List<Double> delays = new ArrayList<>();
			for (Map<String, Object> run : runs) {
				if (run.get("visibleAfterMs") instanceof Number n) {
					delays.add(n.doubleValue());
				}
			}
			result.put(entry.getKey() + "Summary", Map.of("seen", delays.size(), "of", runs.size(), "maxMs",
					delays.isEmpty() ? -1 : Collections.max(delays), "medianMs", delays.isEmpty() ? -1 : Stats.percentile(sorted(delays), 50)));
		}
		return result;
	}

	interface Action {
		HttpResponse<String> run() throws Exception;
	}

	/** The database being measured, when it is PostgreSQL (for the profile's statement samples). */
	String pgUrl;

	/** PostgreSQL only: the read model itself is polled too, to tell the event's lag from the page's cache. */
	String probeUrl;
	/** A query counting the read model's rows that show the change about to be made (0 before, 1 after). */
	String probe;

	/** Polls the probe query every 50 ms in the background; the result holds when it first counted a row (ms after start). */
	final class ReadModelProbe extends Thread {

		final String sql;
		final long t0 = System.nanoTime();
		volatile boolean stop;
		volatile Long seenAfterMs;
		volatile String error;

		ReadModelProbe(String sql) {
			super("read-model-probe");
			this.sql = sql;
			setDaemon(true);
		}

		@Override
		public void run() {
			try (Connection c = DriverManager.getConnection(probeUrl, "postgres", ""); Statement s = c.createStatement()) {
				while (!stop && seenAfterMs == null) {
					try (ResultSet rs = s.executeQuery(sql)) {
						if (rs.next() && rs.getLong(1) > 0) {
							seenAfterMs = ms(t0);
						}
					}
					Thread.sleep(50);
				}
			}
			catch (Exception e) {
				error = e.toString();
			}
		}
	}

	Map<String, Object> watch(Client admin, String path, String figure, String stampKey, int timeoutSeconds, Action action,
			int expected, String what) throws Exception {
		return watch(admin, path, figure, stampKey, timeoutSeconds, action, expected, what, null);
	}

	/**
	 * Reads a figure, does the action, and polls the figure until it differs (and, with a stamp key,
	 * until the stamp is later than the action). Without the API (404) and with an app given, falls
	 * back to the log: the first figures round that started after the action.
	 */
	Map<String, Object> watch(Client admin, String path, String figure, String stampKey, int timeoutSeconds, Action action,
			int expected, String what, App app) throws Exception {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("action", what);
		r.put("poll", path + " → " + figure);
		HttpResponse<String> before = admin.get(path);
		r.put("pollStatus", before.statusCode());
		Object baseline = before.statusCode() == 200 ? Json.at(Json.parse(before.body()), figure) : null;
		r.put("before", baseline);
		int figuresBefore = app == null ? 0 : app.count(FIGURES_LINE);
		Instant actionAt = Instant.now();
		HttpResponse<String> done = action.run();
		long t0 = System.nanoTime();
		ReadModelProbe readModel = probeUrl == null || probe == null ? null : new ReadModelProbe(probe);
		if (readModel != null) {
			readModel.start();
		}
		try {
			return poll(r, admin, path, figure, stampKey, timeoutSeconds, expected, what, app, before, baseline, figuresBefore,
					actionAt, done, t0);
		}
		finally {
			if (readModel != null) {
				readModel.stop = true;
				readModel.join(10_000);
				r.put("readModelAfterMs", readModel.seenAfterMs);
				if (readModel.error != null) {
					r.put("readModelProbeError", readModel.error);
				}
			}
		}
	}

	Map<String, Object> poll(Map<String, Object> r, Client admin, String path, String figure, String stampKey, int timeoutSeconds,
			int expected, String what, App app, HttpResponse<String> before, Object baseline, int figuresBefore, Instant actionAt,
			HttpResponse<String> done, long t0) throws Exception {
		r.put("actionStatus", done.statusCode());
		r.put("actionMs", Duration.between(actionAt, Instant.now()).toMillis());
		if (done.statusCode() != expected) {
			r.put("error", what + " answered " + done.statusCode() + ": " + shorten(done.body()));
			System.out.println("  " + r.get("error"));
			return r;
		}
		if (before.statusCode() != 200 && app == null) {
			r.put("error", "GET " + path + " answered " + before.statusCode() + "; nothing to poll");
			System.out.println("  " + what + ": " + r.get("error"));
			return r;
		}
		long deadline = t0 + timeoutSeconds * 1_000_000_000L;
		int polls = 0;
		while (System.nanoTime() < deadline) {
			if (before.statusCode() == 200) {
				HttpResponse<String> now = admin.get(path);
				polls++;
				if (now.statusCode() == 200) {
					Object parsed = Json.parse(now.body());
					Object value = Json.at(parsed, figure);
					Instant stamp = stampKey == null ? null : Json.instant(Json.find(parsed, stampKey));
					boolean later = stampKey == null || stamp != null && stamp.isAfter(actionAt);
					if (later && !java.util.Objects.equals(value, baseline)) {
						r.put("after", value);
						r.put("visibleAfterMs", ms(t0));
						r.put("polls", polls);
						break;
					}
					if (later && stampKey != null && !r.containsKey("recomputedAfterMs")) {
						// recomputed after the action but the figure did not move (yet)
						r.put("recomputedAfterMs", ms(t0));
					}
				}
			}
			else {
				List<Long> rounds = app.matchesWithTimes(FIGURES_LINE, figuresBefore, t0);
				if (!rounds.isEmpty()) {
					r.put("visibleAfterMs", rounds.get(0));
					r.put("from", "the application's log: the first figures round that started after the action (" + path
							+ " answered " + before.statusCode() + ")");
					break;
				}
			}
			Thread.sleep(100);
		}
		if (!r.containsKey("visibleAfterMs")) {
			r.put("error", "no change within " + timeoutSeconds + " s");
		}
		System.out.printf(Locale.ROOT, "  %-40s %-55s %s%n", what, r.get("poll"),
				r.containsKey("visibleAfterMs") ? "visible after " + r.get("visibleAfterMs") + " ms (" + baseline + " → "
						+ r.getOrDefault("after", "?") + ")" : r.get("error"));
		return r;
	}

	// ---------------------------------------------------------------- the application

	/** The application as a child process, with its log and GC log in the database's directory. */
	static final class App {

		final Process process;
		final String base;
		final Path log;
		final Path gcLog;
		long startedMs;
		/** When each log line of interest was first seen by {@link #matchesWithTimes}. */
		final Map<Integer, Long> seenAt = new HashMap<>();

		App(Process process, String base, Path log, Path gcLog) {
			this.process = process;
			this.base = base;
			this.log = log;
			this.gcLog = gcLog;
		}

		static App start(InsightsBench bench, String db, Path jar, String url, Path dir, String logName) throws Exception {
			int port = freePort(bench.intOption("port", 18290));
			Path log = dir.resolve(logName);
			Path gcLog = dir.resolve(logName.replace(".log", "-gc.log"));
			List<String> command = new ArrayList<>(List.of("java", "-Xmx" + bench.setting("xmx"),
					"-Xlog:gc:file=" + gcLog + ":uptime", "-jar", jar.toString(), "--server.port=" + port,
					"--management.endpoints.web.exposure.include=health,info,metrics",
					// the bench signs in 10 administrator and 10 employee sessions from one address
					"--guildhall.sign-in.attempts-per-address=100000", "--guildhall.sign-in.attempts-per-account=1000"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			Map<String, String> env = builder.environment();
			env.put("GUILDHALL_DEMO_ENABLED", "false");
			env.put("GUILDHALL_ADMIN_EMAIL", ADMIN_EMAIL);
			env.put("GUILDHALL_ADMIN_PASSWORD", ADMIN_PASSWORD);
			// semantic search would embed 300,000 texts on two cores for most of an hour; insights do not use it
			env.put("GUILDHALL_COMMUNITY_SEMANTIC_ENABLED", "false");
			env.put("GUILDHALL_COMMUNITY_POSTS_PER_MINUTE", "100000");
			env.put("SPRING_DATASOURCE_URL", url);
			if (db.equals("postgres")) {
				env.put("SPRING_PROFILES_ACTIVE", "postgres");
				env.put("SPRING_DATASOURCE_USERNAME", "postgres");
				env.put("SPRING_DATASOURCE_PASSWORD", "");
			}
			else {
				env.put("SPRING_DATASOURCE_USERNAME", "sa");
				env.put("SPRING_DATASOURCE_PASSWORD", "");
			}
			long t0 = System.nanoTime();
			App app = new App(builder.start(), "http://127.0.0.1:" + port, log, gcLog);
			bench.waitFor(app.base + "/actuator/health", app.process, log);
			app.startedMs = ms(t0);
			System.out.printf(Locale.ROOT, "application answering on %s after %,d ms (log %s)%n", app.base, app.startedMs, log);
			return app;
		}

		int count(Pattern pattern) throws IOException {
			return matches(pattern, 0).size();
		}

		/** The first group (a number) of every match after the first {@code skip} matches. */
		List<Long> matches(Pattern pattern, int skip) throws IOException {
			List<Long> found = new ArrayList<>();
			Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
			int i = 0;
			while (m.find()) {
				if (i++ >= skip) {
					found.add(Long.parseLong(m.group(1)));
				}
			}
			return found;
		}

		/**
		 * For figures rounds logged after the first {@code skip}: the moment the round started
		 * (first seen minus its own duration), relative to {@code t0}, for rounds that started after
		 * t0; so the first element is when the first round that could include a change made at t0
		 * was done, counted from t0.
		 */
		List<Long> matchesWithTimes(Pattern pattern, int skip, long t0) throws IOException {
			List<Long> found = new ArrayList<>();
			Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
			int i = 0;
			while (m.find()) {
				int index = i++;
				if (index < skip) {
					continue;
				}
				long seen = seenAt.computeIfAbsent(index, k -> System.nanoTime());
				long took = Long.parseLong(m.group(1)) * 1_000_000L;
				if (seen - took >= t0) {
					found.add((seen - t0) / 1_000_000);
				}
			}
			return found;
		}

		void stop() throws InterruptedException {
			List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
			Collections.reverse(family);
			family.add(process.toHandle());
			for (ProcessHandle handle : family) {
				handle.destroy();
			}
			for (ProcessHandle handle : family) {
				try {
					handle.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception e) {
					handle.destroyForcibly();
				}
			}
		}
	}

	void waitFor(String url, Process process, Path log) throws Exception {
		long deadline = System.nanoTime() + 900_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the application exited; see " + log);
			}
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (ConnectException | HttpTimeoutException e) {
				// not yet
			}
			Thread.sleep(300);
		}
		throw new IllegalStateException("no answer from " + url + "; see " + log);
	}

	// ---------------------------------------------------------------- HTTP plumbing

	/** A browser session: cookies (session and CSRF), signed in through the login form. */
	static final class Session {

		final InsightsBench bench;
		final String base;
		final Map<String, String> cookies = new LinkedHashMap<>();

		Session(InsightsBench bench, String base) {
			this.bench = bench;
			this.base = base;
		}

		static Session signIn(InsightsBench bench, String base, String email, String password) throws Exception {
			Session s = new Session(bench, base);
			HttpResponse<String> login = s.get("/login");
			HttpResponse<String> signedIn = s.post("/login", form("username", email, "password", password, "_csrf", csrf(login.body())));
			String target = signedIn.headers().firstValue("Location").orElse("");
			if (signedIn.statusCode() != 302 || target.contains("error") || target.contains("throttled")) {
				throw new IllegalStateException("sign-in as " + email + " failed: " + signedIn.statusCode() + " " + target);
			}
			return s;
		}

		String cookieHeader() {
			return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(path, null);
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			return send(path, form);
		}

		HttpResponse<String> send(String path, String form) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookieHeader());
			}
			if (form != null) {
				request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
			}
			HttpResponse<String> response = bench.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
			return response;
		}
	}

	/** Creates a personal access token on the tokens page of a signed-in session. */
	String issueToken(Session session) throws Exception {
		HttpResponse<String> tokens = session.get("/account/tokens");
		HttpResponse<String> created = session.post("/account/tokens",
				form("name", "insights bench " + System.nanoTime(), "validDays", "2", "_csrf", csrf(tokens.body())));
		Matcher secret = Pattern.compile("(ghp_[A-Za-z0-9_\\-]+)").matcher(created.body());
		if (!secret.find()) {
			throw new IllegalStateException("no token in the answer: " + created.statusCode() + " " + shorten(created.body()));
		}
		return secret.group(1);
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
			HttpRequest built = request.header("Authorization", "Bearer " + token).build();
			if (built.timeout().isEmpty()) {
				built = HttpRequest.newBuilder(built, (n, v) -> true).timeout(Duration.ofSeconds(300)).build();
			}
			return http.send(built, HttpResponse.BodyHandlers.ofString());
		}
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
			throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + shorten(response.body()));
		}
	}

	static String shorten(String text) {
		return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "..." : text;
	}

	static int freePort(int wanted) {
		for (int port = wanted; port < wanted + 100; port++) {
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
		List<String> command = new ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v",
				"ON_ERROR_STOP=1", "-q"));
		for (String statement : statements) {
			command.add("-c");
			command.add(statement);
		}
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + String.join("; ", statements));
		}
	}

	static long ms(long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static List<Double> sorted(List<Double> values) {
		List<Double> copy = new ArrayList<>(values);
		Collections.sort(copy);
		return copy;
	}

	/** The machine's load average ({@code /proc/loadavg}) now. */
	static Map<String, Object> load() {
		Map<String, Object> load = new LinkedHashMap<>();
		load.put("at", OffsetDateTime.now(ZoneOffset.UTC).toString());
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

	Map<String, Object> machine() {
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
	String tables() {
		StringBuilder out = new StringBuilder();
		Map<String, Object> settings = (Map<String, Object>) results.get("settings");
		out.append(String.format(Locale.ROOT, "Insights benchmark, %s, commit %s, %s%n", results.get("when"),
				((Map<String, Object>) results.get("machine")).get("commit"), settings.get("peopleFile")));
		for (Map<String, Object> db : (List<Map<String, Object>>) results.get("databases")) {
			out.append(String.format(Locale.ROOT, "%n== %s%n", db.get("database")));
			Map<String, Object> data = (Map<String, Object>) db.get("data");
			Map<String, Object> people = (Map<String, Object>) db.get("people");
			if (people != null) {
				out.append("people: ").append(people.get("history")).append(", ").append(people.get("importMs")).append(" ms\n");
			}
			if (data != null && data.containsKey("reused")) {
				out.append("data (reused from an earlier run): ").append(data).append('\n');
			}
			else if (data != null) {
				out.append(String.format(Locale.ROOT,
						"data: %,d active people (%s%% without any link), %s programmes (largest %s: %,d pairs), %,d mentorships %s,%n"
								+ "      %,d meetings, %,d goals, %,d ratings, %,d posts (%s), %,d learning links %s%n",
						data.get("people"), data.get("isolatedPercent"), data.get("programmes"), data.get("largeProgrammeId"),
						data.get("largeProgrammePairs"), data.get("mentorships"), data.get("mentorshipsByStatus"), data.get("meetings"),
						data.get("goals"), data.get("ratings"), data.get("posts"), data.get("postsByKind"), data.get("links"),
						data.get("linksByKind")));
			}
			if (db.containsKey("error")) {
				out.append("FAILED: ").append(db.get("error")).append('\n');
			}
			if (Boolean.TRUE.equals(db.get("outOfMemory"))) {
				out.append("OUT OF MEMORY in the application (see ").append(db.get("appLog")).append(")\n");
			}
			Map<String, Object> rebuild = (Map<String, Object>) db.get("rebuild");
			if (rebuild != null) {
				Map<String, Object> heap = (Map<String, Object>) rebuild.getOrDefault("heap", Map.of());
				Map<String, Object> gc = (Map<String, Object>) rebuild.getOrDefault("gc", Map.of());
				if (rebuild.containsKey("error")) {
					out.append("rebuild: ").append(rebuild.get("error")).append('\n');
				}
				else {
					out.append(String.format(Locale.ROOT,
							"rebuild (target < 60 s, < 2 GiB): read model %s ms (round trip %s ms); figures served after %s ms from the start"
									+ " [%s]; figures round %s ms%n",
							rebuild.get("tookMillis"), rebuild.get("roundTripMs"), rebuild.get("rebuildToFiguresMs"),
							rebuild.get("rebuildToFiguresFrom"), rebuild.get("figuresRoundMs")));
					out.append(String.format(Locale.ROOT,
							"  heap: peak sampled %s MiB (%s samples); GC log: max before GC %s MiB, max after GC %s MiB, %s pauses, %s full GCs%n",
							heap.get("peakMiB"), heap.get("samples"), gc.get("maxBeforeGcMiB"), gc.get("maxAfterGcMiB"), gc.get("pauses"),
							gc.get("fullGcs")));
					if (rebuild.containsKey("networkMissing")) {
						out.append("  ").append(rebuild.get("networkMissing")).append(": figures time from the log instead\n");
					}
					profile(out, (Map<String, Object>) rebuild.get("profile"), 5);
				}
			}
			List<Map<String, Object>> pages = (List<Map<String, Object>>) db.get("pages");
			if (pages != null) {
				out.append(String.format(Locale.ROOT, "%nPages at %s concurrent users, %s s warm-up + %s s measured (target p95 < 100 ms); ms;"
						+ " cold = one request after 6 s without any (5-s caches expired)%n",
						settings.get("users"), settings.get("warmup"), settings.get("duration")));
				out.append(String.format(Locale.ROOT, "%-14s %-50s %7s %8s %8s %8s %8s %8s %7s %9s %6s%n", "who", "url", "req", "p50", "p95",
						"p99", "max", "cold", "errors", "bytes", "load1"));
				for (Map<String, Object> page : pages) {
					if (page.containsKey("skipped")) {
						out.append(String.format(Locale.ROOT, "%-14s %-50s %s%n", page.get("who"), page.get("url"),
								"NOT MEASURED: " + page.get("skipped")));
						continue;
					}
					Map<String, Object> latency = (Map<String, Object>) page.get("latencyMs");
					Map<String, Object> during = (Map<String, Object>) page.getOrDefault("loadDuring", Map.of());
					double p95 = Stats.num(latency.get("p95"));
					out.append(String.format(Locale.ROOT, "%-14s %-50s %7s %8.1f %8.1f %8.1f %8.1f %8.1f %7s %9s %6s%s%n", page.get("who"),
							page.get("url"), page.get("requests"), Stats.num(latency.get("p50")), p95, Stats.num(latency.get("p99")),
							Stats.num(latency.get("max")), Stats.num(page.get("coldMs")), page.get("errors"), page.get("meanBytes"),
							during.get("load1"), p95 >= 100 ? "  over target" : ""));
					if (page.containsKey("errorKinds")) {
						out.append("          errors: ").append(page.get("errorKinds")).append('\n');
					}
					if (p95 >= 100) {
						profile(out, (Map<String, Object>) page.get("profile"), 3);
					}
				}
			}
			Map<String, Object> incremental = (Map<String, Object>) db.get("incremental");
			if (incremental != null) {
				out.append("\nIncremental updates (target: visible within 5 s of the event; ms from the write's answer; the read model"
						+ " is polled with SQL on PostgreSQL only)\n");
				for (String kind : List.of("enrolment", "endedEarly", "kudos")) {
					List<Map<String, Object>> runs = (List<Map<String, Object>>) incremental.get(kind);
					if (runs == null) {
						continue;
					}
					for (Map<String, Object> run : runs) {
						out.append(String.format(Locale.ROOT, "  %-38s %-62s %s%n", run.get("action"), run.get("poll"),
								(run.containsKey("visibleAfterMs") ? run.get("visibleAfterMs") + " ms (" + run.get("before") + " → "
										+ run.getOrDefault("after", "?") + ")" + (run.containsKey("from") ? " [log]" : "")
										: "NOT SEEN: " + run.get("error"))
										+ (run.get("readModelAfterMs") == null ? "" : "; in the read model after " + run.get("readModelAfterMs") + " ms")));
					}
				}
			}
		}
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	static void profile(StringBuilder out, Map<String, Object> profile, int n) {
		if (profile == null) {
			return;
		}
		for (String key : List.of("topGuildhallFrames", "topStatements")) {
			List<String> lines = (List<String>) profile.get(key);
			if (lines == null || lines.isEmpty()) {
				continue;
			}
			out.append(key.equals("topStatements") ? "      database was running (share of " + profile.get("databaseSamples") + " samples):\n"
					: "      application threads were in (share of " + profile.get("threadSamples") + " thread samples):\n");
			lines.stream().limit(n).forEach(line -> out.append("        ").append(line).append('\n'));
		}
	}

	// ---------------------------------------------------------------- statistics and JSON

	static final class Stats {

		static Map<String, Object> of(List<Double> values) {
			List<Double> s = sorted(values);
			Map<String, Object> stats = new LinkedHashMap<>();
			stats.put("n", s.size());
			stats.put("p50", round(percentile(s, 50)));
			stats.put("p95", round(percentile(s, 95)));
			stats.put("p99", round(percentile(s, 99)));
			stats.put("max", round(s.isEmpty() ? 0 : s.get(s.size() - 1)));
			stats.put("mean", round(s.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
			return stats;
		}

		/** Nearest-rank percentile of sorted values. */
		static double percentile(List<Double> sorted, double p) {
			if (sorted.isEmpty()) {
				return 0;
			}
			int rank = (int) Math.ceil(p / 100 * sorted.size());
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
		}

		static double num(Object value) {
			return value instanceof Number n ? n.doubleValue() : Double.NaN;
		}
	}

	/** Just enough JSON: a parser for the API's answers (maps, lists, strings, numbers) and a writer for the results. */
	static final class Json {

		static Object parse(String text) {
			try {
				Parser p = new Parser(text);
				Object value = p.value();
				return value;
			}
			catch (RuntimeException e) {
				return null;
			}
		}

		/** The value at a dotted path ("pairs.endedEarly.value", "measurements.0.value"), or null. */
		static Object at(Object json, String path) {
			Object node = json;
			for (String part : path.split("\\.")) {
				if (node instanceof Map<?, ?> map) {
					node = map.get(part);
				}
				else if (node instanceof List<?> list && part.matches("\\d+") && Integer.parseInt(part) < list.size()) {
					node = list.get(Integer.parseInt(part));
				}
				else {
					return null;
				}
			}
			return node;
		}

		static String stringAt(String body, String path) {
			Object value = at(parse(body), path);
			if (value == null && path.contains(".")) {
				value = at(parse(body), path.substring(path.lastIndexOf('.') + 1));
			}
			return value == null ? null : value.toString();
		}

		static Long longAt(String body, String path) {
			return at(parse(body), path) instanceof Number n ? n.longValue() : null;
		}

		/** The first value under {@code key} anywhere in the tree (depth first). */
		static Object find(Object json, String key) {
			if (json instanceof Map<?, ?> map) {
				if (map.containsKey(key)) {
					return map.get(key);
				}
				for (Object child : map.values()) {
					Object found = find(child, key);
					if (found != null) {
						return found;
					}
				}
			}
			else if (json instanceof List<?> list) {
				for (Object child : list) {
					Object found = find(child, key);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}

		/** An instant written as ISO-8601 text or as epoch seconds with a fraction. */
		static Instant instant(Object value) {
			if (value instanceof String s) {
				try {
					return Instant.parse(s);
				}
				catch (DateTimeParseException e) {
					try {
						return OffsetDateTime.parse(s).toInstant();
					}
					catch (DateTimeParseException e2) {
						return null;
					}
				}
			}
			if (value instanceof Number n) {
				double seconds = n.doubleValue();
				return Instant.ofEpochSecond((long) seconds, (long) ((seconds - Math.floor(seconds)) * 1e9));
			}
			return null;
		}

		static final class Parser {

			final String s;
			int i;

			Parser(String s) {
				this.s = s;
			}

			Object value() {
				skip();
				char c = s.charAt(i);
				if (c == '{') {
					Map<String, Object> map = new LinkedHashMap<>();
					i++;
					skip();
					if (s.charAt(i) == '}') {
						i++;
						return map;
					}
					while (true) {
						skip();
						String key = string();
						skip();
						i++; // :
						map.put(key, value());
						skip();
						if (s.charAt(i++) == '}') {
							return map;
						}
					}
				}
				if (c == '[') {
					List<Object> list = new ArrayList<>();
					i++;
					skip();
					if (s.charAt(i) == ']') {
						i++;
						return list;
					}
					while (true) {
						list.add(value());
						skip();
						if (s.charAt(i++) == ']') {
							return list;
						}
					}
				}
				if (c == '"') {
					return string();
				}
				if (s.startsWith("true", i)) {
					i += 4;
					return true;
				}
				if (s.startsWith("false", i)) {
					i += 5;
					return false;
				}
				if (s.startsWith("null", i)) {
					i += 4;
					return null;
				}
				int start = i;
				while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
					i++;
				}
				String number = s.substring(start, i);
				if (number.isEmpty()) {
					throw new IllegalArgumentException("unexpected " + c + " at " + start);
				}
				return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
			}

			String string() {
				StringBuilder out = new StringBuilder();
				i++; // opening quote
				while (true) {
					char c = s.charAt(i++);
					if (c == '"') {
						return out.toString();
					}
					if (c == '\\') {
						char e = s.charAt(i++);
						switch (e) {
							case 'n' -> out.append('\n');
							case 't' -> out.append('\t');
							case 'r' -> out.append('\r');
							case 'b' -> out.append('\b');
							case 'f' -> out.append('\f');
							case 'u' -> {
								out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
								i += 4;
							}
							default -> out.append(e);
						}
					}
					else {
						out.append(c);
					}
				}
			}

			void skip() {
				while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
					i++;
				}
			}
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
			else if (value == null || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
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

	// ---------------------------------------------------------------- the older people file (history)

	/**
	 * The people file as it might have looked a year earlier: about 12% of people one level lower
	 * (promoted since), 4% in another department (moved since), and 5% more people who have left
	 * since (copies of real rows under new ids, so they are deactivated by the current file).
	 */
	static final class OlderFile {

		static Map<String, Object> write(Path current, Path older, Random random) throws IOException {
			List<List<String>> rows = Csv.parse(Files.readString(current, StandardCharsets.UTF_8));
			List<String> header = rows.get(0);
			int level = header.indexOf("level");
			int department = header.indexOf("department");
			int id = header.indexOf("employee_id");
			int email = header.indexOf("email");
			List<String> departments = new ArrayList<>(rows.stream().skip(1).map(r -> r.get(department)).filter(d -> !d.isBlank())
				.collect(Collectors.toCollection(java.util.TreeSet::new)));
			int promoted = 0;
			int moved = 0;
			int leavers = 0;
			List<List<String>> out = new ArrayList<>();
			out.add(header);
			for (List<String> row : rows.subList(1, rows.size())) {
				List<String> copy = new ArrayList<>(row);
				if (!copy.get(level).isBlank() && Integer.parseInt(copy.get(level)) > 1 && random.nextDouble() < 0.12) {
					copy.set(level, String.valueOf(Integer.parseInt(copy.get(level)) - 1));
					promoted++;
				}
				else if (!departments.isEmpty() && random.nextDouble() < 0.04) {
					copy.set(department, departments.get(random.nextInt(departments.size())));
					moved++;
				}
				out.add(copy);
				if (random.nextDouble() < 0.05) {
					List<String> leaver = new ArrayList<>(row);
					leaver.set(id, "L" + row.get(id));
					leaver.set(email, "left." + row.get(email));
					out.add(leaver);
					leavers++;
				}
			}
			StringBuilder text = new StringBuilder();
			for (List<String> row : out) {
				text.append(row.stream().map(Csv::quote).collect(Collectors.joining(","))).append('\n');
			}
			Files.writeString(older, text.toString(), StandardCharsets.UTF_8);
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("promotedSince", promoted);
			changes.put("movedSince", moved);
			changes.put("leftSince", leavers);
			return changes;
		}
	}

	/** RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks. */
	static final class Csv {

		static List<List<String>> parse(String text) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			int start = text.startsWith("\uFEFF") ? 1 : 0;
			for (int i = start; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n' || c == '\r') {
					if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						i++;
					}
					row.add(field.toString());
					field.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
				}
				else {
					field.append(c);
				}
			}
			if (field.length() > 0 || !row.isEmpty()) {
				row.add(field.toString());
				rows.add(row);
			}
			return rows;
		}

		static String quote(String field) {
			return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
					? "\"" + field.replace("\"", "\"\"") + "\"" : field;
		}
	}

	// ---------------------------------------------------------------- the owners' data

	/**
	 * Writes the owning modules' rows with JDBC, with the shapes real organisations show: a few big
	 * programmes and many small ones; most pairs completed or active, some ended early with reasons
	 * in people's words; meetings every two to four weeks, some pairs going quiet; ratings mostly 3
	 * to 5; answers and kudos concentrated on a minority (Pareto weights); circles of 5 to 200;
	 * links mostly within a department; about 7% of people left out of everything. The learning
	 * links (kudos + accepted answers + circle memberships + started mentorships + agreed expert
	 * sessions) add up to exactly {@code links}.
	 */
	static final class Seeder {

		record EmployeeSeed(long personId, String email, long mentorshipId, long kudosReceiverId, String kudosSkill) {
		}

		record Seeded(Map<String, Object> sizes, long largeProgrammeId, List<Long> enrollingProgrammeIds,
				List<EmployeeSeed> employees) {
		}

		static final String[] VERBS = {"debug", "scale", "test", "migrate", "monitor", "secure", "tune", "learn", "document",
				"automate", "review", "design", "deploy", "measure", "explain", "plan"};
		static final String[] NOUNS = {"pipeline", "release", "team", "report", "service", "budget", "dashboard", "workflow",
				"interview", "roadmap", "incident", "contract", "model", "campaign", "process", "query", "cluster", "backlog",
				"forecast", "onboarding", "audit", "deadline", "customer", "stakeholder", "architecture", "dataset"};
		static final String[] WORDS = {"quickly", "safely", "first", "again", "slow", "failing", "large", "small", "new", "legacy",
				"remote", "weekly", "quarterly", "shared", "manual", "cheaper", "reliable", "clear", "common", "practical"};
		/** Reasons for ending early as people write them, weighted roughly as programme managers see them. */
		static final String[][] END_REASONS = {
				{"35", "I moved to a new team after the reorganisation", "My mentor left the company", "Parental leave from next month",
						"I changed role and my goals changed with it", "Mentee was promoted into a new role", "Leaving the company"},
				{"30", "We could not find time to meet", "Too busy with the product launch", "Workload is too high this quarter",
						"Our schedules never matched across time zones", "Deadline crunch, we will try again next year"},
				{"20", "Not a good fit", "Different expectations about what mentoring is", "The match did not work for us",
						"We did not click", "Not helpful for what I need right now"},
				{"10", "Goals met early", "I learned what I came for", "We achieved the goal in three months"},
				{"5", "Personal reasons", "Other", "Health"}};
		static final String[] GOALS = {"Present to senior leadership with confidence", "Lead my first project end to end",
				"Get a solid grounding in Kubernetes", "Give better feedback to my team", "Prepare for a team lead role",
				"Learn to say no to work that does not fit our priorities", "Understand the budget process",
				"Write clearer design documents", "Build a network outside my department", "Negotiate with suppliers"};
		static final String[] KUDOS = {"Thanks for walking me through the release process", "You saved my demo yesterday",
				"Great explanation of the data model", "Thank you for the thorough review", "Your workshop was really useful",
				"Thanks for unblocking our team", "Helped me prepare for the customer call"};

		final Connection c;
		final String db;
		final Random r;
		final int mentorshipTarget;
		final int postTarget;
		final int linkTarget;
		final int employeeCount;
		final String adminEmail;
		final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);

		// people, by position
		long[] ids;
		int[] dept;
		long[] manager;
		int[] level;
		String[] email;
		boolean[] isolated;
		int[] mainSkill;
		int[] links;
		Map<Long, Integer> index = new HashMap<>();
		List<String> departments = new ArrayList<>();
		long[] skillIds;
		String[] skillNames;
		Sampler teachers;
		Sampler learners;
		Sampler[] teachersByDept;
		Sampler[] learnersByDept;
		long adminAccountId;

		final Map<String, Object> sizes = new LinkedHashMap<>();
		final Map<String, Long> linksByKind = new LinkedHashMap<>();

		Seeder(Connection c, String db, Random r, int mentorships, int posts, int links, int employees, String adminEmail) {
			this.c = c;
			this.db = db;
			this.r = r;
			this.mentorshipTarget = mentorships;
			this.postTarget = posts;
			this.linkTarget = links;
			this.employeeCount = Math.max(1, employees);
			this.adminEmail = adminEmail;
		}

		Seeded seed() throws SQLException {
			c.setAutoCommit(false);
			readPeople();
			Programmes programmes = new Programmes();
			programmes.generate();
			programmes.write();
			List<long[]> questions = posts();
			expertSessions(questions);
			long circleLinks = circles();
			kudos(circleLinks);
			restartIdentities();
			try (Statement s = c.createStatement()) {
				s.execute("ANALYZE");
			}
			c.commit();
			int none = 0;
			for (int i = 0; i < ids.length; i++) {
				if (links[i] == 0) {
					none++;
				}
			}
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("people", ids.length);
			out.put("peopleLeftOut", Arrays.stream(toIntArray(isolated)).sum());
			out.put("peopleWithoutLinks", none);
			out.put("isolatedPercent", round(100.0 * none / Math.max(1, ids.length)));
			out.putAll(sizes);
			long total = linksByKind.values().stream().mapToLong(Long::longValue).sum();
			out.put("links", total);
			out.put("linksByKind", new LinkedHashMap<>(linksByKind));
			return new Seeded(out, programmes.large.id, programmes.enrolling, programmes.employees);
		}

		/**
		 * What an earlier run wrote, read back (REUSE=1): the large programme, the open ones, the sizes,
		 * and new employees: mentees of active pairs in the large programme without an account yet,
		 * each to thank someone who has no learning link at all.
		 */
		static Seeded recall(Connection c, Random r, int employees) throws SQLException {
			Map<String, Object> sizes = new LinkedHashMap<>();
			sizes.put("reused", true);
			for (String table : List.of("person", "programme", "enrolment", "mentorship", "meeting", "mentorship_goal",
					"mentorship_feedback", "community_post", "community_kudos", "community_circle", "community_circle_member",
					"community_expert_request", "account")) {
				sizes.put(table, single(c, "SELECT COUNT(*) FROM " + table));
			}
			sizes.put("people", single(c, "SELECT COUNT(*) FROM person WHERE active"));
			long large = single(c, "SELECT COALESCE(MIN(id), 0) FROM programme WHERE name = 'Engineering mentoring 2026'");
			if (large == 0) {
				throw new IllegalStateException("no programme 'Engineering mentoring 2026': not a database this bench wrote");
			}
			List<Long> enrolling = new ArrayList<>();
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM programme WHERE status = 'ENROLLING' ORDER BY id")) {
				while (rs.next()) {
					enrolling.add(rs.getLong(1));
				}
			}
			List<long[]> pairs = new ArrayList<>();
			List<String> emails = new ArrayList<>();
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
					SELECT m.id, p.id, p.email FROM mentorship m JOIN person p ON p.id = m.mentee_id
					WHERE m.programme_id = %d AND m.status = 'ACTIVE' AND NOT m.requested AND p.active
					  AND NOT EXISTS (SELECT 1 FROM account a WHERE a.email = p.email)
					  AND NOT EXISTS (SELECT 1 FROM enrolment e JOIN programme g ON g.id = e.programme_id
					                  WHERE e.person_id = p.id AND g.status = 'ENROLLING')
					ORDER BY m.id""".formatted(large))) {
				while (rs.next()) {
					pairs.add(new long[] {rs.getLong(1), rs.getLong(2)});
					emails.add(rs.getString(3));
				}
			}
			List<Long> alone = new ArrayList<>();
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
					SELECT p.id FROM person p WHERE p.active
					  AND NOT EXISTS (SELECT 1 FROM community_kudos k WHERE k.giver_id = p.id)
					  AND NOT EXISTS (SELECT 1 FROM community_kudos k WHERE k.receiver_id = p.id)
					  AND NOT EXISTS (SELECT 1 FROM community_circle_member m WHERE m.person_id = p.id)
					  AND NOT EXISTS (SELECT 1 FROM community_circle h WHERE h.host_id = p.id)
					  AND NOT EXISTS (SELECT 1 FROM mentorship m WHERE m.mentor_id = p.id)
					  AND NOT EXISTS (SELECT 1 FROM mentorship m WHERE m.mentee_id = p.id)
					  AND NOT EXISTS (SELECT 1 FROM community_post q WHERE q.author_id = p.id)
					  AND NOT EXISTS (SELECT 1 FROM community_expert_request x WHERE x.asker_id = p.id OR x.expert_id = p.id)
					ORDER BY p.id""")) {
				while (rs.next()) {
					alone.add(rs.getLong(1));
				}
			}
			String skill;
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(name) FROM skill WHERE status = 'APPROVED'")) {
				rs.next();
				skill = rs.getString(1);
			}
			if (pairs.size() < employees || alone.size() < employees) {
				throw new IllegalStateException("too few unused mentees (" + pairs.size() + ") or people without links (" + alone.size()
						+ ") left to reuse; run without REUSE");
			}
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < pairs.size(); i++) {
				order.add(i);
			}
			Collections.shuffle(order, r);
			Collections.shuffle(alone, r);
			List<EmployeeSeed> chosen = new ArrayList<>();
			Set<Long> people = new HashSet<>();
			for (int i : order) {
				if (chosen.size() == employees) {
					break;
				}
				if (people.add(pairs.get(i)[1])) {
					chosen.add(new EmployeeSeed(pairs.get(i)[1], emails.get(i), pairs.get(i)[0], alone.get(chosen.size()), skill));
				}
			}
			sizes.put("largeProgrammeId", large);
			return new Seeded(sizes, large, enrolling, chosen);
		}

		static long single(Connection c, String sql) throws SQLException {
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
				rs.next();
				return rs.getLong(1);
			}
		}

		static int[] toIntArray(boolean[] flags) {
			int[] out = new int[flags.length];
			for (int i = 0; i < flags.length; i++) {
				out[i] = flags[i] ? 1 : 0;
			}
			return out;
		}

		// ---- people and skills, as the HR import left them

		void readPeople() throws SQLException {
			List<long[]> rows = new ArrayList<>();
			List<String> emails = new ArrayList<>();
			Map<String, Integer> deptIndex = new HashMap<>();
			List<Integer> deptOf = new ArrayList<>();
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT id, department, manager_id, level, email FROM person WHERE active ORDER BY id")) {
				while (rs.next()) {
					String d = rs.getString(2);
					deptOf.add(d == null ? -1 : deptIndex.computeIfAbsent(d, k -> {
						departments.add(k);
						return departments.size() - 1;
					}));
					long m = rs.getLong(3);
					int lv = rs.getInt(4);
					rows.add(new long[] {rs.getLong(1), rs.wasNull() ? 5 : lv, m});
					emails.add(rs.getString(5));
				}
			}
			int n = rows.size();
			if (n < 100) {
				throw new IllegalStateException("only " + n + " active people after the import; the bench needs at least 100");
			}
			ids = new long[n];
			dept = new int[n];
			manager = new long[n];
			level = new int[n];
			email = emails.toArray(new String[0]);
			isolated = new boolean[n];
			mainSkill = new int[n];
			links = new int[n];
			for (int i = 0; i < n; i++) {
				ids[i] = rows.get(i)[0];
				level[i] = (int) rows.get(i)[1];
				manager[i] = rows.get(i)[2];
				dept[i] = deptOf.get(i);
				index.put(ids[i], i);
			}
			List<Long> skillList = new ArrayList<>();
			List<String> names = new ArrayList<>();
			Map<Long, Integer> skillIndex = new HashMap<>();
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT id, name FROM skill WHERE status = 'APPROVED' ORDER BY id")) {
				while (rs.next()) {
					skillIndex.put(rs.getLong(1), skillList.size());
					skillList.add(rs.getLong(1));
					names.add(rs.getString(2));
				}
			}
			skillIds = skillList.stream().mapToLong(Long::longValue).toArray();
			skillNames = names.toArray(new String[0]);
			Arrays.fill(mainSkill, -1);
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT person_id, skill_id FROM person_skill ORDER BY can_teach, proficiency")) {
				while (rs.next()) {
					Integer p = index.get(rs.getLong(1));
					Integer k = skillIndex.get(rs.getLong(2));
					if (p != null && k != null) {
						mainSkill[p] = k; // the last one: taught, most proficient
					}
				}
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE email = ?")) {
				ps.setString(1, adminEmail);
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalStateException("no administrator account " + adminEmail);
					}
					adminAccountId = rs.getLong(1);
				}
			}
			// about 7% take part in nothing; the rest learn and teach with heavy-tailed weights
			double[] teach = new double[n];
			double[] learn = new double[n];
			for (int i = 0; i < n; i++) {
				isolated[i] = r.nextDouble() < 0.07;
				teach[i] = isolated[i] ? 0 : Math.min(300, pareto(1.2)) * (0.6 + level[i] / 10.0);
				learn[i] = isolated[i] ? 0 : Math.min(20, pareto(2.5)) * Math.max(0.3, 1.5 - level[i] / 12.0);
			}
			teachers = new Sampler(teach, null);
			learners = new Sampler(learn, null);
			teachersByDept = new Sampler[departments.size()];
			learnersByDept = new Sampler[departments.size()];
			for (int d = 0; d < departments.size(); d++) {
				int dd = d;
				teachersByDept[d] = new Sampler(teach, i -> dept[i] == dd);
				learnersByDept[d] = new Sampler(learn, i -> dept[i] == dd);
			}
			sizes.put("departments", departments.size());
			sizes.put("skills", skillIds.length);
		}

		double pareto(double alpha) {
			return 1 / Math.pow(1 - r.nextDouble(), 1 / alpha);
		}

		/** A teacher, in the same department as {@code near} with probability {@code same}. */
		int teacher(int near, double same) {
			if (near >= 0 && dept[near] >= 0 && r.nextDouble() < same && !teachersByDept[dept[near]].empty()) {
				return teachersByDept[dept[near]].draw(r);
			}
			return teachers.draw(r);
		}

		int learner(int near, double same) {
			if (near >= 0 && dept[near] >= 0 && r.nextDouble() < same && !learnersByDept[dept[near]].empty()) {
				return learnersByDept[dept[near]].draw(r);
			}
			return learners.draw(r);
		}

		/** Draws positions with probability proportional to their weight (binary search over the running sum). */
		static final class Sampler {

			final int[] items;
			final double[] sums;

			Sampler(double[] weights, java.util.function.IntPredicate keep) {
				int[] items = new int[weights.length];
				double[] sums = new double[weights.length];
				int n = 0;
				double sum = 0;
				for (int i = 0; i < weights.length; i++) {
					if (weights[i] > 0 && (keep == null || keep.test(i))) {
						sum += weights[i];
						items[n] = i;
						sums[n++] = sum;
					}
				}
				this.items = Arrays.copyOf(items, n);
				this.sums = Arrays.copyOf(sums, n);
			}

			boolean empty() {
				return items.length == 0;
			}

			int draw(Random r) {
				double x = r.nextDouble() * sums[sums.length - 1];
				int k = Arrays.binarySearch(sums, x);
				return items[Math.min(items.length - 1, k < 0 ? -k - 1 : k)];
			}
		}

		OffsetDateTime daysAgo(double days) {
			return now.minusSeconds((long) (days * 86400));
		}

		static OffsetDateTime plusDays(OffsetDateTime t, double days) {
			return t.plusSeconds((long) (days * 86400));
		}

		static double daysBetween(OffsetDateTime a, OffsetDateTime b) {
			return Duration.between(a, b).getSeconds() / 86400.0;
		}

		double uniform(double from, double to) {
			return from + r.nextDouble() * (to - from);
		}

		<T> T pick(T[] values) {
			return values[r.nextInt(values.length)];
		}

		void link(String kind, int a, int b) {
			linksByKind.merge(kind, 1L, Long::sum);
			links[a]++;
			links[b]++;
		}

		// ---- programmes, enrolments, mentorships and what pairs do

		static final class Prog {
			long id;
			String name;
			String format;
			String status;
			OffsetDateTime created;
			int weeks;
			int pairs;
			int enrolOnly;
			LocalDate opens;
			LocalDate closes;
			String mode;
			int defaultCapacity = 2;
			boolean approval;
			final Map<Integer, Enrol> enrolments = new LinkedHashMap<>();
		}

		static final class Enrol {
			String role;
			int capacity;
			String status = "ACTIVE";
			OffsetDateTime created;
			int placesTaken;
			Long placedWith;
		}

		static final class Pair {
			long id;
			Prog programme;
			int mentor;
			int mentee;
			String status;
			boolean requested;
			OffsetDateTime created;
			OffsetDateTime started;
			OffsetDateTime ended;
			String reason;
			Integer cadence;
			double quality;
		}

		final class Programmes {

			final List<Prog> all = new ArrayList<>();
			final List<Pair> pairs = new ArrayList<>();
			final List<Long> enrolling = new ArrayList<>();
			final List<EmployeeSeed> employees = new ArrayList<>();
			Prog large;

			void generate() throws SQLException {
				long programmeId = maxId("programme");
				int m = mentorshipTarget;
				double scale = m / 20000.0;
				int[] big = {(int) Math.round(0.40 * m), (int) Math.round(0.15 * m), (int) Math.round(0.10 * m), (int) Math.round(0.05 * m)};
				large = prog(++programmeId, "Engineering mentoring 2026", "ONE_TO_ONE", 200, 39, big[0], "BULK");
				prog(++programmeId, "Leadership mentoring 2025", "ONE_TO_ONE", 600, 26, big[1], "BULK");
				prog(++programmeId, "Sales buddies 2026", "PEER", 120, 12, big[2], "BOTH");
				prog(++programmeId, "Reverse mentoring: digital skills", "REVERSE", 300, 52, big[3], "SELF_SELECT");
				int small = Math.max(3, (int) Math.round(60 * scale));
				int rest = m - Arrays.stream(big).sum();
				double[] w = new double[small];
				double sum = 0;
				for (int i = 0; i < small; i++) {
					w[i] = Math.exp(0.9 * r.nextGaussian());
					sum += w[i];
				}
				int given = 0;
				int[] counts = new int[small];
				for (int i = 0; i < small; i++) {
					counts[i] = (int) Math.floor(rest * w[i] / sum);
					given += counts[i];
				}
				for (int i = 0; given < rest; i = (i + 1) % small) {
					counts[i]++;
					given++;
				}
				String[] kinds = {"mentoring", "mentoring circle", "buddy programme", "career mentoring", "flash sessions"};
				for (int i = 0; i < small; i++) {
					double roll = r.nextDouble();
					String format = roll < 0.5 ? "ONE_TO_ONE" : roll < 0.65 ? "GROUP" : roll < 0.8 ? "PEER" : roll < 0.95 ? "FLASH" : "REVERSE";
					String dept = departments.isEmpty() ? "Company" : departments.get(i % departments.size());
					int weeks = format.equals("FLASH") ? 4 : new int[] {12, 16, 26, 26, 39, 52}[r.nextInt(6)];
					double age = uniform(60, 700);
					String mode = r.nextDouble() < 0.5 ? "BULK" : r.nextDouble() < 0.6 ? "SELF_SELECT" : "BOTH";
					int year = daysAgo(age).getYear();
					prog(++programmeId, dept + " " + (format.equals("FLASH") ? "flash sessions" : kinds[r.nextInt(4)]) + " " + year, format,
							age, weeks, counts[i], mode);
				}
				for (Prog p : all) {
					pairs(p);
				}
				pickEmployees();
				// programmes open for enrolment (the incremental test enrols there) and one being matched
				String[] open = {"Graduate mentoring 2027", "Women in technology mentoring 2027", "Data skills mentoring 2027"};
				for (String name : open) {
					Prog p = prog(++programmeId, name, "ONE_TO_ONE", 20, 26, 0, "BULK");
					p.status = "ENROLLING";
					p.opens = now.toLocalDate().minusDays(14);
					p.closes = now.toLocalDate().plusDays(30);
					enrolOnly(p, Math.max(30, (int) Math.round(300 * scale)));
					enrolling.add(p.id);
				}
				Prog matching = prog(++programmeId, "Product mentoring 2027", "ONE_TO_ONE", 40, 26, 0, "BULK");
				matching.status = "MATCHING";
				matching.opens = now.toLocalDate().minusDays(35);
				matching.closes = now.toLocalDate().minusDays(5);
				enrolOnly(matching, Math.max(30, (int) Math.round(600 * scale)));
			}

			Prog prog(long id, String name, String format, double ageDays, int weeks, int pairs, String mode) {
				Prog p = new Prog();
				p.id = id;
				p.name = name;
				p.format = format;
				p.created = daysAgo(ageDays);
				p.weeks = weeks;
				p.pairs = pairs;
				p.mode = mode;
				p.defaultCapacity = format.equals("GROUP") ? 6 : 2;
				p.opens = p.created.toLocalDate().plusDays(3);
				p.closes = p.created.toLocalDate().plusDays(21);
				boolean over = daysBetween(plusDays(p.created, 28 + weeks * 7.0), now) > 0;
				p.status = over ? "CLOSED" : "RUNNING";
				all.add(p);
				return p;
			}

			Enrol enrol(Prog p, int person, String role, OffsetDateTime at) {
				Enrol e = p.enrolments.get(person);
				if (e != null) {
					if (!e.role.equals(role)) {
						e.role = "BOTH";
					}
					return e;
				}
				e = new Enrol();
				e.role = role;
				e.created = at;
				p.enrolments.put(person, e);
				return e;
			}

			/** Mentors and mentees of one programme, paired, with statuses and dates that fit the programme's age. */
			void pairs(Prog p) {
				if (p.pairs == 0) {
					return;
				}
				boolean peer = p.format.equals("PEER");
				boolean group = p.format.equals("GROUP");
				boolean flash = p.format.equals("FLASH");
				OffsetDateTime matchedAt = plusDays(p.created, uniform(21, 35));
				// mentees
				List<Integer> mentees = new ArrayList<>();
				Set<Integer> taken = new HashSet<>();
				while (mentees.size() < p.pairs) {
					int x = learners.draw(r);
					if (taken.add(x)) {
						mentees.add(x);
					}
					if (taken.size() > ids.length * 0.9) {
						break;
					}
				}
				// mentors with places
				int perMentor = group ? p.defaultCapacity : 2;
				int mentorCount = (int) Math.ceil(mentees.size() / (group ? 4.5 : 1.7));
				List<Integer> mentors = new ArrayList<>();
				List<Integer> places = new ArrayList<>();
				Set<Integer> mentorSet = new HashSet<>();
				int tries = 0;
				while (mentors.size() < mentorCount && tries++ < mentorCount * 50) {
					int x = teacher(mentees.get(r.nextInt(mentees.size())), 0.5);
					if ((peer || !taken.contains(x)) && mentorSet.add(x)) {
						mentors.add(x);
						places.add(group ? perMentor : 1 + r.nextInt(3));
					}
				}
				int capacity = places.stream().mapToInt(Integer::intValue).sum();
				for (int i = 0; capacity < mentees.size(); i = (i + 1) % places.size()) {
					places.set(i, places.get(i) + 1);
					capacity++;
				}
				for (int i = 0; i < mentors.size(); i++) {
					Enrol e = enrol(p, mentors.get(i), peer ? "BOTH" : "MENTOR", plusDays(p.created, uniform(2, 20)));
					e.capacity = group ? 0 : Math.min(20, places.get(i));
				}
				int[] used = new int[mentors.size()];
				int cursor = 0;
				double f = Math.min(1, Math.max(0, daysBetween(matchedAt, now) / (p.weeks * 7.0)));
				for (int mentee : mentees) {
					int k = -1;
					for (int tried = 0; tried < mentors.size(); tried++) {
						int slot = (cursor + tried) % mentors.size();
						int mentor = mentors.get(slot);
						if (used[slot] < places.get(slot) && mentor != mentee && ids[mentor] != manager[mentee] && ids[mentee] != manager[mentor]) {
							k = slot;
							break;
						}
					}
					if (k < 0) {
						continue;
					}
					cursor = (k + 1) % mentors.size();
					used[k]++;
					Pair pair = new Pair();
					pair.programme = p;
					pair.mentor = mentors.get(k);
					pair.mentee = mentee;
					pair.requested = !p.mode.equals("BULK") && (p.mode.equals("SELF_SELECT") || r.nextBoolean());
					pair.quality = r.nextGaussian();
					status(pair, p, f, flash);
					times(pair, p, matchedAt, flash);
					pairs.add(pair);
					Enrol e = enrol(p, mentee, peer ? "BOTH" : "MENTEE", plusDays(p.created, uniform(2, 20)));
					if (e.created.isAfter(pair.created)) {
						e.created = pair.created.minusDays(1);
					}
					if (List.of("INVITED", "REQUESTED", "ACTIVE").contains(pair.status)) {
						e.placedWith = ids[pair.mentor];
						p.enrolments.get(pair.mentor).placesTaken++;
					}
				}
				// mentees who enrolled and were not matched, and a few who withdrew
				int unmatched = (int) Math.round(p.pairs * 0.18);
				for (int i = 0; i < unmatched; i++) {
					int x = learners.draw(r);
					if (!p.enrolments.containsKey(x)) {
						Enrol e = enrol(p, x, peer ? "BOTH" : "MENTEE", plusDays(p.created, uniform(2, 20)));
						e.status = r.nextDouble() < 0.15 ? "WITHDRAWN" : "ACTIVE";
					}
				}
			}

			void status(Pair pair, Prog p, double f, boolean flash) {
				double x = r.nextDouble();
				if (flash) {
					pair.status = x < 0.8 ? "COMPLETED" : x < 0.88 && p.status.equals("RUNNING") ? "ACTIVE" : x < 0.96 ? "DECLINED" : "CANCELLED";
				}
				else if (p.status.equals("CLOSED")) {
					pair.status = x < 0.72 ? "COMPLETED" : x < 0.86 ? "ENDED_EARLY" : x < 0.96 ? "DECLINED" : "CANCELLED";
				}
				else {
					double completed = 0.3 * f;
					double early = 0.13 * Math.min(1, f * 1.5);
					String[] order = {"COMPLETED", "ENDED_EARLY", "DECLINED", "CANCELLED", "INVITED", "REQUESTED"};
					double[] share = {completed, early, 0.05, 0.01, pair.requested ? 0 : 0.04, pair.requested ? 0.04 : 0};
					pair.status = "ACTIVE";
					double acc = 0;
					for (int i = 0; i < order.length; i++) {
						acc += share[i];
						if (x < acc) {
							pair.status = order[i];
							break;
						}
					}
				}
				if (pair.status.equals("ENDED_EARLY")) {
					pair.quality -= 0.8;
				}
			}

			void times(Pair pair, Prog p, OffsetDateTime matchedAt, boolean flash) {
				OffsetDateTime programmeEnd = plusDays(matchedAt, p.weeks * 7.0);
				OffsetDateTime latest = programmeEnd.isBefore(now) ? programmeEnd : now;
				if (pair.requested) {
					double span = Math.max(1, daysBetween(plusDays(p.created, 7), latest) * 0.6);
					pair.created = plusDays(p.created, 7 + r.nextDouble() * span);
				}
				else {
					pair.created = plusDays(matchedAt, uniform(0, 2));
				}
				if (pair.status.equals("INVITED") || pair.status.equals("REQUESTED")) {
					pair.created = daysAgo(uniform(1, 25));
					return;
				}
				if (pair.status.equals("DECLINED") || pair.status.equals("CANCELLED")) {
					pair.ended = min(plusDays(pair.created, uniform(1, 10)), now.minusHours(1));
					pair.reason = pair.status.equals("DECLINED") && r.nextBoolean() ? "Not the right time for me" : null;
					return;
				}
				pair.started = min(plusDays(pair.created, uniform(1, 12)), now.minusDays(1));
				if (pair.created.isAfter(pair.started)) {
					pair.created = pair.started.minusDays(1);
				}
				double planned = flash ? 7 : p.weeks * 7.0;
				if (pair.status.equals("COMPLETED")) {
					double length = flash ? uniform(1, 10) : p.status.equals("CLOSED") ? planned + uniform(-21, 14) : planned * uniform(0.5, 1.0);
					pair.ended = min(plusDays(pair.started, Math.max(7, length)), now.minusHours(2));
				}
				else if (pair.status.equals("ENDED_EARLY")) {
					double lived = Math.max(2, Math.min(planned, daysBetween(pair.started, now)));
					pair.ended = min(plusDays(pair.started, lived * uniform(0.1, 0.8)), now.minusHours(2));
					pair.reason = endReason();
				}
				if (!flash) {
					double roll = r.nextDouble();
					pair.cadence = roll < 0.4 ? Integer.valueOf(14) : roll < 0.52 ? Integer.valueOf(21) : roll < 0.82 ? Integer.valueOf(28)
							: roll < 0.87 ? Integer.valueOf(7) : null;
				}
			}

			String endReason() {
				int x = r.nextInt(100);
				int acc = 0;
				for (String[] group : END_REASONS) {
					acc += Integer.parseInt(group[0]);
					if (x < acc) {
						return group[1 + r.nextInt(group.length - 1)];
					}
				}
				return "Other";
			}

			OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
				return a.isBefore(b) ? a : b;
			}

			void enrolOnly(Prog p, int count) {
				Set<Integer> employeesIn = new HashSet<>();
				for (EmployeeSeed e : employees) {
					employeesIn.add(index.get(e.personId()));
				}
				int mentors = count / 4;
				for (int i = 0; i < count; i++) {
					boolean mentor = i < mentors;
					int x = mentor ? teachers.draw(r) : learners.draw(r);
					if (employeesIn.contains(x) || p.enrolments.containsKey(x)) {
						continue;
					}
					Enrol e = enrol(p, x, mentor ? "MENTOR" : "MENTEE", plusDays(p.created, uniform(0, 19)));
					e.capacity = mentor ? 1 + r.nextInt(3) : 0;
					if (!mentor && r.nextDouble() < 0.04) {
						e.status = "WITHDRAWN";
					}
				}
			}

			/** Bench employees: mentees of active, matched pairs in the large programme; kudos go to someone left out. */
			void pickEmployees() throws SQLException {
				List<Pair> candidates = new ArrayList<>();
				for (Pair p : pairs) {
					if (p.programme == large && p.status.equals("ACTIVE") && !p.requested && !isolated[p.mentee]) {
						candidates.add(p);
					}
				}
				if (candidates.size() < employeeCount) {
					throw new IllegalStateException("only " + candidates.size() + " active pairs in the large programme; raise --mentorships");
				}
				Collections.shuffle(candidates, r);
				List<Integer> leftOut = new ArrayList<>();
				for (int i = 0; i < ids.length; i++) {
					if (isolated[i]) {
						leftOut.add(i);
					}
				}
				Collections.shuffle(leftOut, r);
				Set<Integer> chosen = new HashSet<>();
				for (Pair p : candidates) {
					if (employees.size() == employeeCount) {
						break;
					}
					if (chosen.add(p.mentee)) {
						int receiver = leftOut.get(employees.size());
						String skill = skillNames[mainSkill[receiver] >= 0 ? mainSkill[receiver] : r.nextInt(skillNames.length)];
						// the ids are assigned on writing; filled in below
						employees.add(new EmployeeSeed(ids[p.mentee], email[p.mentee], -1 - pairs.indexOf(p), ids[receiver], skill));
					}
				}
			}

			void write() throws SQLException {
				long mentorshipId = maxId("mentorship");
				for (Pair p : pairs) {
					p.id = ++mentorshipId;
				}
				for (int i = 0; i < employees.size(); i++) {
					EmployeeSeed e = employees.get(i);
					Pair p = pairs.get((int) (-1 - e.mentorshipId()));
					employees.set(i, new EmployeeSeed(e.personId(), e.email(), p.id, e.kudosReceiverId(), e.kudosSkill()));
				}
				try (Batch programme = new Batch(c, """
						INSERT INTO programme (id, name, purpose, format, status, enrolment_opens, enrolment_closes, duration_weeks,
						  default_capacity, matching_mode, objective, weights, questions, approval_required, owner_account_id, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPTIMAL', '', NULL, FALSE, ?, ?)""")) {
					for (Prog p : all) {
						programme.row(p.id, p.name, "Grow people across " + p.name.toLowerCase(Locale.ROOT), p.format, p.status, p.opens,
								p.closes, p.weeks, p.defaultCapacity, p.mode, adminAccountId, p.created);
					}
				}
				long enrolmentId = maxId("enrolment");
				long enrolments = 0;
				try (Batch enrolment = new Batch(c, """
						INSERT INTO enrolment (id, programme_id, person_id, role, goals, capacity, answers, status, created_at, places_taken,
						  placed_with) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)""")) {
					for (Prog p : all) {
						for (Map.Entry<Integer, Enrol> entry : p.enrolments.entrySet()) {
							Enrol e = entry.getValue();
							enrolment.row(++enrolmentId, p.id, ids[entry.getKey()], e.role, e.role.equals("MENTOR") ? null : pick(GOALS),
									e.capacity, e.status, e.created, e.placesTaken, e.placedWith);
							enrolments++;
						}
					}
				}
				Map<String, Long> byStatus = new TreeMap<>();
				try (Batch mentorship = new Batch(c, """
						INSERT INTO mentorship (id, programme_id, run_id, mentor_id, mentee_id, status, requested, request_message,
						  mentor_accepted, mentee_accepted, match_score, match_reasons, planned_weeks, created_at, started_at, ended_at,
						  closed_by, close_reason, expectations, cadence_days, mentor_agreed, mentee_agreed, agreement_version)
						VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
					for (Pair p : pairs) {
						boolean started = p.started != null;
						boolean invited = p.status.equals("INVITED");
						Long closedBy = p.ended == null ? null : ids[r.nextBoolean() ? p.mentee : p.mentor];
						mentorship.row(p.id, p.programme.id, ids[p.mentor], ids[p.mentee], p.status, p.requested,
								p.requested ? "Hello, I would like to learn from you" : null, started || p.requested || invited && r.nextBoolean(),
								started || p.status.equals("REQUESTED"), p.requested ? null : round(0.45 + 0.5 * r.nextDouble()) ,
								p.requested ? null : "Shares skills; same time zone", p.programme.format.equals("FLASH") ? 1 : p.programme.weeks,
								p.created, p.started, p.ended, closedBy, p.reason,
								p.cadence == null ? null : "Meet every " + p.cadence + " days; agree goals in the first meeting", p.cadence,
								p.cadence != null, p.cadence != null, p.cadence == null ? 0 : 1);
						byStatus.merge(p.status, 1L, Long::sum);
						if (started) {
							link("mentoring", p.mentee, p.mentor);
						}
					}
				}
				sizes.put("programmes", all.size());
				Map<String, Long> programmesByStatus = new TreeMap<>();
				all.forEach(p -> programmesByStatus.merge(p.status, 1L, Long::sum));
				sizes.put("programmesByStatus", programmesByStatus);
				sizes.put("largeProgrammeId", large.id);
				sizes.put("largeProgrammePairs", large.pairs);
				sizes.put("enrolments", enrolments);
				sizes.put("mentorships", (long) pairs.size());
				sizes.put("mentorshipsByStatus", byStatus);
				children();
			}

			/** Meetings, goals, check-ins and surveys of every pair that started. */
			void children() throws SQLException {
				long meetingId = maxId("meeting");
				long goalId = maxId("mentorship_goal");
				long meetings = 0;
				long goals = 0;
				long ratings = 0;
				try (Batch meeting = new Batch(c, """
						INSERT INTO meeting (id, mentorship_id, organiser_id, starts_at, minutes, place, uid, sequence, cancelled, shared_notes,
						  shared_notes_version, created_at, for_group) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, 0, ?, FALSE)""");
						Batch goal = new Batch(c, """
								INSERT INTO mentorship_goal (id, mentorship_id, title, description, progress, created_at, achieved_at, version)
								VALUES (?, ?, ?, NULL, ?, ?, ?, 0)""");
						Batch feedback = new Batch(c, """
								INSERT INTO mentorship_feedback (mentorship_id, subject, author_id, rating, comment, answered_at)
								VALUES (?, ?, ?, ?, NULL, ?)""")) {
					for (Pair p : pairs) {
						if (p.started == null) {
							continue;
						}
						boolean flash = p.programme.format.equals("FLASH");
						OffsetDateTime end = p.ended == null ? now : p.ended;
						// meetings every cadence or so; some active pairs go quiet
						double cadence = p.cadence == null ? 21 : p.cadence;
						OffsetDateTime quietFrom = p.status.equals("ACTIVE") && r.nextDouble() < 0.15
								? daysAgo(uniform(35, Math.max(36, daysBetween(p.started, now)))) : null;
						OffsetDateTime t = plusDays(p.started, uniform(2, flash ? 6 : 10));
						int position = 0;
						while (t.isBefore(end) && (quietFrom == null || t.isBefore(quietFrom))) {
							boolean cancelled = r.nextDouble() < 0.04;
							long id = ++meetingId;
							meeting.row(id, p.id, ids[r.nextDouble() < 0.7 ? p.mentor : p.mentee], t, new int[] {30, 45, 60}[r.nextInt(3)],
									r.nextBoolean() ? "Video call" : null, "bench-" + id + "@guildhall", cancelled, t.minusDays(5));
							meetings++;
							if (!cancelled && t.isBefore(now)) {
								for (int side = 0; side < 2; side++) {
									if (r.nextDouble() < (side == 0 ? 0.55 : 0.35)) {
										feedback.row(p.id, "meeting:" + id, ids[side == 0 ? p.mentee : p.mentor], rating(p.quality),
												min(plusDays(t, uniform(0, 3)), now));
										ratings++;
									}
								}
							}
							position++;
							if (flash) {
								break;
							}
							t = plusDays(t, cadence * (r.nextDouble() < 0.2 ? uniform(1.4, 2.5) : uniform(0.8, 1.3)));
						}
						if (p.status.equals("ACTIVE") && !flash && r.nextBoolean()) {
							long id = ++meetingId;
							OffsetDateTime next = plusDays(now, uniform(1, 14));
							meeting.row(id, p.id, ids[p.mentor], next, 45, null, "bench-" + id + "@guildhall", false, now.minusDays(2));
							meetings++;
						}
						// surveys
						double planned = p.programme.weeks * 7.0;
						if (!flash && daysBetween(p.started, end) >= planned / 2) {
							for (int side = 0; side < 2; side++) {
								if (r.nextDouble() < 0.65) {
									feedback.row(p.id, "MIDPOINT", ids[side == 0 ? p.mentee : p.mentor], rating(p.quality),
											min(plusDays(p.started, planned / 2 + uniform(0, 10)), end));
									ratings++;
								}
							}
						}
						if (p.status.equals("COMPLETED") || p.status.equals("ENDED_EARLY")) {
							for (int side = 0; side < 2; side++) {
								if (r.nextDouble() < (p.status.equals("COMPLETED") ? 0.6 : 0.25)) {
									feedback.row(p.id, "FINAL", ids[side == 0 ? p.mentee : p.mentor], rating(p.quality),
											min(plusDays(end, uniform(0, 7)), now));
									ratings++;
								}
							}
						}
						// goals
						int count = flash ? r.nextInt(2) : 1 + r.nextInt(3);
						double elapsed = Math.min(1, daysBetween(p.started, end) / planned);
						for (int g = 0; g < count; g++) {
							double achievedChance = switch (p.status) {
								case "COMPLETED" -> 0.65 + 0.1 * p.quality;
								case "ENDED_EARLY" -> 0.15;
								default -> 0.4 * elapsed;
							};
							boolean achieved = r.nextDouble() < achievedChance;
							int progress = achieved ? 100 : (int) (r.nextDouble() * 90 * Math.max(0.2, elapsed));
							OffsetDateTime created = min(plusDays(p.started, uniform(0, 14)), now);
							OffsetDateTime achievedAt = achieved ? min(plusDays(p.started, daysBetween(p.started, end) * uniform(0.3, 1.0)), now) : null;
							if (achievedAt != null && achievedAt.isBefore(created)) {
								achievedAt = created;
							}
							goal.row(++goalId, p.id, pick(GOALS), progress, created, achievedAt);
							goals++;
						}
					}
				}
				sizes.put("meetings", meetings);
				sizes.put("goals", goals);
				sizes.put("ratings", ratings);
			}

			int rating(double quality) {
				return (int) Math.max(1, Math.min(5, Math.round(4.1 + 0.55 * quality + 0.65 * r.nextGaussian())));
			}
		}

		// ---- community: posts with accepted answers, expert sessions, circles, kudos

		/** Returns the questions as {id, author position, created epoch second}. */
		List<long[]> posts() throws SQLException {
			long postId = maxId("community_post");
			int total = postTarget;
			List<long[]> questions = new ArrayList<>();
			List<long[]> answerOf = new ArrayList<>(); // per question: {answers, candidate answer id, candidate author}
			List<long[]> topics = new ArrayList<>();
			long answers = 0;
			long articles = 0;
			try (Batch post = new Batch(c, """
					INSERT INTO community_post (id, kind, question_id, author_id, title, body, score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
				for (int i = 0; i < total; i++) {
					long id = ++postId;
					OffsetDateTime at = daysAgo(730.0 * (total - i) / total);
					int roll = r.nextInt(10);
					if (roll < 5 && !questions.isEmpty()) {
						// answers go to recent questions mostly
						int q = Math.max(0, questions.size() - 1 - (int) Math.abs(r.nextGaussian() * Math.max(1, questions.size() / 8.0)));
						long[] question = questions.get(q);
						int asker = (int) question[1];
						int author = teacher(asker, 0.5);
						if (author == asker) {
							author = teacher(-1, 0);
						}
						post.row(id, "ANSWER", question[0], ids[author], null, body(skillNames[(int) question[3]]), r.nextInt(6) - 1, at);
						long[] a = answerOf.get(q);
						a[0]++;
						if (a[1] == 0 && author != asker) {
							a[1] = id;
							a[2] = author;
						}
						answers++;
					}
					else if (roll < 8 || questions.isEmpty()) {
						int author = learners.draw(r);
						int skill = mainSkill[author] >= 0 && r.nextBoolean() ? mainSkill[author] : r.nextInt(skillIds.length);
						post.row(id, "QUESTION", null, ids[author], "How do I " + pick(VERBS) + " " + skillNames[skill] + " " + pick(NOUNS) + " "
								+ pick(WORDS) + "?", body(skillNames[skill]), r.nextInt(4), at);
						questions.add(new long[] {id, author, at.toEpochSecond(), skill});
						answerOf.add(new long[3]);
						topics.add(new long[] {id, skill});
					}
					else {
						int author = teacher(-1, 0);
						int skill = mainSkill[author] >= 0 ? mainSkill[author] : r.nextInt(skillIds.length);
						post.row(id, "ARTICLE", null, ids[author], capital(pick(WORDS)) + " " + skillNames[skill] + ": " + pick(NOUNS)
								+ " lessons we learned", body(skillNames[skill]) + " " + body(skillNames[skill]), r.nextInt(10), at);
						topics.add(new long[] {id, skill});
						articles++;
					}
				}
			}
			try (Batch topic = new Batch(c, "INSERT INTO community_post_topic (post_id, skill_id) VALUES (?, ?)")) {
				for (long[] t : topics) {
					topic.row(t[0], skillIds[(int) t[1]]);
				}
			}
			long accepted = 0;
			try (Batch update = new Batch(c, "UPDATE community_post SET answer_count = ?, accepted_answer_id = ? WHERE id = ?")) {
				for (int q = 0; q < questions.size(); q++) {
					long[] a = answerOf.get(q);
					if (a[0] == 0) {
						continue;
					}
					boolean accept = a[1] != 0 && r.nextDouble() < 0.5;
					update.row((int) a[0], accept ? a[1] : null, questions.get(q)[0]);
					if (accept) {
						accepted++;
						link("answers", (int) questions.get(q)[1], (int) a[2]);
					}
				}
			}
			sizes.put("posts", (long) total);
			sizes.put("postsByKind", Map.of("questions", (long) questions.size(), "answers", answers, "articles", articles));
			sizes.put("acceptedAnswers", accepted);
			return questions;
		}

		String body(String skill) {
			StringBuilder body = new StringBuilder();
			int sentences = 2 + r.nextInt(3);
			for (int s = 0; s < sentences; s++) {
				body.append(capital(pick(WORDS))).append(' ').append(r.nextInt(3) == 0 ? skill : pick(NOUNS)).append(' ').append(pick(VERBS))
					.append(' ').append(pick(NOUNS)).append(' ').append(pick(WORDS)).append(". ");
			}
			return body.toString().strip();
		}

		static String capital(String word) {
			return Character.toUpperCase(word.charAt(0)) + word.substring(1);
		}

		/** Ask-an-expert requests on questions: 1% of the links are agreed flash sessions, half as many others were not. */
		void expertSessions(List<long[]> questions) throws SQLException {
			if (questions.isEmpty()) {
				return;
			}
			long target = Math.max(1, Math.round(linkTarget * 0.01));
			long others = target / 2;
			long requestId = maxId("community_expert_request");
			long offerId = maxId("community_flash_offer");
			long slotId = maxId("community_flash_slot");
			Set<Long> seen = new HashSet<>();
			long sessions = 0;
			try (Batch request = new Batch(c, """
					INSERT INTO community_expert_request (id, question_id, expert_id, asker_id, routed_by, state, reasons, decline_reason,
					  asked_at, closed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
					Batch offer = new Batch(c, """
							INSERT INTO community_flash_offer (id, request_id, message, minutes, meeting_link, agreed_slot_id, created_at, agreed_at)
							VALUES (?, ?, ?, ?, NULL, ?, ?, ?)""", request);
					Batch slot = new Batch(c, "INSERT INTO community_flash_slot (id, offer_id, starts_at) VALUES (?, ?, ?)", offer)) {
				int attempts = 0;
				long made = 0;
				while (made < target + others && attempts++ < (target + others) * 20) {
					long[] q = questions.get(r.nextInt(questions.size()));
					int asker = (int) q[1];
					int expert = teacher(asker, 0.4);
					if (expert == asker || !seen.add(q[0] * 1_000_003L + expert)) {
						continue;
					}
					boolean session = sessions < target;
					String state = session ? "SCHEDULED" : new String[] {"OPEN", "ANSWERED", "DECLINED", "OFFERED"}[r.nextInt(4)];
					OffsetDateTime asked = OffsetDateTime.ofInstant(Instant.ofEpochSecond(q[2]), ZoneOffset.UTC).plusHours(1 + r.nextInt(48));
					if (asked.isAfter(now)) {
						asked = now.minusHours(1);
					}
					long id = ++requestId;
					made++;
					request.row(id, q[0], ids[expert], ids[asker], ids[asker], state, "Answered questions on this topic; teaches it",
							state.equals("DECLINED") ? "Not my area any more" : null, asked,
							state.equals("OPEN") || state.equals("OFFERED") ? null : min(asked.plusDays(2), now));
					if (state.equals("SCHEDULED") || state.equals("OFFERED")) {
						long o = ++offerId;
						long s = ++slotId;
						OffsetDateTime offered = min(asked.plusDays(1), now);
						OffsetDateTime agreed = state.equals("SCHEDULED") ? min(asked.plusDays(2), now) : null;
						offer.row(o, id, "Happy to talk it through in half an hour", 30, agreed == null ? null : s, offered, agreed);
						slot.row(s, o, plusDays(offered, uniform(1, 10)));
					}
					if (session) {
						sessions++;
						link("expertSessions", asker, expert);
					}
				}
			}
			sizes.put("expertRequests", requestId - maxIdAtStart("community_expert_request"));
			sizes.put("expertSessions", sessions);
		}

		final Map<String, Long> startIds = new HashMap<>();

		long maxIdAtStart(String table) {
			return startIds.getOrDefault(table, 0L);
		}

		static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
			return a.isBefore(b) ? a : b;
		}

		/** Circles of 5 to 200 (median about 25) until their memberships make 45% of the links still to make. */
		long circles() throws SQLException {
			long remaining = linkTarget - linksByKind.values().stream().mapToLong(Long::longValue).sum();
			long target = Math.max(0, Math.round(remaining * 0.45));
			long circleId = maxId("community_circle");
			long made = 0;
			long circles = 0;
			List<Object[]> rows = new ArrayList<>();
			try (Batch circle = new Batch(c, """
					INSERT INTO community_circle (id, name, name_key, description, skill_id, admission, host_id, member_count, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
				while (made < target) {
					int size = (int) Math.max(5, Math.min(200, Math.round(Math.exp(3.2 + 0.9 * r.nextGaussian()))));
					int host = teacher(-1, 0);
					int skill = mainSkill[host] >= 0 ? mainSkill[host] : r.nextInt(skillIds.length);
					boolean byRequest = r.nextDouble() < 0.3;
					long id = ++circleId;
					OffsetDateTime created = daysAgo(uniform(10, 700));
					Set<Integer> in = new HashSet<>();
					in.add(host);
					rows.add(new Object[] {id, ids[host], "MEMBER", created});
					int memberRows = 1;
					int tries = 0;
					while (in.size() < size && made < target && tries++ < size * 20) {
						int x = learner(host, 0.55);
						if (!in.add(x)) {
							continue;
						}
						boolean requested = byRequest && r.nextDouble() < 0.2;
						rows.add(new Object[] {id, ids[x], requested ? "REQUESTED" : "MEMBER", plusDays(created, r.nextDouble() * daysBetween(created, now))});
						if (!requested) {
							memberRows++;
							made++;
							link("circles", x, host);
						}
					}
					circle.row(id, skillNames[skill] + " circle " + id, (skillNames[skill] + " circle " + id).toLowerCase(Locale.ROOT),
							"People learning " + skillNames[skill] + " together", skillIds[skill], byRequest ? "BY_REQUEST" : "OPEN", ids[host],
							memberRows, created);
					circles++;
				}
			}
			try (Batch member = new Batch(c, "INSERT INTO community_circle_member (circle_id, person_id, status, since) VALUES (?, ?, ?, ?)")) {
				for (Object[] row : rows) {
					member.row(row);
				}
			}
			sizes.put("circles", circles);
			sizes.put("circleMemberRows", (long) rows.size());
			return made;
		}

		/** Kudos for the rest of the links: receivers drawn by teaching weight, givers mostly from the receiver's department. */
		void kudos(long circleLinks) throws SQLException {
			long remaining = Math.max(0, linkTarget - linksByKind.values().stream().mapToLong(Long::longValue).sum());
			long kudosId = maxId("community_kudos");
			try (Batch kudos = new Batch(c, """
					INSERT INTO community_kudos (id, giver_id, receiver_id, skill_id, message, created_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
				long made = 0;
				while (made < remaining) {
					int receiver = teacher(-1, 0);
					int giver = learner(receiver, 0.6);
					if (giver == receiver) {
						continue;
					}
					int skill = mainSkill[receiver] >= 0 && r.nextDouble() < 0.7 ? mainSkill[receiver] : r.nextInt(skillIds.length);
					kudos.row(++kudosId, ids[giver], ids[receiver], skillIds[skill], pick(KUDOS), daysAgo(730 * Math.pow(r.nextDouble(), 1.5)));
					link("kudos", giver, receiver);
					made++;
				}
				sizes.put("kudos", made);
			}
		}

		// ---- plumbing

		long maxId(String table) throws SQLException {
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
				rs.next();
				long max = rs.getLong(1);
				startIds.putIfAbsent(table, max);
				return max;
			}
		}

		/** Identity columns continue after the rows written here, so the application's own inserts do not collide. */
		void restartIdentities() throws SQLException {
			for (String table : List.of("programme", "enrolment", "mentorship", "mentorship_goal", "meeting", "community_post",
					"community_kudos", "community_circle", "community_expert_request", "community_flash_offer", "community_flash_slot")) {
				long next;
				try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
					rs.next();
					next = rs.getLong(1);
				}
				try (Statement s = c.createStatement()) {
					if (db.equals("postgres")) {
						s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
					}
					else {
						s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
					}
				}
			}
			c.commit();
		}
	}

	/** Batched inserts, committed every 5,000 rows. */
	static final class Batch implements AutoCloseable {

		final Connection c;
		final PreparedStatement ps;
		/** Rows this batch's rows refer to: written first. */
		final Batch parent;
		int pending;

		Batch(Connection c, String sql) throws SQLException {
			this(c, sql, null);
		}

		Batch(Connection c, String sql, Batch parent) throws SQLException {
			this.c = c;
			this.ps = c.prepareStatement(sql);
			this.parent = parent;
		}

		void row(Object... values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				Object v = values[i];
				if (v == null) {
					ps.setNull(i + 1, java.sql.Types.NULL);
				}
				else if (v instanceof OffsetDateTime t) {
					ps.setObject(i + 1, t);
				}
				else if (v instanceof LocalDate d) {
					ps.setObject(i + 1, d);
				}
				else {
					ps.setObject(i + 1, v);
				}
			}
			ps.addBatch();
			if (++pending >= 5000) {
				flush();
			}
		}

		void flush() throws SQLException {
			if (parent != null) {
				parent.flush();
			}
			if (pending > 0) {
				ps.executeBatch();
				c.commit();
				pending = 0;
			}
		}

		@Override
		public void close() throws SQLException {
			flush();
			ps.close();
		}
	}
}
