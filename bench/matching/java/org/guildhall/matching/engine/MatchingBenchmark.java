package org.guildhall.matching.engine;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares Guildhall's matcher with an exact reference (OR-Tools min-cost flow on the full,
 * unpruned graph), greedy by score and plain Gale–Shapley on seeded instances.
 *
 * <p>{@code MatchingBenchmark <instance> <partsDir>} runs one instance (one JVM per instance, so
 * each has its own heap limit) and writes {@code <partsDir>/<instance>.json};
 * {@code MatchingBenchmark --report <partsDir> <out.json>} prints the table and writes the JSON.
 */
public final class MatchingBenchmark {

	static final List<String> INSTANCES = List.of("200x50", "2000x2000", "10000x2000", "50000x10000", "200000x40000");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public static void main(String[] args) throws Exception {
		if (args.length == 3 && args[0].equals("--report")) {
			report(Path.of(args[1]), Path.of(args[2]));
			return;
		}
		String name = args[0];
		Path parts = Path.of(args[1]);
		Files.createDirectories(parts);
		double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		List<Map<String, Object>> rows = switch (name) {
			case "200x50" -> scored(name, 200, 50, 4, 4, 11);
			case "2000x2000" -> scored(name, 2000, 2000, 1, 1, 12);
			case "10000x2000" -> scored(name, 10_000, 2000, 5, 5, 13);
			case "50000x10000" -> profiles(name, 50_000, 10_000, 14, false);
			case "200000x40000" -> profiles(name, 200_000, 40_000, 15, false);
			default -> throw new IllegalArgumentException("unknown instance " + name + "; one of " + INSTANCES);
		};
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("instance", name);
		part.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		part.put("kernel", SimilarityKernel.best().name());
		part.put("measuredAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
		// Other work on this small machine inflates wall times; the 1-minute load average says how much.
		part.put("loadAverageBefore", Math.round(loadBefore * 100) / 100.0);
		part.put("loadAverageAfter", Math.round(
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
		part.put("rows", rows);
		JSON.writeValue(parts.resolve(name + ".json").toFile(), part);
	}

	// ---------------------------------------------------------------- scored instances

	/** Every pair allowed; scores from a 4-dimensional latent taste model plus noise, 2 decimals. */
	static MatchingProblem scoredInstance(int n, int m, int capMin, int capMax, long seed) {
		Random random = new Random(seed);
		double[][] a = latent(random, n);
		double[][] b = latent(random, m);
		MatchingProblem.Builder builder = MatchingProblem.builder();
		for (int i = 0; i < n; i++) {
			builder.mentee(String.format(Locale.ROOT, "e%07d", i));
		}
		for (int j = 0; j < m; j++) {
			builder.mentor(String.format(Locale.ROOT, "m%07d", j), capMin + random.nextInt(capMax - capMin + 1));
		}
		PairGraph.Builder pairs = new PairGraph.Builder(n, m);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				double dot = 0;
				for (int d = 0; d < 4; d++) {
					dot += a[i][d] * b[j][d];
				}
				double score = 50 + 12 * dot + 15 * random.nextGaussian();
				score = Math.max(0, Math.min(100, Math.round(score * 100) / 100.0));
				pairs.add(i, j, Scores.toUnits(score));
			}
		}
		return builder.pairs(pairs.build()).build();
	}

	private static double[][] latent(Random random, int count) {
		double[][] out = new double[count][4];
		for (double[] row : out) {
			for (int d = 0; d < 4; d++) {
				row[d] = random.nextGaussian();
			}
		}
		return out;
	}

	static List<Map<String, Object>> scored(String name, int n, int m, int capMin, int capMax, long seed) {
		log("%s: generating", name);
		MatchingProblem problem = scoredInstance(n, m, capMin, capMax, seed);
		PairGraph full = problem.scoredPairs;
		log("%s: %d pairs", name, full.edgeCount());
		List<Map<String, Object>> rows = new ArrayList<>();
		Solvers.Residual residual = Solvers.Residual.of(problem);
		Measured guildhall = measure(() -> new MatchingEngine(null, MatchingEngine.Options.defaults())
			.solve(problem, Objective.OPTIMAL, Progress.NONE));
		MatchingResult result = (MatchingResult) guildhall.value;
		log("%s: guildhall %d ms", name, guildhall.millis);
		com.google.ortools.Loader.loadNativeLibraries(); // not timed: about 1 s once per JVM
		Measured reference = measure(() -> BenchReference.maxWeight(full, residual.capacity(), residual.active()));
		long[] ref = (long[]) reference.value;
		log("%s: OR-Tools %d ms", name, reference.millis);
		int[] refMentorOf = Arrays.copyOf(Arrays.stream(ref).mapToInt(x -> (int) x).toArray(), n);
		long optimum = ref[n];
		Preferences preferences = Preferences.of(full, problem);
		rows.add(row("guildhall optimal", guildhall, result.totalScore(), optimum, result.metrics().matched(), n,
				result.metrics().blockingPairs(), result.metrics().violations(), result.optimality().proven(),
				result.stats()));
		rows.add(evaluate("OR-Tools min-cost flow (full graph)", reference, refMentorOf, problem, full, preferences,
				optimum, null));
		Measured greedy = measure(() -> greedy(full, residual.capacity()));
		rows.add(evaluate("greedy by score", greedy, (int[]) greedy.value, problem, full, preferences, optimum, null));
		Measured gs = measure(() -> Solvers.stable(full, residual, Preferences.of(full, problem)).mentorOf());
		rows.add(evaluate("Gale-Shapley by score", gs, (int[]) gs.value, problem, full, preferences, optimum, null));
		return rows;
	}

	// ---------------------------------------------------------------- profile instances

	static final String[] ZONES = { "America/Los_Angeles", "America/Chicago", "America/New_York", "America/Sao_Paulo",
			"Europe/London", "Europe/Berlin", "Europe/Helsinki", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore",
			"Asia/Tokyo", "Australia/Sydney" };

	static final String[] LANGUAGES = { "en", "de", "fr", "es", "pt", "ja", "hi", "zh" };

	/**
	 * Profiles with skills (300-skill taxonomy, topic-biased), levels, 40 departments, languages
	 * (language is a must), 12 time zones, one manager tree over everyone, a few explicit
	 * preferences, capacities 1–5, and precomputed 384-dimensional embedding vectors: generated
	 * unit vectors around 64 topics (not model output), standing in for stored embeddings.
	 */
	static MatchingProblem profileInstance(int n, int m, long seed) {
		Random random = new Random(seed);
		int dim = 384;
		int topics = 64;
		int skillCount = 300;
		float[][] centres = new float[topics][];
		for (int t = 0; t < topics; t++) {
			centres[t] = unit(random, dim, null, 0);
		}
		String[] skills = new String[skillCount];
		for (int s = 0; s < skillCount; s++) {
			skills[s] = "skill-" + s;
		}
		int people = n + m;
		String[] ids = new String[people];
		for (int i = 0; i < n; i++) {
			ids[i] = String.format(Locale.ROOT, "e%07d", i);
		}
		for (int j = 0; j < m; j++) {
			ids[n + j] = String.format(Locale.ROOT, "m%07d", j);
		}
		// Manager tree: people in a shuffled order, each managed by someone earlier (about 8 reports each).
		int[] order = new int[people];
		for (int k = 0; k < people; k++) {
			order[k] = k;
		}
		for (int k = people - 1; k > 0; k--) {
			int r = random.nextInt(k + 1);
			int t = order[k];
			order[k] = order[r];
			order[r] = t;
		}
		String[] manager = new String[people];
		for (int k = 1; k < people; k++) {
			manager[order[k]] = ids[order[random.nextInt(Math.max(1, k / 8)) + 0]];
		}
		List<MenteeProfile> mentees = new ArrayList<>(n);
		float[][] menteeVectors = new float[n][];
		for (int i = 0; i < n; i++) {
			int topic = random.nextInt(topics);
			Map<String, Integer> wants = new HashMap<>();
			int count = 2 + random.nextInt(3);
			for (int k = 0; k < count; k++) {
				wants.put(skills[topicSkill(random, topic, skillCount)], 2 + random.nextInt(4));
			}
			mentees.add(new MenteeProfile(ids[i], "", wants, 1 + random.nextInt(4), "dept-" + random.nextInt(40),
					languages(random), ZONES[random.nextInt(ZONES.length)], manager[i],
					random.nextInt(50) == 0 ? List.of(ids[n + random.nextInt(m)]) : List.of()));
			menteeVectors[i] = unit(random, dim, centres[topic], 1.0);
		}
		List<MentorProfile> mentors = new ArrayList<>(m);
		float[][] mentorVectors = new float[m][];
		for (int j = 0; j < m; j++) {
			int topic = random.nextInt(topics);
			Map<String, Integer> have = new HashMap<>();
			int count = 4 + random.nextInt(5);
			for (int k = 0; k < count; k++) {
				have.put(skills[topicSkill(random, topic, skillCount)], 2 + random.nextInt(4));
			}
			mentors.add(new MentorProfile(ids[n + j], 1 + random.nextInt(5), "", "", have, 3 + random.nextInt(5),
					"dept-" + random.nextInt(40), languages(random), ZONES[random.nextInt(ZONES.length)],
					manager[n + j], random.nextInt(50) == 0 ? List.of(ids[random.nextInt(n)]) : List.of()));
			mentorVectors[j] = unit(random, dim, centres[topic], 1.0);
		}
		return MatchingProblem.builder()
			.profiles(mentees, mentors, CriterionWeights.defaults())
			.vectors(menteeVectors, mentorVectors)
			.build();
	}

	private static int topicSkill(Random random, int topic, int skillCount) {
		return random.nextInt(3) == 0 ? random.nextInt(skillCount) : (topic * 4 + random.nextInt(8)) % skillCount;
	}

	private static Set<String> languages(Random random) {
		String first = random.nextInt(10) < 9 ? "en" : LANGUAGES[1 + random.nextInt(LANGUAGES.length - 1)];
		if (random.nextInt(10) < 3) {
			return new java.util.TreeSet<>(List.of(first, LANGUAGES[random.nextInt(LANGUAGES.length)]));
		}
		return Set.of(first);
	}

	static float[] unit(Random random, int dim, float[] centre, double noise) {
		float[] v = new float[dim];
		double norm = 0;
		for (int d = 0; d < dim; d++) {
			double x = centre == null ? random.nextGaussian() : centre[d] + noise / Math.sqrt(dim) * random.nextGaussian();
			v[d] = (float) x;
			norm += x * x;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int d = 0; d < dim; d++) {
			v[d] *= scale;
		}
		return v;
	}

	static List<Map<String, Object>> profiles(String name, int n, int m, long seed, boolean unused) {
		log("%s: generating profiles and vectors", name);
		MatchingProblem problem = profileInstance(n, m, seed);
		log("%s: generated", name);
		List<Map<String, Object>> rows = new ArrayList<>();
		Progress progress = (step, done, total) -> {
		};
		Measured guildhall = measure(() -> new MatchingEngine(null, MatchingEngine.Options.defaults())
			.solve(problem, Objective.OPTIMAL, progress));
		MatchingResult result = (MatchingResult) guildhall.value;
		log("%s: guildhall %d ms, proven %s, gap %s, stats %s", name, guildhall.millis, result.optimality().proven(),
				result.optimality().gap(), result.stats());
		long optimum = result.optimality().proven() ? Math.round(result.totalScore() * Scores.SCALE) : -1;
		rows.add(row("guildhall optimal", guildhall, result.totalScore(), optimum, result.metrics().matched(), n,
				result.metrics().blockingPairs(), result.metrics().violations(), result.optimality().proven(),
				result.stats()));
		Map<String, Object> skipped = new LinkedHashMap<>();
		skipped.put("solver", "OR-Tools min-cost flow (full graph)");
		skipped.put("note", "not run: the full graph has " + (long) n * m
				+ " pairs, far beyond memory; guildhall's dual certificate stands in as the optimum");
		rows.add(skipped);
		// Baselines on the same candidate pairs (each side's best 10), timed including candidate generation.
		for (String baseline : List.of("greedy by score", "Gale-Shapley by score")) {
			Measured measured = measure(() -> {
				Solvers.Residual residual = Solvers.Residual.of(problem);
				ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
				CandidateGenerator generator = CandidateGenerator.generate(scorer, problem, residual.capacity(),
						residual.active(), 10, SimilarityKernel.best(), Runtime.getRuntime().availableProcessors(),
						2_000_000, Progress.NONE);
				PairGraph graph = generator.candidates;
				int[] mentorOf = baseline.startsWith("greedy") ? greedy(graph, residual.capacity())
						: Solvers.stable(graph, residual, Preferences.of(graph, problem)).mentorOf();
				return new Object[] { graph, mentorOf };
			});
			Object[] value = (Object[]) measured.value;
			PairGraph graph = (PairGraph) value[0];
			int[] mentorOf = (int[]) value[1];
			rows.add(evaluate(baseline + " (on candidates)", measured, mentorOf, problem, graph,
					Preferences.of(graph, problem), optimum, "blocking pairs counted over candidate pairs"));
			log("%s: %s %d ms", name, baseline, measured.millis);
		}
		return rows;
	}

	// ---------------------------------------------------------------- baselines and evaluation

	/** Greedy: pairs by score, highest first (ties by mentee, mentor), taken while both are free. */
	static int[] greedy(PairGraph graph, int[] capacity) {
		long[] keys = new long[graph.edgeCount()];
		for (int e = 0; e < keys.length; e++) {
			keys[e] = ((long) (Scores.MAX_UNITS - graph.weight(e)) << 32) | e;
		}
		Arrays.sort(keys);
		int[] menteeOf = graph.menteeOfEdges();
		int[] mentorOf = new int[graph.menteeCount()];
		Arrays.fill(mentorOf, -1);
		int[] free = capacity.clone();
		for (long key : keys) {
			int e = (int) key;
			int i = menteeOf[e];
			int j = graph.mentor(e);
			if (mentorOf[i] < 0 && free[j] > 0) {
				mentorOf[i] = j;
				free[j]--;
			}
		}
		return mentorOf;
	}

	static Map<String, Object> evaluate(String solver, Measured measured, int[] mentorOf, MatchingProblem problem,
			PairGraph graph, Preferences preferences, long optimum, String note) {
		long total = 0;
		int matched = 0;
		int[] load = new int[problem.mentorCount()];
		int violations = 0;
		for (int i = 0; i < mentorOf.length; i++) {
			int j = mentorOf[i];
			if (j < 0) {
				continue;
			}
			int e = graph.find(i, j);
			if (e < 0 || problem.breaksHardRule(i, j)) {
				violations++;
				continue;
			}
			total += graph.weight(e);
			matched++;
			if (++load[j] > problem.capacity(j)) {
				violations++;
			}
		}
		long blocking = Metrics.blockingPairs(problem, mentorOf, graph, preferences);
		Map<String, Object> row = row(solver, measured, Scores.toScore(total), optimum, matched, mentorOf.length,
				blocking, violations, null, null);
		if (note != null) {
			row.put("note", note);
		}
		return row;
	}

	static Map<String, Object> row(String solver, Measured measured, double total, long optimum, int matched, int n,
			long blocking, int violations, Boolean proven, Map<String, Object> stats) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("solver", solver);
		row.put("wallMillis", measured.millis);
		row.put("peakHeapMiB", measured.peakHeapMiB);
		row.put("totalScore", total);
		row.put("shareOfOptimum", optimum > 0 ? Math.round(total * Scores.SCALE) / (double) optimum : null);
		row.put("matchedShare", matched / (double) n);
		row.put("blockingPairs", blocking);
		row.put("violations", violations);
		if (proven != null) {
			row.put("provenOptimal", proven);
		}
		if (stats != null) {
			row.put("stats", stats);
		}
		return row;
	}

	record Measured(Object value, long millis, long peakHeapMiB) {
	}

	interface Work {
		Object run() throws Exception;
	}

	/** Wall time and peak heap in use (all heap pools, as the JVM reports them) of one run. */
	static Measured measure(Work work) {
		System.gc();
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		long started = System.nanoTime();
		Object value;
		try {
			value = work.run();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		return new Measured(value, millis, peak / (1024 * 1024));
	}

	private static void log(String format, Object... args) {
		System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
	}

	// ---------------------------------------------------------------- report

	static void report(Path parts, Path out) throws IOException {
		List<JsonNode> instances = new ArrayList<>();
		for (String name : INSTANCES) {
			File file = parts.resolve(name + ".json").toFile();
			if (file.exists()) {
				JsonNode part = JSON.readTree(file);
				if (!part.has("measuredAt")) {
					// parts from before the field existed: the file's time is when the run wrote it
					Map<String, Object> copy = JSON.convertValue(part, Map.class);
					Map<String, Object> dated = new LinkedHashMap<>();
					copy.forEach((key, value) -> {
						if (key.equals("rows")) {
							dated.put("measuredAt", java.time.Instant.ofEpochMilli(file.lastModified())
								.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
								.toString() + " (file time)");
						}
						dated.put(key, value);
					});
					part = JSON.valueToTree(dated);
				}
				instances.add(part);
			}
		}
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "%-13s %-38s %9s %9s %10s %8s %9s %5s %s%n", "instance", "solver",
				"wall ms", "heap MiB", "of optimum", "matched", "blocking", "viol", "proven"));
		for (JsonNode instance : instances) {
			table.append(String.format(Locale.ROOT, "%-13s measured %s%s%n", instance.get("instance").asString(),
					instance.get("measuredAt").asString(), instance.has("loadAverageBefore")
							? ", load average " + instance.get("loadAverageBefore").asString() + " before / "
									+ instance.get("loadAverageAfter").asString() + " after (2 cores)"
							: ""));
			for (JsonNode row : instance.get("rows")) {
				if (row.has("note") && !row.has("wallMillis")) {
					table.append(String.format(Locale.ROOT, "%-13s %-38s %s%n", instance.get("instance").asString(),
							row.get("solver").asString(), row.get("note").asString()));
					continue;
				}
				JsonNode share = row.get("shareOfOptimum");
				table.append(String.format(Locale.ROOT, "%-13s %-38s %9d %9d %10s %7.1f%% %9d %5d %s%n",
						instance.get("instance").asString(), row.get("solver").asString(), row.get("wallMillis").asLong(),
						row.get("peakHeapMiB").asLong(),
						share == null || share.isNull() ? "n/a" : String.format(Locale.ROOT, "%.5f%%", 100 * share.asDouble()),
						100 * row.get("matchedShare").asDouble(), row.get("blockingPairs").asLong(),
						row.get("violations").asLong(), row.has("provenOptimal") ? row.get("provenOptimal").asString() : ""));
			}
		}
		System.out.print(table);
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
		all.put("instances", instances);
		all.put("table", table.toString().split("\n"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		JSON.writeValue(out.toFile(), all);
	}
}
