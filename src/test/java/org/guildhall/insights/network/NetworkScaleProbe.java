package org.guildhall.insights.network;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds and analyses an organisation-sized learning network and prints how long it took and how
 * much heap it held: 100,000 people in 30 departments of unequal size, 1,000,000 links after
 * merging (85% inside a department, activity drawn from a Pareto distribution so a few people have
 * hundreds of links, 7% isolated), each link 1–3 interactions of random kinds. Not a unit test
 * (surefire runs *Test only): run it by hand, for example
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.guildhall.insights.network.NetworkScaleProbe [people] [links] [seed] [pareto shape]
 * </pre>
 *
 * It prints a table and writes {@code target/network-scale-probe.json}.
 */
public final class NetworkScaleProbe {

	private NetworkScaleProbe() {
	}

	public static void main(String[] args) throws IOException {
		int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int links = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
		double paretoShape = args.length > 3 ? Double.parseDouble(args[3]) : 1.6;
		int departments = 30;

		long baseline = usedAfterGc();
		Built built = build(people, links, departments, seed, paretoShape);
		LearningGraph graph = built.graph();
		long graphBytes = usedAfterGc() - baseline;

		Map<String, Double> steps = new LinkedHashMap<>();
		long[] stepStart = { System.nanoTime() };
		NetworkAnalysis.Progress progress = (step, done, total) -> {
			if (done == total && total > 0 && !steps.containsKey(step)) {
				steps.put(step, seconds(stepStart[0]));
				stepStart[0] = System.nanoTime();
			}
			else if (done == 0) {
				stepStart[0] = System.nanoTime();
			}
		};
		resetPeaks();
		long heapBefore = usedAfterGc();
		long start = System.nanoTime();
		NetworkFigures figures = NetworkAnalysis.analyse(graph, NetworkAnalysis.Options.defaults(), progress);
		double analysisSeconds = seconds(start);
		long peakDuringAnalysis = peakHeap();
		long figuresBytes = usedAfterGc() - heapBefore;

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("people", graph.personCount());
		result.put("links", graph.linkCount());
		result.put("interactions", built.interactions());
		result.put("paretoShape", paretoShape);
		result.put("departments", graph.departmentCount());
		result.put("threads", NetworkAnalysis.Options.defaults().threads());
		result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
		result.put("buildSeconds", round(built.seconds()));
		result.put("analysisSeconds", round(analysisSeconds));
		steps.forEach((step, s) -> result.put(step + "Seconds", round(s)));
		result.put("graphHeapMiB", round(graphBytes / 1048576.0));
		result.put("figuresHeapMiB", round(figuresBytes / 1048576.0));
		result.put("peakHeapDuringAnalysisMiB", round(peakDuringAnalysis / 1048576.0));
		NetworkFigures.Bridging bridging = figures.bridging();
		result.put("betweennessMethod", bridging.method().name());
		result.put("epsilon", bridging.epsilon());
		result.put("delta", bridging.delta());
		result.put("vertexDiameterBound", bridging.vertexDiameterBound());
		result.put("sampleSize", bridging.sampleSize());
		result.put("connectedShare", round(figures.organisation().connectedShare()));
		result.put("crossingShare", round(figures.organisation().crossingShare()));
		result.put("components", figures.components().count());
		result.put("largestComponent", figures.components().largestSize());
		result.put("clusters", figures.clusters().count());
		result.put("largestClusters", Arrays.toString(Arrays.copyOf(figures.clusters().sizes(),
				Math.min(5, figures.clusters().count()))));
		result.put("modularity", round(figures.clusters().modularity()));
		result.put("topBetweenness", figures.topBridges().isEmpty() ? 0 : round(figures.topBridges().get(0).betweenness()));
		result.put("maxDegree", maxDegree(graph));

		StringBuilder json = new StringBuilder("{\n");
		result.forEach((key, value) -> {
			System.out.printf(Locale.ROOT, "%-28s %s%n", key, value);
			json.append("  \"").append(key).append("\": ");
			json.append(value instanceof String s ? "\"" + s + "\"" : value).append(",\n");
		});
		json.setLength(json.length() - 2);
		json.append("\n}\n");
		Path out = Path.of("target", "network-scale-probe.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, json);
		System.out.println("wrote " + out);
	}

	private record Built(LearningGraph graph, int interactions, double seconds) {
	}

	/** Generates the organisation and times only the builder; the generator's arrays die on return. */
	private static Built build(int people, int links, int departments, long seed, double paretoShape) {
		SplittableRandom random = new SplittableRandom(seed);
		int[] department = departments(people, departments, random);
		Interactions interactions = interactions(people, links, department, departments, paretoShape, random);
		long start = System.nanoTime();
		LearningGraph.Builder builder = LearningGraph.builder(people, interactions.size());
		for (int v = 0; v < people; v++) {
			builder.addPerson(1_000_000L + v, department[v]);
		}
		LinkKind[] kinds = LinkKind.values();
		for (int i = 0; i < interactions.size(); i++) {
			builder.addLink(1_000_000L + interactions.a()[i], 1_000_000L + interactions.b()[i],
					kinds[interactions.kind()[i]]);
		}
		LearningGraph graph = builder.build();
		return new Built(graph, interactions.size(), seconds(start));
	}

	/** Department sizes falling off as 1/rank^0.9: the largest is about 20 times the smallest. */
	private static int[] departments(int people, int departments, SplittableRandom random) {
		double[] cumulative = new double[departments];
		double sum = 0;
		for (int d = 0; d < departments; d++) {
			sum += 1 / Math.pow(d + 1, 0.9);
			cumulative[d] = sum;
		}
		int[] department = new int[people];
		for (int v = 0; v < people; v++) {
			double x = random.nextDouble() * sum;
			int d = 0;
			while (cumulative[d] < x) {
				d++;
			}
			department[v] = d;
		}
		return department;
	}

	private record Interactions(int[] a, int[] b, byte[] kind, int size) {
	}

	private static Interactions interactions(int people, int links, int[] department, int departments,
			double paretoShape, SplittableRandom random) {
		// Activity: Pareto (shape 1.6 by default: a heavy tail), zero for the 7% who take no part.
		double[] activity = new double[people];
		for (int v = 0; v < people; v++) {
			activity[v] = random.nextDouble() < 0.07 ? 0 : Math.min(400, Math.pow(1 - random.nextDouble(), -1 / paretoShape));
		}
		int[][] members = new int[departments][];
		double[][] cumulative = new double[departments][];
		int[] count = new int[departments];
		for (int d : department) {
			count[d]++;
		}
		for (int d = 0; d < departments; d++) {
			members[d] = new int[count[d]];
			cumulative[d] = new double[count[d]];
			count[d] = 0;
		}
		for (int v = 0; v < people; v++) {
			int d = department[v];
			members[d][count[d]++] = v;
		}
		double[] departmentActivity = new double[departments];
		double[] allCumulative = new double[departments];
		double all = 0;
		for (int d = 0; d < departments; d++) {
			double sum = 0;
			for (int i = 0; i < members[d].length; i++) {
				sum += activity[members[d][i]];
				cumulative[d][i] = sum;
			}
			departmentActivity[d] = sum;
			all += sum;
			allCumulative[d] = all;
		}
		Set<Long> pairs = new HashSet<>(links * 2);
		int[] a = new int[links * 3];
		int[] b = new int[links * 3];
		byte[] kind = new byte[links * 3];
		int size = 0;
		// Kinds: circles and kudos common, mentoring and expert sessions rarer.
		byte[] kindTable = { 0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4 };
		while (pairs.size() < links) {
			int d = pick(allCumulative, random.nextDouble() * all);
			int u = members[d][pick(cumulative[d], random.nextDouble() * departmentActivity[d])];
			int e = random.nextDouble() < 0.85 ? d : pick(allCumulative, random.nextDouble() * all);
			int v = members[e][pick(cumulative[e], random.nextDouble() * departmentActivity[e])];
			if (u == v || !pairs.add((long) Math.min(u, v) << 32 | Math.max(u, v))) {
				continue;
			}
			int repeats = 1 + random.nextInt(3);
			for (int r = 0; r < repeats; r++) {
				a[size] = r % 2 == 0 ? u : v;
				b[size] = r % 2 == 0 ? v : u;
				kind[size++] = kindTable[random.nextInt(kindTable.length)];
			}
		}
		return new Interactions(a, b, kind, size);
	}

	private static int pick(double[] cumulative, double x) {
		int at = Arrays.binarySearch(cumulative, x);
		at = at < 0 ? -at - 1 : at;
		// Skip zero-activity entries that share the cumulative value of the one before.
		while (at < cumulative.length - 1 && (at > 0 ? cumulative[at] - cumulative[at - 1] : cumulative[at]) == 0) {
			at++;
		}
		return Math.min(at, cumulative.length - 1);
	}

	private static int maxDegree(LearningGraph g) {
		int max = 0;
		for (int v = 0; v < g.personCount(); v++) {
			max = Math.max(max, g.degree(v));
		}
		return max;
	}

	private static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** Sum of the heap pools' peaks: an upper bound on the heap in use at any one moment. */
	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
