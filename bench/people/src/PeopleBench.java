import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Benchmarks for the people module (issue 2): start-up time, the 100,000-row HR import (preview,
 * apply, peak heap, other requests while it runs, re-import) and directory search latency, on H2
 * and on PostgreSQL. Uses nothing but the JDK; it starts and stops the application itself.
 *
 * <pre>
 * java bench/people/src/PeopleBench.java --jar target/guildhall.jar --csv people.csv \
 *      --out bench/people/results/latest.json [--dbs h2,postgres] [--startup-runs 3] [--search-per-kind 200]
 * </pre>
 *
 * Run it through {@code bench/people/run.sh}, from the repository root.
 */
public class PeopleBench {

	static final String ADMIN_EMAIL = "bench-admin@example.com";
	static final String ADMIN_PASSWORD = "bench-admin-password-2024";
	static final String[] SKILL_ALIASES = {"JS", "k8s", "Postgres", "ML", "ReactJS", "GCP", "SRE", "UX", "a11y",
			"GDPR", "AWS", "DDD", "Spring", "NodeJS", "Kafka", "LLM", "Hiring", "OKR", "Stats", "Presenting"};

	final Map<String, String> options;
	final Path repo = Path.of("").toAbsolutePath();
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
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
		new PeopleBench(options).run();
	}

	PeopleBench(Map<String, String> options) {
		this.options = options;
	}

	String option(String name, String fallback) {
		return options.getOrDefault(name, fallback);
	}

	void run() throws Exception {
		Path jar = Path.of(option("jar", "target/guildhall.jar")).toAbsolutePath();
		Path csv = Path.of(option("csv", "people.csv")).toAbsolutePath();
		Path out = Path.of(option("out", "bench/people/results/latest.json")).toAbsolutePath();
		Path work = Files.createTempDirectory("guildhall-bench-");
		results.put("when", OffsetDateTime.now().toString());
		results.put("machine", machine());
		results.put("csv", Map.of("file", csv.getFileName().toString(), "bytes", Files.size(csv)));

		int startupRuns = Integer.parseInt(option("startup-runs", "3"));
		if (startupRuns > 0) {
			results.put("startup", startup(startupRuns, work));
		}
		List<Map<String, Object>> dbResults = new ArrayList<>();
		// each entry is a database, optionally with its own heap limit: h2, postgres, h2@2g
		for (String spec : option("dbs", "h2,postgres").split(",")) {
			if (spec.isBlank()) {
				continue;
			}
			String[] parts = spec.strip().split("@");
			String xmx = parts.length > 1 ? parts[1] : option("xmx", "1g");
			try {
				dbResults.add(database(parts[0], xmx, jar, csv, work.resolve(parts[0] + "-" + xmx)));
			}
			catch (Exception e) {
				e.printStackTrace();
				Map<String, Object> failed = new LinkedHashMap<>(partial);
				failed.put("database", parts[0]);
				failed.put("xmx", xmx);
				failed.put("error", e.getMessage());
				dbResults.add(failed);
			}
			partial.clear();
		}
		results.put("databases", dbResults);
		Files.createDirectories(out.getParent());
		Files.writeString(out, Json.write(results) + "\n");
		printTables();
		System.out.println("\nwrote " + repo.relativize(out) + " (work files in " + work + ")");
	}

	// ---------------------------------------------------------------- start-up

	/** {@code ./mvnw spring-boot:run} until /login answers: cold (empty ./data, demo seeding) and warm (existing data). */
	Map<String, Object> startup(int runs, Path work) throws Exception {
		int port = freePort(Integer.parseInt(option("startup-port", "18080")));
		Path data = repo.resolve("data");
		Path saved = repo.resolve("data.saved-by-bench");
		if (Files.exists(data)) {
			if (Files.exists(saved)) {
				throw new IllegalStateException(saved + " exists from an earlier run; move it back to ./data or delete it");
			}
			Files.move(data, saved);
		}
		List<Map<String, Object>> cold = new ArrayList<>();
		List<Map<String, Object>> warm = new ArrayList<>();
		try {
			for (int i = 1; i <= runs; i++) {
				deleteTree(data);
				cold.add(startOnce("cold", i, port, work));
				warm.add(startOnce("warm", i, port, work));
			}
		}
		finally {
			deleteTree(data);
			if (Files.exists(saved)) {
				Files.move(saved, data);
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("command", "./mvnw -o spring-boot:run (SERVER_PORT=" + port + ")");
		result.put("cold", summary(cold));
		result.put("warm", summary(warm));
		return result;
	}

	Map<String, Object> startOnce(String kind, int run, int port, Path work) throws Exception {
		Files.createDirectories(work);
		Path log = work.resolve("startup-" + kind + "-" + run + ".log");
		ProcessBuilder builder = new ProcessBuilder("./mvnw", "-o", "spring-boot:run").directory(repo.toFile())
			.redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		long started = System.nanoTime();
		Process process = builder.start();
		try {
			String base = "http://127.0.0.1:" + port;
			long loginMs = -1;
			while (loginMs < 0) {
				if (!process.isAlive()) {
					throw new IllegalStateException("spring-boot:run exited; see " + log);
				}
				if ((System.nanoTime() - started) > 300_000_000_000L) {
					throw new IllegalStateException("no answer from /login after 300 s; see " + log);
				}
				try {
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
						.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200 && response.body().contains("password")) {
						loginMs = (System.nanoTime() - started) / 1_000_000;
					}
				}
				catch (IOException e) {
					// not listening yet
				}
				Thread.sleep(50);
			}
			// The demo organisation is seeded by an ApplicationRunner, which runs after the web server
			// accepts connections; wait for its closing log line too.
			long readyMs = -1;
			long deadline = System.nanoTime() + 120_000_000_000L;
			while (readyMs < 0 && System.nanoTime() < deadline) {
				if (Files.readString(log).contains("Demo organisation (")) {
					readyMs = (System.nanoTime() - started) / 1_000_000;
				}
				Thread.sleep(50);
			}
			String text = Files.readString(log);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("run", run);
			result.put("loginAnswersMs", loginMs);
			result.put("demoReadyMs", readyMs);
			result.put("springStartedSeconds", firstDouble(text, "Started GuildhallApplication in ([0-9.]+) seconds"));
			result.put("seeded", text.contains("Seeded the demo organisation"));
			System.out.printf(Locale.ROOT, "startup %s #%d: /login answered after %,d ms, demo ready after %,d ms%n",
					kind, run, loginMs, readyMs);
			return result;
		}
		finally {
			stop(process);
		}
	}

	// ---------------------------------------------------------------- one database

	@SuppressWarnings("unchecked")
	Map<String, Object> database(String db, String xmx, Path jar, Path csv, Path dir) throws Exception {
		Files.createDirectories(dir);
		int port = freePort(Integer.parseInt(option("port", "18090")));
		String base = "http://127.0.0.1:" + port;
		Path gcLog = dir.resolve("gc.log");
		Path appLog = dir.resolve("app.log");
		List<String> command = new ArrayList<>(List.of("java", "-Xmx" + xmx,
				"-Xlog:gc:file=" + gcLog + ":time,uptime", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appLog.toFile());
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("GUILDHALL_DEMO_ENABLED", "false");
		env.put("GUILDHALL_ADMIN_EMAIL", ADMIN_EMAIL);
		env.put("GUILDHALL_ADMIN_PASSWORD", ADMIN_PASSWORD);
		String url;
		if (db.equals("h2")) {
			url = "jdbc:h2:file:" + dir.resolve("guildhall")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
		}
		else if (db.equals("postgres")) {
			String name = option("pg-database", "guildhall_bench");
			psql("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
			url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=true";
			env.put("SPRING_DATASOURCE_USERNAME", "postgres");
			env.put("SPRING_DATASOURCE_PASSWORD", "");
		}
		else {
			throw new IllegalArgumentException("unknown database " + db + " (h2 or postgres)");
		}
		env.put("SPRING_DATASOURCE_URL", url);
		Map<String, Object> result = partial;
		result.put("database", db);
		result.put("xmx", xmx);
		result.put("jdbcUrl", url);
		result.put("jvm", String.join(" ", command.subList(0, 3)));
		System.out.println("\n== " + db + ": starting " + String.join(" ", command));
		Process app = builder.start();
		try {
			waitFor(base + "/actuator/health", app, appLog);
			Client client = new Client(base, signInAndIssueToken(base));
			byte[] file = Files.readAllBytes(csv);

			Map<String, Object> first = new LinkedHashMap<>();
			result.put("import", first);
			importFile(client, file, true, first);
			Map<String, Object> second = new LinkedHashMap<>();
			result.put("reimport", second);
			importFile(client, file, false, second);

			Corpus corpus = Corpus.read(csv, Long.parseLong(option("seed", "42")));
			result.put("search", search(client, corpus));
		}
		finally {
			stop(app);
			Map<String, Object> first = (Map<String, Object>) result.get("import");
			if (first != null && first.containsKey("applyEnd")) {
				result.put("heap", heap(gcLog, xmx, (Instant) first.remove("previewStart"), (Instant) first.remove("previewEnd"),
						(Instant) first.remove("applyStart"), (Instant) first.remove("applyEnd")));
			}
			String log = Files.readString(appLog);
			result.put("outOfMemory", log.contains("OutOfMemoryError"));
			Matcher oom = Pattern.compile("OutOfMemoryError[^\n]*").matcher(log);
			if (oom.find()) {
				result.put("firstOutOfMemory", oom.group());
			}
		}
		return new LinkedHashMap<>(result);
	}

	/** Uploads the file, waits for the preview, and (when asked) applies it; other requests run meanwhile. */
	@SuppressWarnings("unused")
	Map<String, Object> importFile(Client client, byte[] file, boolean apply, Map<String, Object> result) throws Exception {
		Background background = new Background(client);
		background.start();
		try {
			Instant previewStart = Instant.now();
			long t0 = System.nanoTime();
			HttpResponse<String> upload = client.upload(file);
			long uploadMs = (System.nanoTime() - t0) / 1_000_000;
			if (upload.statusCode() != 202) {
				throw new IllegalStateException("upload answered " + upload.statusCode() + ": " + upload.body());
			}
			String location = upload.headers().firstValue("Location").orElseThrow();
			Poll preview = poll(client, location, "PREVIEWING");
			long previewMs = (System.nanoTime() - t0) / 1_000_000;
			Instant previewEnd = Instant.now();
			Map<String, Object> status = preview.last;
			result.put("uploadMs", uploadMs);
			result.put("previewMs", previewMs);
			result.put("previewState", status.get("state"));
			for (String key : List.of("totalRows", "toCreate", "toUpdate", "toDeactivate", "unchanged", "errorCount")) {
				result.put(key, status.get(key));
			}
			result.put("previewProgressSteps", preview.distinctPercents);
			result.put("othersDuringPreview", background.drain());
			System.out.printf(Locale.ROOT, "%s: preview %s after %,d ms (upload %,d ms): create %s, update %s, deactivate %s, unchanged %s, errors %s%n",
					apply ? "import" : "re-import", status.get("state"), previewMs, uploadMs, status.get("toCreate"),
					status.get("toUpdate"), status.get("toDeactivate"), status.get("unchanged"), status.get("errorCount"));
			if (!"PREVIEWED".equals(status.get("state"))) {
				throw new IllegalStateException("preview ended " + status + " issues " + preview.body);
			}
			if (!apply) {
				HttpResponse<String> discard = client.send(HttpRequest.newBuilder(client.uri(location)).DELETE());
				result.put("discarded", discard.statusCode() == 204);
				return result;
			}
			Instant applyStart = Instant.now();
			long t1 = System.nanoTime();
			HttpResponse<String> applied = client.send(HttpRequest.newBuilder(client.uri(location + "/apply"))
				.POST(HttpRequest.BodyPublishers.noBody()));
			if (applied.statusCode() != 202) {
				throw new IllegalStateException("apply answered " + applied.statusCode() + ": " + applied.body());
			}
			Poll done = poll(client, location, "APPLYING");
			long applyMs = (System.nanoTime() - t1) / 1_000_000;
			result.put("applyMs", applyMs);
			result.put("applyState", done.last.get("state"));
			result.put("applyProgressSteps", done.distinctPercents);
			result.put("othersDuringApply", background.drain());
			result.put("previewPlusApplyMs", previewMs + applyMs);
			result.put("previewStart", previewStart);
			result.put("previewEnd", previewEnd);
			result.put("applyStart", applyStart);
			result.put("applyEnd", Instant.now());
			System.out.printf(Locale.ROOT, "import: %s after %,d ms more%n", done.last.get("state"), applyMs);
			if (!"APPLIED".equals(done.last.get("state"))) {
				throw new IllegalStateException("apply ended " + done.last + " " + done.body);
			}
			return result;
		}
		finally {
			background.stop();
		}
	}

	record Poll(Map<String, Object> last, String body, int distinctPercents) {
	}

	Poll poll(Client client, String location, String runningState) throws Exception {
		LinkedHashSet<String> percents = new LinkedHashSet<>();
		long deadline = System.nanoTime() + 900_000_000_000L;
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = client.get(location);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(location + " answered " + response.statusCode() + ": " + response.body());
			}
			Map<String, Object> status = Json.statusOf(response.body());
			percents.add(String.valueOf(status.get("percent")));
			if (!runningState.equals(status.get("state"))) {
				return new Poll(status, response.body(), percents.size());
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("gave up waiting for " + location);
	}

	/** Sequential directory searches from a second client while an import runs: "does not block other requests". */
	final class Background {

		final Client client;
		final AtomicBoolean running = new AtomicBoolean(true);
		final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
		final AtomicInteger failures = new AtomicInteger();
		Thread thread;

		Background(Client client) {
			this.client = client;
		}

		void start() {
			String[] queries = {"q=mar", "department=Engineering", "q=anna+s", "location=Berlin", "skill=Java",
					"q=li&department=Sales", "page=3"};
			thread = new Thread(() -> {
				int i = 0;
				while (running.get()) {
					long t = System.nanoTime();
					try {
						int code = client.get("/api/v1/people?" + queries[i++ % queries.length]).statusCode();
						if (code != 200) {
							failures.incrementAndGet();
						}
						samples.add(new long[] {(System.nanoTime() - t) / 1000});
						Thread.sleep(100);
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
				}
			}, "background-searches");
			thread.setDaemon(true);
			thread.start();
		}

		Map<String, Object> drain() {
			List<Double> ms = new ArrayList<>();
			long[] sample;
			while ((sample = samples.poll()) != null) {
				ms.add(sample[0] / 1000.0);
			}
			Map<String, Object> stats = Stats.of(ms);
			stats.put("failures", failures.getAndSet(0));
			return stats;
		}

		void stop() throws InterruptedException {
			running.set(false);
			thread.join(10_000);
		}
	}

	// ---------------------------------------------------------------- search

	Map<String, Object> search(Client client, Corpus corpus) throws Exception {
		int perKind = Integer.parseInt(option("search-per-kind", "200"));
		int clients = Integer.parseInt(option("clients", "8"));
		Map<String, List<String>> queries = corpus.queries(perKind);
		List<String> warmup = new ArrayList<>(corpus.queries(60).values().stream().flatMap(List::stream).toList());
		Collections.shuffle(warmup, new Random(7));
		for (String query : warmup) {
			client.get("/api/v1/people?" + query);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("warmupRequests", warmup.size());
		result.put("perKind", perKind);
		result.put("examples", queries.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().subList(0, 3), (a, b) -> a, LinkedHashMap::new)));

		// sequential: one client, one request at a time, kinds interleaved
		List<String[]> mixed = new ArrayList<>();
		queries.forEach((kind, list) -> list.forEach(q -> mixed.add(new String[] {kind, q})));
		Collections.shuffle(mixed, new Random(11));
		result.put("sequential", measure(client, mixed, 1));
		result.put("concurrent", measure(client, mixed, clients));
		result.put("concurrentClients", clients);
		return result;
	}

	Map<String, Object> measure(Client client, List<String[]> mixed, int clients) throws Exception {
		Map<String, List<Double>> byKind = new TreeMap<>();
		Map<String, int[]> zeroHits = new HashMap<>();
		Map<String, long[]> hits = new HashMap<>();
		List<Double> all = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		List<String> failed = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Thread thread = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < mixed.size()) {
					String[] query = mixed.get(i);
					long t = System.nanoTime();
					try {
						HttpResponse<String> response = client.get("/api/v1/people?" + query[1]);
						double ms = (System.nanoTime() - t) / 1e6;
						if (response.statusCode() != 200) {
							failures.incrementAndGet();
							failed.add(response.statusCode() + " " + query[1]);
							continue;
						}
						long total = Json.longField(response.body(), "total");
						synchronized (byKind) {
							byKind.computeIfAbsent(query[0], k -> new ArrayList<>()).add(ms);
							zeroHits.computeIfAbsent(query[0], k -> new int[1])[0] += total == 0 ? 1 : 0;
							hits.computeIfAbsent(query[0], k -> new long[1])[0] += total;
						}
						all.add(ms);
					}
					catch (Exception e) {
						failures.incrementAndGet();
						failed.add(e + " " + query[1]);
					}
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("requests", mixed.size());
		result.put("seconds", round(seconds));
		result.put("requestsPerSecond", round(mixed.size() / seconds));
		result.put("failures", failures.get());
		if (!failed.isEmpty()) {
			result.put("firstFailures", failed.subList(0, Math.min(5, failed.size())));
		}
		result.put("all", Stats.of(all));
		Map<String, Object> kinds = new LinkedHashMap<>();
		byKind.forEach((kind, list) -> {
			Map<String, Object> stats = Stats.of(list);
			stats.put("zeroHits", zeroHits.get(kind)[0]);
			stats.put("meanHits", list.isEmpty() ? 0 : hits.get(kind)[0] / list.size());
			kinds.put(kind, stats);
		});
		result.put("kinds", kinds);
		return result;
	}

	/** Realistic directory queries drawn, with a fixed seed, from the imported file itself. */
	record Corpus(List<String> names, List<String> departments, List<String> locations, List<String> skills,
			Map<String, Integer> departmentSizes, long seed) {

		static Corpus read(Path csv, long seed) throws IOException {
			List<List<String>> rows = Csv.parse(Files.readString(csv));
			List<String> header = rows.get(0);
			int name = header.indexOf("full_name");
			int department = header.indexOf("department");
			int location = header.indexOf("location");
			int skills = header.indexOf("skills");
			List<String> names = new ArrayList<>();
			Map<String, Integer> departments = new TreeMap<>();
			LinkedHashSet<String> locations = new LinkedHashSet<>();
			LinkedHashSet<String> skillNames = new LinkedHashSet<>();
			for (List<String> row : rows.subList(1, rows.size())) {
				names.add(row.get(name));
				departments.merge(row.get(department), 1, Integer::sum);
				locations.add(row.get(location));
				for (String entry : row.get(skills).split(";")) {
					if (!entry.isBlank()) {
						skillNames.add(entry.split(":")[0].strip());
					}
				}
			}
			return new Corpus(names, new ArrayList<>(departments.keySet()), new ArrayList<>(locations),
					new ArrayList<>(skillNames), departments, seed);
		}

		Map<String, List<String>> queries(int perKind) {
			Random random = new Random(seed);
			Map<String, List<String>> queries = new LinkedHashMap<>();
			for (String kind : List.of("name-1-word", "name-2-words", "name-3-words", "skill", "department", "location",
					"combined", "deep-page")) {
				List<String> list = new ArrayList<>();
				for (int i = 0; i < perKind; i++) {
					list.add(query(kind, random));
				}
				queries.put(kind, list);
			}
			return queries;
		}

		private String query(String kind, Random random) {
			return switch (kind) {
				case "name-1-word" -> param("q", prefix(pick(words(pick(names, random)), random), random));
				case "name-2-words" -> {
					List<String> words = words(pick(names, random));
					yield param("q", words.get(0) + " " + prefix(words.get(1), random));
				}
				case "name-3-words" -> {
					List<String> words;
					do {
						words = words(pick(names, random));
					} while (words.size() < 3);
					yield param("q", words.get(0) + " " + words.get(1) + " " + prefix(words.get(2), random));
				}
				case "skill" -> param("skill", random.nextInt(3) == 0 ? pick(List.of(SKILL_ALIASES), random)
						: pick(skills, random)) + (random.nextInt(4) == 0 ? "&teachers=true" : "");
				case "department" -> param("department", pick(departments, random)) + "&page=" + random.nextInt(5);
				case "location" -> param("location", pick(locations, random)) + "&page=" + random.nextInt(5);
				case "combined" -> switch (random.nextInt(3)) {
					case 0 -> param("department", pick(departments, random)) + "&" + param("location", pick(locations, random));
					case 1 -> param("skill", pick(skills, random)) + "&" + param("location", pick(locations, random));
					default -> param("q", prefix(pick(words(pick(names, random)), random), random)) + "&"
							+ param("department", pick(departments, random));
				};
				default -> {
					// deep pages: far into everyone, or far into a large department, within the first
					// 10,000 matches that the directory pages through (PeopleDirectory.MAX_RESULTS)
					if (random.nextBoolean()) {
						yield "page=" + (250 + random.nextInt(250)) + "&size=20";
					}
					String department = pick(departments, random);
					int pages = Math.max(1, Math.min(10_000, departmentSizes.get(department)) / 50);
					yield param("department", department) + "&page=" + (pages / 2 + random.nextInt(Math.max(1, pages / 2)))
							+ "&size=50";
				}
			};
		}

		private static List<String> words(String name) {
			return List.of(name.split("\\s+"));
		}

		private static String prefix(String word, Random random) {
			int length = Math.min(word.length(), 2 + random.nextInt(Math.max(1, word.length() - 1)));
			return word.substring(0, length);
		}

		private static String pick(List<String> list, Random random) {
			return list.get(random.nextInt(list.size()));
		}

		private static String param(String name, String value) {
			return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}

	// ---------------------------------------------------------------- heap

	/** Peak heap from the GC log: the occupancy before each collection is a high-water mark of its interval. */
	Map<String, Object> heap(Path gcLog, String xmx, Instant previewStart, Instant previewEnd, Instant applyStart, Instant applyEnd)
			throws IOException {
		Pattern line = Pattern.compile("^\\[([^\\]]+)\\]\\[[^\\]]+\\].*GC\\(\\d+\\) (Pause [^()]*(?:\\([^)]*\\) ?)*)(\\d+)M->(\\d+)M\\((\\d+)M\\)");
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
		int beforeAll = 0, afterAll = 0, beforePreview = 0, afterPreview = 0, beforeApply = 0, afterApply = 0;
		int committed = 0, collections = 0, full = 0;
		for (String text : Files.readAllLines(gcLog)) {
			Matcher m = line.matcher(text);
			if (!m.find()) {
				continue;
			}
			Instant at = OffsetDateTime.parse(m.group(1), time).toInstant();
			int before = Integer.parseInt(m.group(3));
			int after = Integer.parseInt(m.group(4));
			committed = Math.max(committed, Integer.parseInt(m.group(5)));
			collections++;
			if (m.group(2).startsWith("Pause Full")) {
				full++;
			}
			// Remark and Cleanup pauses move nothing, so their "after" is not the live size
			boolean moves = m.group(2).startsWith("Pause Young") || m.group(2).startsWith("Pause Full");
			if (!moves) {
				after = 0;
			}
			beforeAll = Math.max(beforeAll, before);
			afterAll = Math.max(afterAll, after);
			if (!at.isBefore(previewStart) && !at.isAfter(previewEnd)) {
				beforePreview = Math.max(beforePreview, before);
				afterPreview = Math.max(afterPreview, after);
			}
			if (!at.isBefore(applyStart) && !at.isAfter(applyEnd)) {
				beforeApply = Math.max(beforeApply, before);
				afterApply = Math.max(afterApply, after);
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("xmx", xmx);
		result.put("peakUsedMiB", beforeAll);
		result.put("peakLiveAfterGcMiB", afterAll);
		result.put("previewPeakUsedMiB", beforePreview);
		result.put("previewPeakLiveAfterGcMiB", afterPreview);
		result.put("applyPeakUsedMiB", beforeApply);
		result.put("applyPeakLiveAfterGcMiB", afterApply);
		result.put("peakCommittedMiB", committed);
		result.put("collections", collections);
		result.put("fullCollections", full);
		return result;
	}

	// ---------------------------------------------------------------- plumbing

	/** Signs in through the login form as the configured administrator and creates a token on the tokens page. */
	String signInAndIssueToken(String base) throws Exception {
		Map<String, String> cookies = new HashMap<>();
		HttpResponse<String> login = page(base + "/login", null, cookies);
		String csrf = csrf(login.body());
		HttpResponse<String> signedIn = page(base + "/login", form("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD,
				"_csrf", csrf), cookies);
		String target = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || target.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + target);
		}
		HttpResponse<String> tokens = page(base + "/account/tokens", null, cookies);
		HttpResponse<String> created = page(base + "/account/tokens",
				form("name", "bench " + System.currentTimeMillis(), "validDays", "1", "_csrf", csrf(tokens.body())), cookies);
		Matcher secret = Pattern.compile("(ghp_[A-Za-z0-9_\\-]+)").matcher(created.body());
		if (!secret.find()) {
			throw new IllegalStateException("no token in the answer: " + created.statusCode() + " " + created.body());
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
			return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> upload(byte[] file) throws IOException, InterruptedException {
			String boundary = "----guildhall-bench-" + System.nanoTime();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people-100k.csv\"\r\n"
					+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			return send(HttpRequest.newBuilder(uri("/api/v1/imports"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))));
		}
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
			Thread.sleep(200);
		}
		throw new IllegalStateException("no answer from " + url + "; see " + log);
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
		List<String> command = new ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test",
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

	static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			walk.sorted(Collections.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	static Double firstDouble(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		return m.find() ? Double.valueOf(m.group(1)) : null;
	}

	Map<String, Object> summary(List<Map<String, Object>> runs) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("runs", runs);
		result.put("medianLoginAnswersMs", median(runs.stream().map(r -> ((Number) r.get("loginAnswersMs")).doubleValue()).toList()));
		result.put("medianDemoReadyMs", median(runs.stream().map(r -> ((Number) r.get("demoReadyMs")).doubleValue()).toList()));
		return result;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
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
		Map<String, Object> startup = (Map<String, Object>) results.get("startup");
		if (startup != null) {
			System.out.println("\nStart-up: " + startup.get("command") + " until GET /login answers 200");
			System.out.printf("%-28s %14s %22s%n", "", "median /login", "median demo data ready");
			for (String kind : List.of("cold", "warm")) {
				Map<String, Object> s = (Map<String, Object>) startup.get(kind);
				System.out.printf(Locale.ROOT, "%-28s %11.1f s %20.1f s   runs: %s%n",
						kind.equals("cold") ? "first start (empty ./data)" : "second start (existing data)",
						((Number) s.get("medianLoginAnswersMs")).doubleValue() / 1000,
						((Number) s.get("medianDemoReadyMs")).doubleValue() / 1000,
						((List<Map<String, Object>>) s.get("runs")).stream()
							.map(r -> String.format(Locale.ROOT, "%.1f", ((Number) r.get("loginAnswersMs")).doubleValue() / 1000))
							.collect(Collectors.joining(", ")));
			}
		}
		List<Map<String, Object>> dbs = (List<Map<String, Object>>) results.get("databases");
		System.out.println("\nHR import of " + ((Map<String, Object>) results.get("csv")).get("file")
				+ " through the API (target: preview + apply < 60 s, heap < 1 GiB)");
		System.out.printf("%-9s %5s %8s %9s %9s %10s %10s %10s %8s %15s %13s%n", "database", "-Xmx", "upload", "preview",
				"apply", "prev+apply", "peak heap", "live peak", "full GCs", "others p95/max", "re-import c/u");
		for (Map<String, Object> db : dbs) {
			Map<String, Object> imp = (Map<String, Object>) db.getOrDefault("import", Map.of());
			Map<String, Object> re = (Map<String, Object>) db.getOrDefault("reimport", Map.of());
			Map<String, Object> heap = (Map<String, Object>) db.getOrDefault("heap", Map.of());
			Map<String, Object> others = (Map<String, Object>) imp.getOrDefault("othersDuringApply", Map.of());
			System.out.printf(Locale.ROOT, "%-9s %5s %6.1f s %7.1f s %7.1f s %8.1f s %6.0f MiB %6.0f MiB %8s %7.0f/%.0f ms %13s%n",
					db.get("database"), db.get("xmx"), num(imp.get("uploadMs")) / 1000, num(imp.get("previewMs")) / 1000,
					num(imp.get("applyMs")) / 1000, num(imp.get("previewPlusApplyMs")) / 1000,
					num(heap.get("peakUsedMiB")), num(heap.get("peakLiveAfterGcMiB")), heap.get("fullCollections"),
					num(others.get("p95")), num(others.get("max")), re.get("toCreate") + "/" + re.get("toUpdate"));
			if (Boolean.TRUE.equals(db.get("outOfMemory"))) {
				System.out.println("          OUT OF MEMORY in the application (see app.log): " + db.get("firstOutOfMemory"));
			}
			if (db.containsKey("error")) {
				System.out.println("          FAILED: " + db.get("error")
						+ (db.containsKey("firstOutOfMemory") ? " (" + db.get("firstOutOfMemory") + ")" : ""));
			}
		}
		System.out.println("(peak heap = highest occupancy before a GC; live peak = highest after a young or full GC;"
				+ " others = GET /api/v1/people from a second client during apply; re-import = creates/updates in the"
				+ " preview of the same file again)");
		for (Map<String, Object> db : dbs) {
			Map<String, Object> search = (Map<String, Object>) db.get("search");
			if (search == null) {
				continue;
			}
			System.out.println("\nDirectory search, " + db.get("database") + " -Xmx" + db.get("xmx") + ": GET /api/v1/people, ms (target p95 < 50 ms)");
			Map<String, Object> seq = (Map<String, Object>) search.get("sequential");
			Map<String, Object> con = (Map<String, Object>) search.get("concurrent");
			System.out.printf("%-14s %6s | %7s %7s %7s | %7s %7s %7s | %9s%n", "kind", "n", "seq p50", "p95", "p99",
					search.get("concurrentClients") + "c p50", "p95", "p99", "mean hits");
			Map<String, Object> seqKinds = (Map<String, Object>) seq.get("kinds");
			Map<String, Object> conKinds = (Map<String, Object>) con.get("kinds");
			List<String> kinds = new ArrayList<>(seqKinds.keySet());
			kinds.add("all");
			for (String kind : kinds) {
				Map<String, Object> s = (Map<String, Object>) (kind.equals("all") ? seq.get("all") : seqKinds.get(kind));
				Map<String, Object> c = (Map<String, Object>) (kind.equals("all") ? con.get("all") : conKinds.get(kind));
				System.out.printf(Locale.ROOT, "%-14s %6d | %7.1f %7.1f %7.1f | %7.1f %7.1f %7.1f | %9s%n", kind,
						(int) num(s.get("n")), num(s.get("p50")), num(s.get("p95")), num(s.get("p99")), num(c.get("p50")),
						num(c.get("p95")), num(c.get("p99")), kind.equals("all") ? "" : String.valueOf(s.get("meanHits")));
			}
			System.out.printf(Locale.ROOT, "throughput: %.0f req/s sequential, %.0f req/s with %s clients; failures %s/%s%n",
					num(seq.get("requestsPerSecond")), num(con.get("requestsPerSecond")), search.get("concurrentClients"),
					seq.get("failures"), con.get("failures"));
		}
	}

	static double num(Object value) {
		return value == null ? Double.NaN : ((Number) value).doubleValue();
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

	/** Just enough CSV (RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes). */
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
	}

	/** Just enough JSON: writing the results, and reading a few fields of the API's answers. */
	static final class Json {

		static Map<String, Object> statusOf(String body) {
			Map<String, Object> status = new LinkedHashMap<>();
			Matcher state = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"").matcher(body);
			status.put("state", state.find() ? state.group(1) : null);
			for (String key : List.of("totalRows", "processedRows", "toCreate", "toUpdate", "toDeactivate", "unchanged",
					"errorCount", "percent")) {
				status.put(key, longField(body, key));
			}
			Matcher phase = Pattern.compile("\"phase\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
			status.put("phase", phase.find() ? phase.group(1) : null);
			return status;
		}

		static long longField(String body, String key) {
			Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(body);
			return m.find() ? Long.parseLong(m.group(1)) : -1;
		}

		static String write(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out, "");
			return out.toString();
		}

		@SuppressWarnings("unchecked")
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
