import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Community search benchmark (issue 5): expert-finder and full-text search latency over a large
 * community, and the index rebuild time. Uses the JDK and psql; starts and stops the application.
 * <ol>
 *   <li>a fresh PostgreSQL database; the application started from the jar on it (demo off);</li>
 *   <li>people imported through the HR import API from a generated CSV;</li>
 *   <li>posts (questions 30%, answers 50%, articles 20%) with topics, and kudos, written with
 *       {@code COPY} from seeded templates over the skill taxonomy;</li>
 *   <li>an index rebuild through the API, timed until READY (and, with semantic search on, until
 *       every document has its vector);</li>
 *   <li>GET /api/v1/community/experts and /search with a seeded mix of realistic queries, from one
 *       client and from eight at once; p50/p95/p99 in ms; the load average with every figure.</li>
 * </ol>
 * Run it through {@code bench/community/run.sh}.
 */
public class CommunityBench {

	static final String ADMIN_EMAIL = "bench-admin@example.com";
	static final String ADMIN_PASSWORD = "bench-admin-password-2024";

	static final String[] VERBS = {"debug", "scale", "test", "migrate", "monitor", "secure", "tune", "learn", "document",
			"automate", "review", "design", "deploy", "measure", "explain", "plan"};
	static final String[] NOUNS = {"pipeline", "release", "team", "report", "service", "budget", "dashboard", "workflow",
			"interview", "roadmap", "incident", "contract", "model", "campaign", "process", "query", "cluster", "backlog",
			"forecast", "onboarding", "audit", "deadline", "customer", "stakeholder", "architecture", "dataset"};
	static final String[] WORDS = {"quickly", "safely", "first", "again", "slow", "failing", "large", "small", "new", "legacy",
			"remote", "weekly", "quarterly", "shared", "manual", "cheaper", "reliable", "clear", "common", "practical",
			"mistakes", "lessons", "tips", "checklist", "example", "trade-offs", "metrics", "feedback", "owners", "risks",
			"handover", "estimate", "priorities", "templates", "tools", "habits", "review", "coaching", "pairing", "notes"};
	static final String[] PHRASES = {"help with container orchestration", "how to give better feedback",
			"speeding up slow database queries", "planning a product roadmap", "securing cloud accounts",
			"running a quarterly forecast", "hiring good engineers", "writing clear documentation",
			"machine learning in production", "handling an angry customer", "negotiating a supplier contract",
			"measuring team performance", "automating test pipelines", "presenting to executives"};

	final Map<String, String> options;
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER).build();
	final Path repo = Path.of("").toAbsolutePath();

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --option value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		new CommunityBench(options).run();
	}

	CommunityBench(Map<String, String> options) {
		this.options = options;
	}

	String option(String name, String fallback) {
		return options.getOrDefault(name, fallback);
	}

	void run() throws Exception {
		Path jar = Path.of(option("jar", "target/guildhall.jar")).toAbsolutePath();
		Path out = Path.of(option("out", "bench/community/results/latest.json")).toAbsolutePath();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("when", OffsetDateTime.now().toString());
		results.put("machine", machine());
		List<Map<String, Object>> runs = new ArrayList<>();
		for (String spec : option("runs", "keyword:people.csv:200000").split(",")) {
			// mode:csv:posts  (mode is keyword or semantic)
			String[] parts = spec.split(":");
			Map<String, Object> run = new LinkedHashMap<>();
			run.put("mode", parts[0]);
			run.put("csv", Path.of(parts[1]).getFileName().toString());
			run.put("posts", Integer.parseInt(parts[2]));
			try {
				one(jar, parts[0].equals("semantic"), Path.of(parts[1]).toAbsolutePath(), Integer.parseInt(parts[2]), run);
			}
			catch (Exception e) {
				e.printStackTrace();
				run.put("error", String.valueOf(e.getMessage()));
			}
			runs.add(run);
			Files.createDirectories(out.getParent());
			results.put("runs", runs);
			Files.writeString(out, json(results) + "\n");
		}
		String table = table(runs);
		System.out.println(table);
		Files.writeString(out.resolveSibling("latest.txt"), table);
		System.out.println("wrote " + repo.relativize(out));
	}

	void one(Path jar, boolean semantic, Path csv, int posts, Map<String, Object> run) throws Exception {
		String db = option("pg-database", "guildhall_community_bench");
		// --reuse-database true: measure again on what the last run left (people, posts and, for a
		// semantic run, the cached vectors), without importing and writing anew.
		boolean reuse = Boolean.parseBoolean(option("reuse-database", "false"));
		if (!reuse) {
			psql("postgres", "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
		}
		Path dir = Files.createTempDirectory("guildhall-community-bench-");
		Path appLog = dir.resolve("app.log");
		int port = freePort(Integer.parseInt(option("port", "18190")));
		String base = "http://127.0.0.1:" + port;
		List<String> command = List.of("java", "-Xmx" + option("xmx", "3g"), "-jar", jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appLog.toFile());
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("GUILDHALL_DEMO_ENABLED", "false");
		env.put("GUILDHALL_ADMIN_EMAIL", ADMIN_EMAIL);
		env.put("GUILDHALL_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("GUILDHALL_COMMUNITY_SEMANTIC_ENABLED", String.valueOf(semantic));
		env.put("GUILDHALL_COMMUNITY_POSTS_PER_MINUTE", "100000");
		env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db + "?reWriteBatchedInserts=true");
		env.put("SPRING_DATASOURCE_USERNAME", "postgres");
		env.put("SPRING_DATASOURCE_PASSWORD", "");
		run.put("jvm", String.join(" ", command.subList(0, 2)));
		System.out.println("\n== " + (semantic ? "semantic" : "keyword") + " run: " + String.join(" ", command) + " (log " + appLog + ")");
		Process app = builder.start();
		try {
			waitFor(base + "/actuator/health", app, appLog);
			Client client = new Client(base, signInAndIssueToken(base));
			long t0 = System.nanoTime();
			if (!reuse) {
				importPeople(client, csv);
				run.put("importPeopleMs", ms(t0));
			}
			int people = Integer.parseInt(psqlValue(db, "SELECT COUNT(*) FROM person WHERE active"));
			run.put("people", people);
			System.out.printf(Locale.ROOT, "people %s: %,d in %,d ms%n", reuse ? "reused" : "imported", people, ms(t0));

			t0 = System.nanoTime();
			Map<String, Object> corpus;
			if (reuse) {
				corpus = new LinkedHashMap<>();
				corpus.put("reused", true);
				corpus.put("posts", Long.parseLong(psqlValue(db, "SELECT COUNT(*) FROM community_post")));
				corpus.put("kudos", Long.parseLong(psqlValue(db, "SELECT COUNT(*) FROM community_kudos")));
			}
			else {
				corpus = writePosts(db, posts, new Random(Long.parseLong(option("seed", "42"))));
				run.put("writePostsMs", ms(t0));
			}
			run.put("corpus", corpus);
			System.out.printf(Locale.ROOT, "posts: %s in %,d ms%n", corpus, ms(t0));

			// wait for the start-up and import rebuilds to settle, then time a rebuild of everything
			waitIndex(client, false, 1800);
			run.put("loadBeforeRebuild", load());
			t0 = System.nanoTime();
			HttpResponse<String> started = client.send(HttpRequest.newBuilder(client.uri("/api/v1/community/search/index/rebuild"))
				.POST(HttpRequest.BodyPublishers.noBody()));
			if (started.statusCode() != 202) {
				throw new IllegalStateException("rebuild answered " + started.statusCode() + " " + started.body());
			}
			String status = waitIndex(client, false, 3600);
			run.put("rebuildMs", ms(t0));
			run.put("indexedDocuments", longField(status, "documents"));
			System.out.printf(Locale.ROOT, "rebuild: %,d documents in %,d ms (load %s)%n", longField(status, "documents"), ms(t0), load());
			if (semantic) {
				status = waitIndex(client, true, 7200);
				run.put("rebuildWithVectorsMs", ms(t0));
				run.put("withVectors", longField(status, "withVectors"));
				System.out.printf(Locale.ROOT, "vectors: %,d documents embedded or read from the cache after %,d ms%n",
						longField(status, "withVectors"), ms(t0));
			}
			run.put("loadAfterRebuild", load());
			// Let background work (index merges) finish before timing queries: wait until the 1-minute
			// load falls to --settle-load, for at most --settle-seconds.
			double settleLoad = Double.parseDouble(option("settle-load", "1.0"));
			long settleUntil = System.nanoTime() + Long.parseLong(option("settle-seconds", "600")) * 1_000_000_000L;
			while (oneMinuteLoad() > settleLoad && System.nanoTime() < settleUntil) {
				Thread.sleep(5_000);
			}
			run.put("loadBeforeQueries", load());
			System.out.println("settled: load " + load());

			List<String> skills = List.of(psqlValue(db, "SELECT string_agg(name, '|') FROM skill WHERE status = 'APPROVED'").split("\\|"));
			Random random = new Random(7);
			int n = Integer.parseInt(option("queries", "300"));
			List<String> expertQueries = new ArrayList<>();
			List<String> searchQueries = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int kind = random.nextInt(10);
				expertQueries.add(kind < 6 ? pick(skills, random)
						: kind < 8 ? pick(skills, random) + " " + pick(NOUNS, random) : pick(PHRASES, random));
				int words = 1 + random.nextInt(3);
				StringBuilder q = new StringBuilder(random.nextBoolean() ? pick(skills, random) : pick(NOUNS, random));
				for (int w = 1; w < words; w++) {
					q.append(' ').append(random.nextBoolean() ? pick(WORDS, random) : pick(VERBS, random));
				}
				searchQueries.add(random.nextInt(10) == 0 ? pick(PHRASES, random) : q.toString());
			}
			// warm up the JIT and caches
			measure(client, "/api/v1/community/experts", expertQueries.subList(0, Math.min(50, n)), 1);
			measure(client, "/api/v1/community/search", searchQueries.subList(0, Math.min(50, n)), 1);
			Map<String, Object> latency = new LinkedHashMap<>();
			for (int clients : List.of(1, Integer.parseInt(option("clients", "8")))) {
				latency.put("experts-" + clients + "c", measure(client, "/api/v1/community/experts", expertQueries, clients));
				latency.put("search-" + clients + "c", measure(client, "/api/v1/community/search", searchQueries, clients));
			}
			run.put("latency", latency);
		}
		finally {
			stop(app);
		}
	}

	void importPeople(Client client, Path csv) throws Exception {
		byte[] file = Files.readAllBytes(csv);
		String boundary = "----guildhall-bench-" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> upload = client.send(HttpRequest.newBuilder(client.uri("/api/v1/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))));
		if (upload.statusCode() != 202) {
			throw new IllegalStateException("upload answered " + upload.statusCode() + ": " + upload.body());
		}
		String location = upload.headers().firstValue("Location").orElseThrow();
		String state = pollImport(client, location, "PREVIEWING");
		if (!state.equals("PREVIEWED")) {
			throw new IllegalStateException("preview ended " + state);
		}
		HttpResponse<String> applied = client.send(HttpRequest.newBuilder(client.uri(location + "/apply"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		if (applied.statusCode() != 202) {
			throw new IllegalStateException("apply answered " + applied.statusCode() + ": " + applied.body());
		}
		state = pollImport(client, location, "APPLYING");
		if (!state.equals("APPLIED")) {
			throw new IllegalStateException("apply ended " + state);
		}
	}

	String pollImport(Client client, String location, String running) throws Exception {
		while (true) {
			String state = stringField(client.get(location).body(), "state");
			if (state != null && !state.equals(running) && !state.equals("UPLOADED") && !state.equals("QUEUED")) {
				return state;
			}
			Thread.sleep(500);
		}
	}

	/** Polls the index status until READY (and, if asked, no document waits for a vector); returns the last status. */
	String waitIndex(Client client, boolean vectors, int seconds) throws Exception {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		int quiet = 0;
		long lastPrint = 0;
		while (System.nanoTime() < deadline) {
			String body = client.get("/api/v1/community/search/index").body();
			boolean ready = "READY".equals(stringField(body, "state")) && (!vectors || longField(body, "awaitingVectors") == 0);
			if (System.nanoTime() - lastPrint > 15_000_000_000L) {
				System.out.printf(Locale.ROOT, "  index: %s %d/%d, vectors %d, waiting %d%n", stringField(body, "state"),
						longField(body, "done"), longField(body, "total"), longField(body, "withVectors"), longField(body, "awaitingVectors"));
				lastPrint = System.nanoTime();
			}
			// two READY answers in a row: a rebuild queued behind another one has had time to start
			quiet = ready ? quiet + 1 : 0;
			if (quiet >= 2) {
				return body;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the index was not ready after " + seconds + " s");
	}

	Map<String, Object> measure(Client client, String path, List<String> queries, int clients) throws Exception {
		String loadBefore = load();
		List<Double> times = new CopyOnWriteArrayList<>();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger semantic = new AtomicInteger();
		long t0 = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Thread thread = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < queries.size()) {
					String url = path + "?limit=20&q=" + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8);
					long start = System.nanoTime();
					try {
						HttpResponse<String> response = client.get(url);
						times.add((System.nanoTime() - start) / 1e6);
						if (response.statusCode() != 200) {
							failures.incrementAndGet();
						}
						else if (response.body().contains("\"semantic\":true")) {
							semantic.incrementAndGet();
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		List<Double> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("clients", clients);
		result.put("requests", queries.size());
		result.put("failures", failures.get());
		result.put("semanticAnswers", semantic.get());
		result.put("p50", percentile(sorted, 50));
		result.put("p95", percentile(sorted, 95));
		result.put("p99", percentile(sorted, 99));
		result.put("max", sorted.isEmpty() ? 0 : round(sorted.get(sorted.size() - 1)));
		result.put("perSecond", round(queries.size() / seconds));
		result.put("loadBefore", loadBefore);
		result.put("loadAfter", load());
		System.out.printf(Locale.ROOT, "%-28s %dc: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d failures (load before %s, after %s)%n",
				path, clients, result.get("p50"), result.get("p95"), result.get("p99"), failures.get(), loadBefore, result.get("loadAfter"));
		return result;
	}

	/** Questions, answers and articles on the taxonomy's skills, from seeded templates, written with COPY. */
	Map<String, Object> writePosts(String db, int total, Random random) throws Exception {
		List<Long> people = new ArrayList<>();
		for (String id : psqlValue(db, "SELECT string_agg(id::text, ',') FROM person WHERE active").split(",")) {
			people.add(Long.parseLong(id));
		}
		Map<Long, String> skills = new LinkedHashMap<>();
		for (String row : psqlValue(db, "SELECT string_agg(id || ':' || name, '|') FROM skill WHERE status = 'APPROVED'").split("\\|")) {
			int colon = row.indexOf(':');
			skills.put(Long.parseLong(row.substring(0, colon)), row.substring(colon + 1));
		}
		List<Long> skillIds = new ArrayList<>(skills.keySet());
		// a fifth of the people write most of the posts, as in real communities
		List<Long> writers = people.subList(0, Math.max(1, people.size() / 5));
		StringBuilder postRows = new StringBuilder();
		StringBuilder topicRows = new StringBuilder();
		List<long[]> questions = new ArrayList<>();
		int q = 0;
		int a = 0;
		int art = 0;
		for (long id = 1; id <= total; id++) {
			long author = random.nextInt(10) < 8 ? writers.get(random.nextInt(writers.size())) : people.get(random.nextInt(people.size()));
			long skill = skillIds.get(Math.min(skillIds.size() - 1, (int) Math.abs(random.nextGaussian() * skillIds.size() / 3)));
			String name = skills.get(skill);
			int roll = random.nextInt(10);
			if (roll < 5 && !questions.isEmpty()) {
				long[] question = questions.get(random.nextInt(questions.size()));
				postRows.append(id).append("\tANSWER\t").append(question[0]).append('\t').append(author).append("\t\\N\t")
					.append(body(skills.get(question[1]), random)).append('\t').append(random.nextInt(6) - 1).append('\n');
				a++;
			}
			else if (roll < 8 || questions.isEmpty()) {
				String title = "How do I " + pick(VERBS, random) + " " + name + " " + pick(NOUNS, random) + " " + pick(WORDS, random) + "?";
				postRows.append(id).append("\tQUESTION\t\\N\t").append(author).append('\t').append(title).append('\t')
					.append(body(name, random)).append('\t').append(random.nextInt(4)).append('\n');
				topicRows.append(id).append('\t').append(skill).append('\n');
				questions.add(new long[] {id, skill});
				q++;
			}
			else {
				String title = capital(pick(WORDS, random)) + " " + name + ": " + pick(NOUNS, random) + " " + pick(WORDS, random)
						+ " we learned";
				postRows.append(id).append("\tARTICLE\t\\N\t").append(author).append('\t').append(title).append('\t')
					.append(body(name, random) + " " + body(name, random)).append('\t').append(random.nextInt(10)).append('\n');
				topicRows.append(id).append('\t').append(skill).append('\n');
				art++;
			}
		}
		copy(db, "COPY community_post (id, kind, question_id, author_id, title, body, score) FROM STDIN", postRows.toString());
		copy(db, "COPY community_post_topic (post_id, skill_id) FROM STDIN", topicRows.toString());
		StringBuilder kudos = new StringBuilder();
		int kudosCount = total / 4;
		for (int i = 0; i < kudosCount; i++) {
			long giver = people.get(random.nextInt(people.size()));
			long receiver = writers.get(random.nextInt(writers.size()));
			if (giver != receiver) {
				kudos.append(giver).append('\t').append(receiver).append('\t')
					.append(skillIds.get(random.nextInt(skillIds.size()))).append("\tThanks for the help\n");
			}
		}
		copy(db, "COPY community_kudos (giver_id, receiver_id, skill_id, message) FROM STDIN", kudos.toString());
		psql(db, "SELECT setval(pg_get_serial_sequence('community_post', 'id'), (SELECT MAX(id) FROM community_post))",
				"UPDATE community_post q SET answer_count = (SELECT COUNT(*) FROM community_post a WHERE a.question_id = q.id) WHERE kind = 'QUESTION'",
				"UPDATE community_post q SET accepted_answer_id = (SELECT MIN(a.id) FROM community_post a WHERE a.question_id = q.id) WHERE kind = 'QUESTION' AND id % 3 = 0",
				"ANALYZE");
		Map<String, Object> corpus = new LinkedHashMap<>();
		corpus.put("questions", q);
		corpus.put("answers", a);
		corpus.put("articles", art);
		corpus.put("kudos", kudosCount);
		return corpus;
	}

	static String body(String skill, Random random) {
		StringBuilder body = new StringBuilder();
		int sentences = 2 + random.nextInt(4);
		for (int s = 0; s < sentences; s++) {
			body.append(capital(pick(WORDS, random))).append(' ').append(random.nextInt(3) == 0 ? skill : pick(NOUNS, random))
				.append(' ').append(pick(VERBS, random)).append(' ').append(pick(NOUNS, random)).append(' ')
				.append(pick(WORDS, random)).append(' ').append(pick(WORDS, random)).append(". ");
		}
		return body.toString().strip();
	}

	// ---------------------------------------------------------------- plumbing

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
			return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(300)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	String signInAndIssueToken(String base) throws Exception {
		Map<String, String> cookies = new HashMap<>();
		HttpResponse<String> login = page(base + "/login", null, cookies);
		HttpResponse<String> signedIn = page(base + "/login", form("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD,
				"_csrf", csrf(login.body())), cookies);
		String target = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || target.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + target);
		}
		HttpResponse<String> tokens = page(base + "/account/tokens", null, cookies);
		HttpResponse<String> created = page(base + "/account/tokens",
				form("name", "bench " + System.currentTimeMillis(), "validDays", "1", "_csrf", csrf(tokens.body())), cookies);
		Matcher secret = Pattern.compile("(ghp_[A-Za-z0-9_\\-]+)").matcher(created.body());
		if (!secret.find()) {
			throw new IllegalStateException("no token in the answer: " + created.statusCode());
		}
		return secret.group(1);
	}

	HttpResponse<String> page(String url, String form, Map<String, String> cookies) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
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

	void waitFor(String url, Process process, Path log) throws Exception {
		long deadline = System.nanoTime() + 300_000_000_000L;
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
			Thread.sleep(300);
		}
		throw new IllegalStateException("no answer from " + url + "; see " + log);
	}

	/** Stops the application we started (SIGTERM, then SIGKILL after 30 s). */
	static void stop(Process process) throws InterruptedException {
		process.destroy();
		try {
			process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception e) {
			process.destroyForcibly();
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

	static List<String> psqlCommand(String db) {
		return new ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-q"));
	}

	static void psql(String db, String... statements) throws Exception {
		List<String> command = psqlCommand(db);
		for (String statement : statements) {
			command.add("-c");
			command.add(statement);
		}
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + String.join(" ", statements));
		}
	}

	static String psqlValue(String db, String query) throws Exception {
		List<String> command = psqlCommand(db);
		command.addAll(List.of("-At", "-c", query));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + query);
		}
		return out;
	}

	static void copy(String db, String copy, String rows) throws Exception {
		List<String> command = psqlCommand(db);
		command.addAll(List.of("-c", copy));
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
			.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(rows.getBytes(StandardCharsets.UTF_8));
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + copy);
		}
	}

	static double oneMinuteLoad() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (Exception e) {
			return 0;
		}
	}

	static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ", 4);
			return fields[0] + "/" + fields[1] + "/" + fields[2];
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	Map<String, Object> machine() throws IOException {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpus", Runtime.getRuntime().availableProcessors());
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(repo.toFile()).start();
			machine.put("commit", new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
		}
		catch (IOException e) {
			machine.put("commit", "unknown");
		}
		machine.put("loadAtStart", load());
		return machine;
	}

	static String table(List<Map<String, Object>> runs) {
		StringBuilder out = new StringBuilder("Community search (issue 5): GET /api/v1/community/experts and /search, ms (target p95 < 50 ms)\n");
		for (Map<String, Object> run : runs) {
			out.append(String.format(Locale.ROOT, "%n%s run: %s people, %s posts %s%n", run.get("mode"), run.get("people"),
					run.get("posts"), run.get("corpus")));
			if (run.containsKey("error")) {
				out.append("  failed: ").append(run.get("error")).append('\n');
				continue;
			}
			out.append(String.format(Locale.ROOT, "index rebuild: %,d documents in %.1f s (load before %s, after %s)%n",
					run.get("indexedDocuments"), ((Number) run.get("rebuildMs")).longValue() / 1000.0, run.get("loadBeforeRebuild"),
					run.get("loadAfterRebuild")));
			if (run.containsKey("rebuildWithVectorsMs")) {
				out.append(String.format(Locale.ROOT, "  with vectors: %,d documents after %.1f s%n", run.get("withVectors"),
						((Number) run.get("rebuildWithVectorsMs")).longValue() / 1000.0));
			}
			out.append(String.format(Locale.ROOT, "%-12s %4s %6s %8s %8s %8s %8s %7s %9s  %-18s %s%n", "query", "cl", "n", "p50", "p95",
					"p99", "max", "req/s", "semantic", "load 1/5/15 before", "after"));
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> latency = (Map<String, Map<String, Object>>) run.get("latency");
			if (latency != null) {
				latency.forEach((name, m) -> out.append(String.format(Locale.ROOT,
						"%-12s %4s %6s %8.1f %8.1f %8.1f %8.1f %7.1f %9s  %-18s %s%n", name.substring(0, name.indexOf('-')),
						m.get("clients"), m.get("requests"), m.get("p50"), m.get("p95"), m.get("p99"), m.get("max"), m.get("perSecond"),
						m.get("semanticAnswers"), m.get("loadBefore"), m.get("loadAfter"))));
			}
		}
		return out.toString();
	}

	static long ms(long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	static double percentile(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static String pick(String[] values, Random random) {
		return values[random.nextInt(values.length)];
	}

	static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	static String capital(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	static String stringField(String body, String key) {
		Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
		return m.find() ? m.group(1) : null;
	}

	static long longField(String body, String key) {
		Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(body);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	@SuppressWarnings("unchecked")
	static String json(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet().stream().map(e -> json(String.valueOf(e.getKey())) + ": " + json(e.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CommunityBench::json).collect(Collectors.joining(", ", "[", "]"));
		}
		if (value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		if (value == null) {
			return "null";
		}
		return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
