import java.io.IOException;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hardening benchmark (issue 13, "Figures to report"), on a PostgreSQL cluster of its own:
 * <ol>
 *   <li><b>many signed-in users</b>: {@code --users} demo accounts (200) sign in through the form and
 *       each loops over the main pages a person uses, with 1–3 s of think time, for {@code --duration}
 *       seconds (300); per page: requests, p50/p95/p99/max, errors (target 0);</li>
 *   <li><b>database outages under write load</b>: {@code --writers} API clients (10) keep answering
 *       other people's questions while the bench stops the cluster for 15 s and then 60 s
 *       ({@code --outages}); afterwards the database must hold every acknowledged answer (target 0
 *       lost), and every stored answer must have told its question's author exactly once (a
 *       {@code notification} row with source key {@code answer-posted:<answer id>}; target 0 lost,
 *       0 duplicated). Also: the slowest request during the outage, the share that answered 503
 *       with {@code Retry-After} within 3 s, readiness DOWN, and the time from the database's return
 *       to the first acknowledged write.</li>
 * </ol>
 * Uses the JDK plus the application's PostgreSQL driver (run.sh puts it on the class path); the
 * cluster is created and started by run.sh, and only stopped and started here, with
 * {@code pg_ctlcluster <version> <cluster> stop -m fast / start}.
 *
 * <pre>
 * java -cp postgresql.jar bench/hardening/src/HardeningBench.java --jar target/guildhall.jar \
 *      --jdbc jdbc:postgresql://127.0.0.1:5433/guildhall_hardening --cluster 15/hbench [--users 200] [--duration 300] \
 *      [--writers 10] [--outages 15,60] [--out bench/hardening/results/latest.json]
 * </pre>
 *
 * Run it through {@code bench/hardening/run.sh}, from the repository root.
 */
public class HardeningBench {

	static final String DEMO_PASSWORD = "guildhall-demo";

	final Map<String, String> options;
	final Path repo = Path.of("").toAbsolutePath();
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "http");
			t.setDaemon(true);
			return t;
		})).build();
	final Map<String, Object> results = new LinkedHashMap<>();
	final long epoch = System.nanoTime();
	String jdbc;
	App app;

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
		System.exit(new HardeningBench(options).run());
	}

	HardeningBench(Map<String, String> options) {
		this.options = options;
	}

	String option(String name, String fallback) {
		String value = options.get(name);
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	int intOption(String name, int fallback) {
		String value = option(name, String.valueOf(fallback));
		try {
			int parsed = Integer.parseInt(value);
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

	int run() throws Exception {
		Path jar = Path.of(option("jar", "target/guildhall.jar")).toAbsolutePath();
		Path out = Path.of(option("out", "bench/hardening/results/latest.json")).toAbsolutePath();
		Path work = Path.of(option("work", System.getProperty("java.io.tmpdir") + "/guildhall-hardening-bench")).toAbsolutePath();
		jdbc = option("jdbc", "jdbc:postgresql://127.0.0.1:5433/guildhall_hardening");
		String cluster = option("cluster", "15/hbench");
		if (!cluster.matches("\\d+/[a-z0-9_]+") || cluster.endsWith("/main")) {
			throw new IllegalArgumentException("--cluster must be <version>/<name> of the bench's own cluster (never main), was " + cluster);
		}
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("no application jar at " + jar + " (./mvnw -DskipTests package)");
		}
		List<Integer> outages = new ArrayList<>();
		for (String s : option("outages", "15,60").split(",")) {
			if (!s.isBlank()) {
				try {
					outages.add(Integer.parseInt(s.strip()));
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException("--outages: seconds separated by commas, got '" + s + "'");
				}
			}
		}
		Files.createDirectories(work);
		results.put("when", OffsetDateTime.now(ZoneOffset.UTC).toString());
		results.put("machine", machine());
		Map<String, Object> settings = new LinkedHashMap<>();
		for (String key : List.of("users", "duration", "think-min-ms", "think-max-ms", "writers", "write-pause-ms", "outages", "warmup",
				"after", "settle-max", "request-timeout", "seed", "xmx")) {
			settings.put(key, option(key, defaults().get(key)));
		}
		settings.put("jdbc", jdbc);
		settings.put("cluster", cluster);
		results.put("settings", settings);
		results.put("loadAtStart", load());
		int exit = 0;
		app = App.start(this, jar, work.resolve("app.log"));
		results.put("appLog", app.log.toString());
		results.put("startMs", app.startedMs);
		try {
			Demo demo = Demo.read(jdbc);
			System.out.printf(Locale.ROOT, "demo data: %d accounts, %d people, %d programmes, %d questions, %d mentorships%n",
					demo.accounts.size(), demo.people.size(), demo.programmes.size(), demo.questions.size(), demo.mentorships.size());
			if (intOption("users", 200) > 0 && intOption("duration", 300) > 0) {
				results.put("users", users(demo));
				write(out);
			}
			List<Map<String, Object>> runs = new ArrayList<>();
			results.put("outages", runs);
			for (int seconds : outages) {
				runs.add(outage(demo, cluster, seconds, runs.size()));
				write(out);
			}
		}
		catch (Exception e) {
			System.out.println("FAILED: " + e);
			for (StackTraceElement frame : e.getStackTrace()) {
				if (frame.getClassName().startsWith("HardeningBench")) {
					System.out.println("  at " + frame);
				}
			}
			results.put("error", String.valueOf(e));
			exit = 1;
		}
		finally {
			pgCtl(cluster, "start"); // never leave the bench's cluster stopped
			app.stop();
		}
		results.put("loadAtEnd", load());
		results.put("appErrorLinesTotal", app.errorLines(0).size());
		write(out);
		String table = table();
		System.out.println("\n" + table);
		Files.writeString(out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".txt"), table);
		System.out.println("wrote " + repo.relativize(out) + " and its .txt (application log " + app.log + ")");
		return exit;
	}

	static Map<String, String> defaults() {
		Map<String, String> d = new HashMap<>();
		d.put("users", "200");
		d.put("duration", "300");
		d.put("think-min-ms", "1000");
		d.put("think-max-ms", "3000");
		d.put("writers", "10");
		d.put("write-pause-ms", "200");
		d.put("outages", "15,60");
		d.put("warmup", "10");
		d.put("after", "30");
		d.put("settle-max", "300");
		d.put("request-timeout", "30");
		d.put("seed", "42");
		d.put("xmx", "1g");
		return d;
	}

	void write(Path out) throws IOException {
		Files.createDirectories(out.getParent());
		Files.writeString(out, Json.write(results) + "\n");
	}

	double now() {
		return (System.nanoTime() - epoch) / 1e9;
	}

	// ---------------------------------------------------------------- the demo organisation, as the database has it

	record Account(String email, long personId, boolean manager, boolean admin) {
	}

	record Question(long id, long authorId) {
	}

	static final class Demo {

		final List<Account> accounts = new ArrayList<>();
		final List<Long> people = new ArrayList<>();
		final List<Long> programmes = new ArrayList<>();
		final List<Question> questions = new ArrayList<>();
		/** Person id to the mentorships they take part in. */
		final Map<Long, List<Long>> mentorships = new HashMap<>();
		final List<String> skills = new ArrayList<>();

		static Demo read(String jdbc) throws SQLException {
			Demo d = new Demo();
			try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
				query(c, """
						SELECT a.email, a.person_id,
						  EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'PROGRAMME_MANAGER'),
						  EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'ADMIN')
						FROM account a JOIN person p ON p.id = a.person_id
						WHERE a.enabled AND a.password_hash IS NOT NULL AND p.active ORDER BY a.id""",
						rs -> d.accounts.add(new Account(rs.getString(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4))));
				query(c, "SELECT id FROM person WHERE active ORDER BY id", rs -> d.people.add(rs.getLong(1)));
				query(c, "SELECT id FROM programme ORDER BY id", rs -> d.programmes.add(rs.getLong(1)));
				// questions of people who can be told (active, with an account): answering one must notify its author
				query(c, """
						SELECT q.id, q.author_id FROM community_post q JOIN person p ON p.id = q.author_id
						WHERE q.kind = 'QUESTION' AND q.deleted_at IS NULL AND p.active
						  AND EXISTS (SELECT 1 FROM account a WHERE a.person_id = q.author_id AND a.enabled) ORDER BY q.id""",
						rs -> d.questions.add(new Question(rs.getLong(1), rs.getLong(2))));
				query(c, "SELECT id, mentor_id, mentee_id FROM mentorship ORDER BY id", rs -> {
					d.mentorships.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1));
					d.mentorships.computeIfAbsent(rs.getLong(3), k -> new ArrayList<>()).add(rs.getLong(1));
				});
				query(c, "SELECT name FROM skill ORDER BY id LIMIT 200", rs -> d.skills.add(rs.getString(1)));
			}
			if (d.skills.isEmpty()) {
				d.skills.addAll(List.of("java", "kubernetes", "leadership", "sql", "design"));
			}
			return d;
		}
	}

	interface Row {
		void read(ResultSet rs) throws SQLException;
	}

	static void query(Connection c, String sql, Row row, Object... params) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					row.read(rs);
				}
			}
		}
	}

	// ---------------------------------------------------------------- 1. many signed-in users

	record Sample(String page, double startS, double ms, int status, String error) {
	}

	Map<String, Object> users(Demo demo) throws Exception {
		int users = intOption("users", 200);
		int duration = intOption("duration", 300);
		int thinkMin = intOption("think-min-ms", 1000);
		int thinkMax = Math.max(thinkMin + 1, intOption("think-max-ms", 3000));
		long seed = Long.parseLong(option("seed", "42"));
		// managers and administrators first, so that /insights is among the pages however few users there are
		List<Account> accounts = new ArrayList<>(demo.accounts);
		accounts.sort((a, b) -> Boolean.compare(b.manager() || b.admin(), a.manager() || a.admin()));
		if (accounts.size() < users) {
			System.out.printf("only %d demo accounts: %d users, not %d%n", accounts.size(), accounts.size(), users);
			users = accounts.size();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("usersWanted", intOption("users", 200));
		System.out.printf(Locale.ROOT, "%n== %d signed-in users for %d s (think time %d-%d ms)%n", users, duration, thinkMin, thinkMax);

		// sign-in through the form, 8 at a time (each checks a bcrypt hash: about 0.1 s of a core)
		long t0 = System.nanoTime();
		List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
		List<String> signInFailures = Collections.synchronizedList(new ArrayList<>());
		ExecutorService signIns = Executors.newFixedThreadPool(8);
		List<Future<?>> pending = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			Account account = accounts.get(i);
			pending.add(signIns.submit(() -> {
				try {
					sessions.add(Session.signIn(this, account, DEMO_PASSWORD));
				}
				catch (Exception e) {
					signInFailures.add(account.email() + ": " + e.getMessage());
				}
				return null;
			}));
		}
		for (Future<?> f : pending) {
			f.get();
		}
		signIns.shutdown();
		result.put("signInSeconds", round(ms(t0) / 1000.0));
		result.put("signedIn", sessions.size());
		result.put("signInFailures", signInFailures.size());
		if (!signInFailures.isEmpty()) {
			result.put("signInFailureExamples", signInFailures.subList(0, Math.min(5, signInFailures.size())));
		}
		System.out.printf(Locale.ROOT, "%d sessions signed in in %.1f s (%d failed)%n", sessions.size(), ms(t0) / 1000.0,
				signInFailures.size());

		long logOffset = app.logSize();
		ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
		List<Map<String, Object>> loads = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean running = new AtomicBoolean(true);
		double start = now();
		double end = start + duration;
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			Session session = sessions.get(i);
			Random random = new Random(seed * 1_000_003L + i);
			Thread t = new Thread(() -> virtualUser(session, demo, random, thinkMin, thinkMax, end, running, samples), "user-" + i);
			t.setDaemon(true);
			threads.add(t);
		}
		for (Thread t : threads) {
			t.start();
		}
		while (now() < end) {
			Thread.sleep(Math.min(10_000, Math.max(1, (long) ((end - now()) * 1000))));
			loads.add(load());
			long done = samples.size();
			System.out.printf(Locale.ROOT, "  %3.0f s: %,d requests, %d errors, load %s%n", now() - start, done,
					samples.stream().filter(s -> s.error() != null).count(), loads.get(loads.size() - 1).get("load1"));
		}
		running.set(false);
		for (Thread t : threads) {
			t.join(Long.parseLong(option("request-timeout", "30")) * 1000 + 5000);
		}
		List<Sample> all = new ArrayList<>(samples);
		result.put("users", sessions.size());
		result.put("durationSeconds", duration);
		Map<String, List<Sample>> byPage = new TreeMap<>();
		for (Sample s : all) {
			byPage.computeIfAbsent(s.page(), k -> new ArrayList<>()).add(s);
		}
		List<Map<String, Object>> pages = new ArrayList<>();
		for (String page : PAGE_ORDER) {
			if (byPage.containsKey(page)) {
				pages.add(pageStats(page, byPage.get(page)));
			}
		}
		result.put("pages", pages);
		result.put("total", pageStats("all pages", all));
		result.put("requestsPerSecond", round(all.size() / (double) duration));
		// per 30 s of the run: errors that come in a burst (a start-up, a pause) read differently from errors spread evenly
		Map<Integer, List<Sample>> byWindow = new TreeMap<>();
		for (Sample s : all) {
			byWindow.computeIfAbsent((int) ((s.startS() - start) / 30), k -> new ArrayList<>()).add(s);
		}
		List<Map<String, Object>> windows = new ArrayList<>();
		for (Map.Entry<Integer, List<Sample>> w : byWindow.entrySet()) {
			Map<String, Object> stats = pageStats((w.getKey() * 30) + "-" + (w.getKey() * 30 + 30) + " s", w.getValue());
			windows.add(stats);
		}
		result.put("byHalfMinute", windows);
		Map<String, Long> errorKinds = all.stream().filter(s -> s.error() != null)
			.collect(Collectors.groupingBy(Sample::error, TreeMap::new, Collectors.counting()));
		result.put("errorKinds", errorKinds);
		result.put("load", loadSummary(loads));
		List<String> errors = app.errorLines(logOffset);
		result.put("appErrorLines", errors.size());
		result.put("appErrorExamples", errors.subList(0, Math.min(5, errors.size())));
		return result;
	}

	static final List<String> PAGE_ORDER = List.of("/", "/people", "/people/{id}", "/programmes", "/programmes/{id}",
			"/mentorships/{id}", "/community/questions", "/community/questions/{id}", "/community/search?q=", "/notifications",
			"/insights/me", "/insights");

	/** One person: the main pages in a person's order, each followed by 1-3 s of reading. */
	void virtualUser(Session session, Demo demo, Random random, int thinkMin, int thinkMax, double end, AtomicBoolean running,
			ConcurrentLinkedQueue<Sample> samples) {
		Duration timeout = Duration.ofSeconds(Long.parseLong(option("request-timeout", "30")));
		List<Long> own = demo.mentorships.getOrDefault(session.account.personId(), List.of());
		try {
			// start spread over the first think time, so that 200 users do not arrive in the same second
			Thread.sleep(random.nextInt(thinkMax));
			while (running.get() && now() < end) {
				for (String page : PAGE_ORDER) {
					if (!running.get() || now() >= end) {
						return;
					}
					String path = switch (page) {
						case "/people/{id}" -> "/people/" + pick(demo.people, random);
						case "/programmes/{id}" -> demo.programmes.isEmpty() ? null : "/programmes/" + pick(demo.programmes, random);
						case "/mentorships/{id}" -> own.isEmpty() ? null : "/mentorships/" + pick(own, random);
						case "/community/questions/{id}" -> demo.questions.isEmpty() ? null
								: "/community/questions/" + demo.questions.get(random.nextInt(demo.questions.size())).id();
						case "/community/search?q=" -> "/community/search?q="
								+ URLEncoder.encode(pick(demo.skills, random), StandardCharsets.UTF_8);
						case "/insights" -> session.account.manager() || session.account.admin() ? "/insights" : null;
						default -> page;
					};
					if (path == null) {
						continue;
					}
					double started = now();
					long t0 = System.nanoTime();
					int status = 0;
					String error = null;
					try {
						HttpResponse<String> response = session.send(path, null, timeout);
						status = response.statusCode();
						String location = response.headers().firstValue("Location").orElse("");
						if (status >= 400) {
							error = "HTTP " + status;
						}
						else if (status >= 300 && location.contains("/login")) {
							error = "signed out (redirect to /login)";
						}
					}
					catch (HttpTimeoutException e) {
						error = "timeout";
					}
					catch (IOException e) {
						error = e.getClass().getSimpleName();
					}
					samples.add(new Sample(page, started, ms(t0), status, error));
					Thread.sleep(thinkMin + random.nextInt(thinkMax - thinkMin));
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	Map<String, Object> pageStats(String page, List<Sample> samples) {
		List<Double> ok = samples.stream().filter(s -> s.error() == null).map(Sample::ms).sorted().toList();
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("page", page);
		stats.put("requests", samples.size());
		stats.put("p50", percentile(ok, 50));
		stats.put("p95", percentile(ok, 95));
		stats.put("p99", percentile(ok, 99));
		stats.put("max", samples.stream().mapToDouble(Sample::ms).max().stream().map(HardeningBench::round).boxed().findFirst().orElse(null));
		stats.put("errors", samples.stream().filter(s -> s.error() != null).count());
		return stats;
	}

	static Map<String, Object> loadSummary(List<Map<String, Object>> loads) {
		Map<String, Object> summary = new LinkedHashMap<>();
		List<Double> values = loads.stream().map(l -> (Double) l.get("load1")).filter(v -> v != null).sorted().toList();
		summary.put("load1Min", values.isEmpty() ? null : values.get(0));
		summary.put("load1Max", values.isEmpty() ? null : values.get(values.size() - 1));
		summary.put("load1Mean", values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
		summary.put("samples", loads);
		return summary;
	}

	// ---------------------------------------------------------------- 2. database outages under write load

	record Write(int writer, String marker, long questionId, double startS, double endS, int status, String retryAfter, Long id,
			String error) {

		double ms() {
			return (endS - startS) * 1000;
		}

		boolean acked() {
			return status >= 200 && status < 300 && id != null;
		}
	}

	record Probe(double startS, double endS, int status, String error) {
	}

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	Map<String, Object> outage(Demo demo, String cluster, int outageSeconds, int index) throws Exception {
		int writers = intOption("writers", 10);
		int warmup = intOption("warmup", 10);
		int after = intOption("after", 30);
		int pause = intOption("write-pause-ms", 200);
		Duration timeout = Duration.ofSeconds(intOption("request-timeout", 30));
		String run = "hb" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "r" + (System.currentTimeMillis() / 1000 % 100000)
				+ "o" + outageSeconds;
		System.out.printf(Locale.ROOT, "%n== outage of %d s under write load: %d writers, marker %s%n", outageSeconds, writers, run);
		waitReady(120);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("outageSeconds", outageSeconds);
		result.put("marker", run);
		result.put("writers", writers);

		// writers: demo employees (not the managers or administrators), each with a token made on the tokens page
		List<Account> candidates = demo.accounts.stream().filter(a -> !a.manager() && !a.admin()).toList();
		List<Account> chosen = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			chosen.add(candidates.get((candidates.size() - 1 - i - index * writers + candidates.size() * 4) % candidates.size()));
		}
		List<String> tokens = new ArrayList<>();
		for (Account account : chosen) {
			tokens.add(issueToken(Session.signIn(this, account, DEMO_PASSWORD)));
		}
		long logOffset = app.logSize();
		ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			int writer = w;
			Account account = chosen.get(w);
			String token = tokens.get(w);
			List<Question> theirs = demo.questions.stream().filter(q -> q.authorId() != account.personId()).toList();
			if (theirs.isEmpty()) {
				throw new IllegalStateException("no question by another person for " + account.email());
			}
			Thread t = new Thread(() -> {
				int seq = 0;
				while (running.get()) {
					Question q = theirs.get((seq * writers + writer) % theirs.size());
					String marker = run + "-w" + writer + "-" + seq++;
					Write last = answer(token, q.id(), marker, writer, timeout);
					writes.add(last);
					try {
						// no Retry-After honoured: the bench wants to see the first write that works again
						Thread.sleep(last.acked() ? pause : 250);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}, "writer-" + w);
			t.setDaemon(true);
			threads.add(t);
		}
		Thread prober = new Thread(() -> {
			while (running.get()) {
				double s = now();
				int status = 0;
				String error = null;
				try {
					status = http.send(HttpRequest.newBuilder(URI.create(app.base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
				}
				catch (IOException e) {
					error = e.getClass().getSimpleName();
				}
				catch (InterruptedException e) {
					return;
				}
				probes.add(new Probe(s, now(), status, error));
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "readiness");
		prober.setDaemon(true);
		double begin = now();
		OffsetDateTime beginAt = OffsetDateTime.now(ZoneOffset.UTC);
		for (Thread t : threads) {
			t.start();
		}
		prober.start();
		Thread.sleep(warmup * 1000L);
		Map<String, Object> loadBefore = load();
		double stopIssued = now();
		pgCtl(cluster, "stop", "-m", "fast");
		double down = now();
		System.out.printf(Locale.ROOT, "  database stopped (pg_ctlcluster stop took %.1f s)%n", down - stopIssued);
		Thread.sleep(outageSeconds * 1000L);
		Map<String, Object> loadDuring = load();
		double startIssued = now();
		pgCtl(cluster, "start");
		double up = now();
		System.out.printf(Locale.ROOT, "  database started again after %.1f s down (pg_ctlcluster start took %.1f s)%n", up - down,
				up - startIssued);
		Thread.sleep(after * 1000L);
		running.set(false);
		for (Thread t : threads) {
			t.join(timeout.toMillis() + 5000);
		}
		prober.join(15_000);
		double writersStopped = now();
		List<Write> all = new ArrayList<>(writes);
		all.sort((a, b) -> Double.compare(a.startS(), b.startS()));
		System.out.printf(Locale.ROOT, "  %d writes, %d acknowledged; waiting for the side effects to settle%n", all.size(),
				all.stream().filter(Write::acked).count());

		Map<String, Object> timeline = new LinkedHashMap<>();
		timeline.put("writersStarted", 0.0);
		timeline.put("stopIssued", round(stopIssued - begin));
		timeline.put("down", round(down - begin));
		timeline.put("startIssued", round(startIssued - begin));
		timeline.put("up", round(up - begin));
		timeline.put("writersStopped", round(writersStopped - begin));
		result.put("timelineSeconds", timeline);
		result.put("databaseDownSeconds", round(startIssued - down));
		result.put("loadBefore", loadBefore);
		result.put("loadDuring", loadDuring);

		// what the clients saw
		Map<String, Long> statuses = all.stream()
			.collect(Collectors.groupingBy(w -> w.error() != null ? w.error() : String.valueOf(w.status()), TreeMap::new, Collectors.counting()));
		result.put("writes", all.size());
		result.put("acknowledged", all.stream().filter(Write::acked).count());
		result.put("statuses", statuses);
		// in flight at any time while the database was stopping, away or starting
		List<Write> during = all.stream().filter(w -> w.endS() >= stopIssued && w.startS() <= up).toList();
		// sent while the database was fully away: these must all answer 503 with Retry-After, fast
		List<Write> whileDown = all.stream().filter(w -> w.startS() >= down && w.startS() <= startIssued).toList();
		result.put("requestsDuringOutage", during.size());
		Write slowest = during.stream().max((a, b) -> Double.compare(a.ms(), b.ms())).orElse(null);
		result.put("slowestDuringOutageMs", slowest == null ? null : round(slowest.ms()));
		result.put("slowestDuringOutage", slowest == null ? null : slowest.status() + (slowest.error() == null ? "" : " " + slowest.error())
				+ " sent " + round(slowest.startS() - stopIssued) + " s after the stop was issued");
		result.put("p95DuringOutageMs", percentile(during.stream().map(Write::ms).sorted().toList(), 95));
		result.put("requestsWhileDown", whileDown.size());
		long fast503 = whileDown.stream().filter(w -> w.status() == 503 && w.retryAfter() != null && w.ms() <= 3000).count();
		result.put("whileDown503RetryAfterWithin3s", fast503);
		result.put("whileDown503RetryAfterWithin3sShare", whileDown.isEmpty() ? null : round(100.0 * fast503 / whileDown.size()));
		result.put("whileDownOtherAnswers", whileDown.stream().filter(w -> w.status() != 503 || w.retryAfter() == null)
			.collect(Collectors.groupingBy(w -> w.error() != null ? w.error() : w.status() + (w.retryAfter() == null ? " without Retry-After" : ""),
					TreeMap::new, Collectors.counting())));
		result.put("acknowledgedWhileDown", whileDown.stream().filter(Write::acked).count());
		result.put("http5xxOther", all.stream().filter(w -> w.status() >= 500 && w.status() != 503).count());
		result.put("http5xxOtherExamples", all.stream().filter(w -> w.status() >= 500 && w.status() != 503).limit(10)
			.map(w -> w.status() + " for " + w.marker() + ", sent " + round(w.startS() - stopIssued) + " s after the stop was issued, answered after "
					+ round(w.ms()) + " ms")
			.toList());
		// recovery: from the database's return to the first acknowledged write sent after it
		Write firstOk = all.stream().filter(w -> w.acked() && w.startS() >= up).min((a, b) -> Double.compare(a.endS(), b.endS())).orElse(null);
		result.put("recoverySeconds", firstOk == null ? null : round(firstOk.endS() - up));
		Write firstOkAfterStart = all.stream().filter(w -> w.acked() && w.endS() >= startIssued).min((a, b) -> Double.compare(a.endS(), b.endS()))
			.orElse(null);
		result.put("recoveryFromStartIssuedSeconds", firstOkAfterStart == null ? null : round(firstOkAfterStart.endS() - startIssued));
		if (firstOk != null) {
			double back = firstOk.endS();
			result.put("failuresAfterRecovery", all.stream().filter(w -> w.startS() > back && !w.acked()).count());
		}
		// readiness
		List<Probe> ps = new ArrayList<>(probes);
		Probe firstDown = ps.stream().filter(p -> p.startS() >= stopIssued && p.status() != 200).findFirst().orElse(null);
		result.put("readinessDownAfterSeconds", firstDown == null ? null : round(firstDown.endS() - stopIssued));
		result.put("readinessDownStatus", firstDown == null ? null : firstDown.error() != null ? firstDown.error() : firstDown.status());
		Probe firstUp = ps.stream().filter(p -> p.startS() >= up && p.status() == 200).findFirst().orElse(null);
		result.put("readinessUpAfterSeconds", firstUp == null ? null : round(firstUp.endS() - up));
		result.put("readinessSlowestMs", ps.stream().mapToDouble(p -> (p.endS() - p.startS()) * 1000).max().stream()
			.map(HardeningBench::round).boxed().findFirst().orElse(null));

		// what the database kept
		result.putAll(settleAndCheck(run, all, beginAt));
		List<String> errors = app.errorLines(logOffset);
		result.put("appErrorLines", errors.size());
		result.put("appErrorExamples", errors.subList(0, Math.min(8, errors.size())));
		result.put("appWarn503Lines", app.count(logOffset, "Database unavailable"));
		printOutage(result);
		return result;
	}

	Write answer(String token, long questionId, String marker, int writer, Duration timeout) {
		String body = "{\"body\":\"" + marker + " - an answer written by the hardening bench while the database may be away.\"}";
		double s = now();
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.base + "/api/v1/community/questions/" + questionId + "/answers"))
				.timeout(timeout).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			double e = now();
			Long id = null;
			if (response.statusCode() / 100 == 2) {
				Matcher m = ID.matcher(response.body());
				if (m.find()) {
					id = Long.valueOf(m.group(1));
				}
			}
			return new Write(writer, marker, questionId, s, e, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
					id, null);
		}
		catch (HttpTimeoutException e) {
			return new Write(writer, marker, questionId, s, now(), 0, null, null, "timeout");
		}
		catch (IOException e) {
			return new Write(writer, marker, questionId, s, now(), 0, null, null, e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Write(writer, marker, questionId, s, now(), 0, null, null, "interrupted");
		}
	}

	/**
	 * Waits until the answers' side effects stop changing: every stored answer has its notification,
	 * or no event publication of this run is left incomplete, with the notification count unchanged
	 * for 10 s; at most --settle-max seconds (a listener that failed during the outage is delivered
	 * again by EventPublicationRetry once its publication is older than 2 minutes, at a 1-minute
	 * interval, and only when the node has no backlog of listener calls). Then compares.
	 */
	Map<String, Object> settleAndCheck(String run, List<Write> all, OffsetDateTime since) throws Exception {
		Map<String, Object> r = new LinkedHashMap<>();
		int settleMax = intOption("settle-max", 300);
		double t0 = now();
		long lastCount = -1;
		double stableSince = now();
		long incomplete = -1;
		long answers = 0;
		while (true) {
			long count;
			try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
				count = single(c, """
						SELECT COUNT(*) FROM notification n WHERE n.source_key IN (SELECT 'answer-posted:' || p.id FROM community_post p
						WHERE p.kind = 'ANSWER' AND p.body LIKE ?)""", run + "-%");
				answers = single(c, "SELECT COUNT(*) FROM community_post WHERE kind = 'ANSWER' AND body LIKE ?", run + "-%");
				incomplete = single(c, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND publication_date >= ?", since);
			}
			if (count != lastCount) {
				lastCount = count;
				stableSince = now();
			}
			if (((incomplete == 0 || count >= answers) && now() - stableSince >= 10) || now() - t0 >= settleMax) {
				break;
			}
			Thread.sleep(2000);
		}
		r.put("settleSeconds", round(now() - t0));
		// listeners of this run's events (search index, reputation, activity, expert requests, notifications) not completed
		r.put("incompletePublicationsAtEnd", incomplete);
		Map<String, Long> byListener = new TreeMap<>();
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
			query(c, """
					SELECT listener_id, COUNT(*) FROM event_publication WHERE completion_date IS NULL AND publication_date >= ?
					GROUP BY listener_id""", rs -> byListener.put(rs.getString(1).replaceAll("\\(.*", "").replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"),
					rs.getLong(2)), since);
		}
		r.put("incompletePublicationsByListener", byListener);

		Map<String, Long> stored = new HashMap<>(); // marker -> id
		Map<Long, Long> notifications = new HashMap<>(); // answer id -> notifications
		Map<Long, Long> mails = new HashMap<>(); // answer id -> mail rows
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
			query(c, "SELECT id, body FROM community_post WHERE kind = 'ANSWER' AND body LIKE ?", rs -> {
				String body = rs.getString(2);
				stored.put(body.substring(0, body.indexOf(' ')), rs.getLong(1));
			}, run + "-%");
			query(c, """
					SELECT p.id, COUNT(DISTINCT n.id), COUNT(m.id) FROM community_post p
					LEFT JOIN notification n ON n.source_key = 'answer-posted:' || p.id
					LEFT JOIN notification_mail m ON m.notification_id = n.id
					WHERE p.kind = 'ANSWER' AND p.body LIKE ? GROUP BY p.id""", rs -> {
				notifications.put(rs.getLong(1), rs.getLong(2));
				mails.put(rs.getLong(1), rs.getLong(3));
			}, run + "-%");
		}
		List<Write> acked = all.stream().filter(Write::acked).toList();
		List<String> lost = acked.stream().filter(w -> !w.id().equals(stored.get(w.marker()))).map(w -> w.marker() + " (id " + w.id() + ")").toList();
		r.put("acknowledgedLost", lost.size());
		r.put("acknowledgedLostExamples", lost.subList(0, Math.min(5, lost.size())));
		java.util.Set<String> ackedMarkers = acked.stream().map(Write::marker).collect(Collectors.toSet());
		r.put("storedAnswers", stored.size());
		// a write whose answer never reached the client (timeout, reset) may still have committed: not a loss, but counted
		r.put("storedWithoutAcknowledgement", stored.keySet().stream().filter(m -> !ackedMarkers.contains(m)).count());
		r.put("sideEffectsLost", notifications.values().stream().filter(n -> n == 0).count());
		r.put("sideEffectsDuplicated", notifications.values().stream().filter(n -> n > 1).count());
		r.put("sideEffectsLostAnswerIds", notifications.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).limit(10).toList());
		r.put("mailRowsMissing", mails.entrySet().stream().filter(e -> e.getValue() == 0 && notifications.get(e.getKey()) > 0).count());
		r.put("mailRowsDuplicated", mails.values().stream().filter(n -> n > 1).count());
		return r;
	}

	static long single(Connection c, String sql, Object... params) throws SQLException {
		long[] value = new long[1];
		query(c, sql, rs -> value[0] = rs.getLong(1), params);
		return value[0];
	}

	void waitReady(int seconds) throws Exception {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(app.base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("readiness not UP within " + seconds + " s");
	}

	void pgCtl(String cluster, String action, String... more) throws Exception {
		String[] parts = cluster.split("/");
		List<String> command = new ArrayList<>(List.of("pg_ctlcluster", parts[0], parts[1], action));
		command.addAll(List.of(more));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		int rc = p.waitFor();
		// start on a running cluster says so and exits 2: that is fine for the safety start at the end
		if (rc != 0 && !(action.equals("start") && output.contains("already running"))) {
			throw new IllegalStateException(String.join(" ", command) + " failed (" + rc + "): " + output);
		}
	}

	void printOutage(Map<String, Object> r) {
		System.out.printf(Locale.ROOT, "  lost %s of %s acknowledged; side effects lost %s, duplicated %s; slowest during the outage %s ms; "
				+ "503+Retry-After within 3 s %s%% of %s; recovery %s s; readiness DOWN after %s s; ERROR lines %s%n", r.get("acknowledgedLost"),
				r.get("acknowledged"), r.get("sideEffectsLost"), r.get("sideEffectsDuplicated"), r.get("slowestDuringOutageMs"),
				r.get("whileDown503RetryAfterWithin3sShare"), r.get("requestsWhileDown"), r.get("recoverySeconds"),
				r.get("readinessDownAfterSeconds"), r.get("appErrorLines"));
	}

	// ---------------------------------------------------------------- the application

	static final class App {

		final Process process;
		final String base;
		final Path log;
		long startedMs;

		App(Process process, String base, Path log) {
			this.process = process;
			this.base = base;
			this.log = log;
		}

		static App start(HardeningBench bench, Path jar, Path log) throws Exception {
			int port = freePort(bench.intOption("port", 18390));
			List<String> command = new ArrayList<>(List.of("java", "-Xmx" + bench.option("xmx", "1g"), "-jar", jar.toString(),
					"--server.port=" + port,
					// the bench signs in hundreds of demo accounts from one address, some of them more than once
					"--guildhall.sign-in.attempts-per-address=100000", "--guildhall.sign-in.attempts-per-account=1000"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			Map<String, String> env = builder.environment();
			env.put("SPRING_PROFILES_ACTIVE", "postgres");
			env.put("SPRING_DATASOURCE_URL", bench.jdbc);
			env.put("SPRING_DATASOURCE_USERNAME", "postgres");
			env.put("SPRING_DATASOURCE_PASSWORD", "");
			// demo data on (the default): the accounts share the password guildhall-demo
			env.put("GUILDHALL_DEMO_ENABLED", "true");
			// not needed here, and embedding every text would keep both cores busy
			env.put("GUILDHALL_COMMUNITY_SEMANTIC_ENABLED", "false");
			// ten writers answer several times a second each; the default is 10 posts a minute per person
			env.put("GUILDHALL_COMMUNITY_POSTS_PER_MINUTE", "100000");
			System.out.println("== starting the application on " + bench.jdbc + " (log " + log + ")");
			long t0 = System.nanoTime();
			App app = new App(builder.start(), "http://127.0.0.1:" + port, log);
			long deadline = System.nanoTime() + 900_000_000_000L;
			while (true) {
				if (!app.process.isAlive()) {
					throw new IllegalStateException("the application exited; see " + log);
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("no answer from the application; see " + log);
				}
				try {
					if (bench.http.send(HttpRequest.newBuilder(URI.create(app.base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10))
							.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						break;
					}
				}
				catch (ConnectException | HttpTimeoutException e) {
					// not yet
				}
				Thread.sleep(500);
			}
			app.startedMs = ms(t0);
			System.out.printf(Locale.ROOT, "application ready on %s after %,d ms%n", app.base, app.startedMs);
			return app;
		}

		long logSize() throws IOException {
			return Files.size(log);
		}

		String logFrom(long offset) throws IOException {
			byte[] bytes = Files.readAllBytes(log);
			int from = (int) Math.min(offset, bytes.length);
			return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
		}

		/** Log lines at level ERROR written after the offset. */
		List<String> errorLines(long offset) throws IOException {
			return logFrom(offset).lines().filter(l -> l.matches("^\\S+\\s+ERROR\\b.*")).map(l -> l.length() > 400 ? l.substring(0, 400) : l)
				.toList();
		}

		long count(long offset, String text) throws IOException {
			return logFrom(offset).lines().filter(l -> l.contains(text)).count();
		}

		void stop() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	// ---------------------------------------------------------------- HTTP plumbing

	/** A browser session of one demo account, signed in through the form (session and CSRF cookies). */
	static final class Session {

		final HardeningBench bench;
		final Account account;
		final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

		Session(HardeningBench bench, Account account) {
			this.bench = bench;
			this.account = account;
		}

		static Session signIn(HardeningBench bench, Account account, String password) throws Exception {
			Session s = new Session(bench, account);
			Duration timeout = Duration.ofSeconds(60);
			HttpResponse<String> login = s.send("/login", null, timeout);
			HttpResponse<String> signedIn = s.send("/login", form("username", account.email(), "password", password, "_csrf", csrf(login.body())),
					timeout);
			String target = signedIn.headers().firstValue("Location").orElse("");
			if (signedIn.statusCode() != 302 || target.contains("error") || target.contains("throttled")) {
				throw new IllegalStateException("sign-in as " + account.email() + " failed: " + signedIn.statusCode() + " " + target);
			}
			return s;
		}

		HttpResponse<String> send(String path, String form, Duration timeout) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bench.app.base + path)).timeout(timeout);
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
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
		Duration timeout = Duration.ofSeconds(60);
		HttpResponse<String> tokens = session.send("/account/tokens", null, timeout);
		HttpResponse<String> created = session.send("/account/tokens",
				form("name", "hardening bench " + System.nanoTime(), "validDays", "2", "_csrf", csrf(tokens.body())), timeout);
		Matcher secret = Pattern.compile("(ghp_[A-Za-z0-9_\\-]+)").matcher(created.body());
		if (!secret.find()) {
			throw new IllegalStateException("no token in the answer: " + created.statusCode());
		}
		return secret.group(1);
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

	static long ms(long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static Double percentile(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return null;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
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
	String table() {
		StringBuilder out = new StringBuilder();
		Map<String, Object> machine = (Map<String, Object>) results.get("machine");
		out.append(String.format(Locale.ROOT, "Hardening benchmark, %s, commit %s, %s cores, PostgreSQL cluster %s%n", results.get("when"),
				machine.get("commit"), machine.get("cpus"), ((Map<String, Object>) results.get("settings")).get("cluster")));
		out.append(String.format(Locale.ROOT, "load at start %s, at end %s%n", ((Map<String, Object>) results.get("loadAtStart")).get("load1"),
				results.get("loadAtEnd") == null ? "?" : ((Map<String, Object>) results.get("loadAtEnd")).get("load1")));
		Map<String, Object> users = (Map<String, Object>) results.get("users");
		if (users != null) {
			Map<String, Object> load = (Map<String, Object>) users.get("load");
			out.append(String.format(Locale.ROOT, "%n%s signed-in users (of %s wanted) for %s s, %s requests/s; 1-minute load %s-%s (mean %s); "
					+ "sign-in of all took %s s, %s failed; application ERROR lines: %s%n", users.get("users"), users.get("usersWanted"),
					users.get("durationSeconds"), users.get("requestsPerSecond"), load.get("load1Min"), load.get("load1Max"), load.get("load1Mean"),
					users.get("signInSeconds"), users.get("signInFailures"), users.get("appErrorLines")));
			out.append(String.format(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %7s%n", "page", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms",
					"errors"));
			List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) users.get("pages"));
			rows.add((Map<String, Object>) users.get("total"));
			for (Map<String, Object> row : rows) {
				out.append(String.format(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %7s%n", row.get("page"), row.get("requests"), row.get("p50"),
						row.get("p95"), row.get("p99"), row.get("max"), row.get("errors")));
			}
			out.append(String.format(Locale.ROOT, "%nby half minute of the run%n"));
			for (Map<String, Object> row : (List<Map<String, Object>>) users.get("byHalfMinute")) {
				out.append(String.format(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %7s%n", row.get("page"), row.get("requests"), row.get("p50"),
						row.get("p95"), row.get("p99"), row.get("max"), row.get("errors")));
			}
			Map<String, Object> kinds = (Map<String, Object>) users.get("errorKinds");
			if (!kinds.isEmpty()) {
				out.append("errors by kind: ").append(kinds).append('\n');
			}
		}
		List<Map<String, Object>> runs = (List<Map<String, Object>>) results.get("outages");
		if (runs != null && !runs.isEmpty()) {
			out.append(String.format(Locale.ROOT, "%nDatabase outages under write load (%s writers answering questions through the API)%n",
					runs.get(0).get("writers")));
			String[][] lines = {{"database away (s)", "databaseDownSeconds"}, {"writes / acknowledged", null},
					{"acknowledged writes lost (0)", "acknowledgedLost"}, {"stored without acknowledgement", "storedWithoutAcknowledgement"},
					{"side effects lost (0)", "sideEffectsLost"}, {"side effects duplicated (0)", "sideEffectsDuplicated"},
					{"mail rows missing / duplicated", null}, {"requests during the outage", "requestsDuringOutage"},
					{"slowest during the outage (ms)", "slowestDuringOutageMs"}, {"p95 during the outage (ms)", "p95DuringOutageMs"},
					{"sent while away: 503+Retry-After <= 3 s", null}, {"other 5xx (0)", "http5xxOther"},
					{"recovery: DB back to 1st ack (s)", "recoverySeconds"}, {"failures after recovery", "failuresAfterRecovery"},
					{"readiness DOWN after (s, < 5)", "readinessDownAfterSeconds"}, {"readiness UP after DB back (s)", "readinessUpAfterSeconds"},
					{"side effects settled after (s)", "settleSeconds"}, {"incomplete publications at end", "incompletePublicationsAtEnd"},
					{"application ERROR lines", "appErrorLines"}, {"1-minute load before / during", null}};
			out.append(String.format(Locale.ROOT, "%-40s", "figure (target)"));
			for (Map<String, Object> r : runs) {
				out.append(String.format(Locale.ROOT, " %22s", r.get("outageSeconds") + " s outage"));
			}
			out.append('\n');
			for (String[] line : lines) {
				out.append(String.format(Locale.ROOT, "%-40s", line[0]));
				for (Map<String, Object> r : runs) {
					String value = switch (line[0]) {
						case "writes / acknowledged" -> r.get("writes") + " / " + r.get("acknowledged");
						case "mail rows missing / duplicated" -> r.get("mailRowsMissing") + " / " + r.get("mailRowsDuplicated");
						case "sent while away: 503+Retry-After <= 3 s" -> r.get("whileDown503RetryAfterWithin3s") + " of " + r.get("requestsWhileDown")
								+ " (" + r.get("whileDown503RetryAfterWithin3sShare") + "%)";
						case "1-minute load before / during" -> ((Map<String, Object>) r.get("loadBefore")).get("load1") + " / "
								+ ((Map<String, Object>) r.get("loadDuring")).get("load1");
						default -> String.valueOf(r.get(line[1]));
					};
					out.append(String.format(Locale.ROOT, " %22s", value));
				}
				out.append('\n');
			}
			for (Map<String, Object> r : runs) {
				Map<String, Object> statuses = (Map<String, Object>) r.get("statuses");
				out.append(String.format(Locale.ROOT, "%s s outage: answers %s; sent while away, other answers %s; listeners not completed %s%n",
						r.get("outageSeconds"), statuses, r.get("whileDownOtherAnswers"), r.get("incompletePublicationsByListener")));
				for (Object example : (List<Object>) r.get("http5xxOtherExamples")) {
					out.append("  ").append(example).append('\n');
				}
			}
		}
		if (results.get("error") != null) {
			out.append("\nFAILED: ").append(results.get("error")).append('\n');
		}
		return out.toString();
	}

	/** Enough JSON for the results: maps, lists, strings, numbers, booleans and null. */
	static final class Json {

		static String write(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out, "");
			return out.toString();
		}

		static void write(Object value, StringBuilder out, String indent) {
			if (value == null) {
				out.append("null");
			}
			else if (value instanceof Map<?, ?> map) {
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
			else if (value instanceof Number || value instanceof Boolean) {
				out.append(value);
			}
			else {
				string(value.toString(), out);
			}
		}

		static void string(String s, StringBuilder out) {
			out.append('"');
			for (char c : s.toCharArray()) {
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
