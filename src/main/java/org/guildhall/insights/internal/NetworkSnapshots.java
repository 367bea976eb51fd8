package org.guildhall.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.guildhall.insights.Count;
import org.guildhall.insights.LearningNetwork;
import org.guildhall.insights.Rate;
import org.guildhall.insights.network.LearningGraph;
import org.guildhall.insights.network.LinkKind;
import org.guildhall.insights.network.NetworkAnalysis;
import org.guildhall.insights.network.NetworkFigures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the learning network from the read model (active people; community links and started
 * mentorships), analyses it with the plain-Java engine and turns the result into the page's
 * figures, plus a row per person for "my network".
 * <p>
 * The node that computes keeps the network's inputs in memory and follows the feed's change log
 * ({@code insight_network_change}): a round reloads only the sources that changed, recounts reach,
 * links between departments and components over the whole graph (linear, well under a second at a
 * million links), and carries bridging and clusters over from the last full analysis, which runs
 * again in the background when it is older than {@code guildhall.insights.network.structure-every}
 * (sampled betweenness and clustering take seconds at that size and move slowly), while later
 * rounds go on recounting; the first round after it finishes takes its bridging and clusters up. A node that takes over
 * from another, or finds the log pruned past what it holds, or a rebuild's reset, loads everything.
 * Rounds are serialised by the caller (the scheduler's lock, or {@link Figures#computeNow()}).
 */
@Component
class NetworkSnapshots {

	private static final Logger log = LoggerFactory.getLogger(NetworkSnapshots.class);
	static final String NETWORK = "network";
	static final String PRUNED = "network.pruned";
	static final int BRIDGES = 20;
	private static final int IN_LIST = 500;

	private final JdbcTemplate jdbc;
	private final ReadModel model;
	private final TransactionTemplate transactions;
	private final NetworkAnalysis.Options options;
	private final Duration structureEvery;

	/** What this node holds, or null before its first round. */
	private @Nullable Inputs inputs;
	/** The last round's figures and when bridging and clusters were last computed. */
	private @Nullable Result last;
	/** The per-person rows as last written, by node of the last graph; null when unknown. */
	private @Nullable NetworkFigures written;
	/** Bridging and clusters being analysed in the background, or null. */
	private @Nullable CompletableFuture<Result> structuring;

	/** One thread for the background analyses: at most one runs at a time. */
	private static final ExecutorService STRUCTURE = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "insights-network-structure");
		thread.setDaemon(true);
		return thread;
	});

	NetworkSnapshots(JdbcTemplate jdbc, ReadModel model, TransactionTemplate transactions,
			@Value("${guildhall.insights.network.exact-limit:2000}") int exactLimit,
			@Value("${guildhall.insights.network.epsilon:0.01}") double epsilon,
			@Value("${guildhall.insights.network.delta:0.1}") double delta,
			@Value("${guildhall.insights.network.structure-every:PT10M}") Duration structureEvery) {
		this.jdbc = jdbc;
		this.model = model;
		this.transactions = transactions;
		this.structureEvery = structureEvery;
		this.options = NetworkAnalysis.Options.defaults().withExactLimit(exactLimit).withBound(epsilon, delta)
			.withTopPeople(BRIDGES);
	}

	record Result(NetworkFigures figures, List<String> departments, Map<Long, String> names, Instant structureAt) {
	}

	interface Saver {
		void save(String name, Object value, Instant now);
	}

	/** Active people and the interactions between them, as the read model holds them now. */
	private static final class Inputs {
		long seq;
		List<String> departments = List.of();
		Map<Long, String> names = Map.of();
		Map<Long, Integer> departmentOf = Map.of();
		/** Per link source: learner, teacher and kind ordinal, three longs per link. */
		final Map<String, long[]> links = new HashMap<>();
		/** Started mentorships: mentee and mentor. */
		final Map<Long, long[]> pairs = new HashMap<>();
		long linkCount;

		LearningGraph graph() {
			LearningGraph.Builder builder = LearningGraph.builder(departmentOf.size(), (int) Math.min(Integer.MAX_VALUE - 8,
					linkCount + pairs.size()));
			departmentOf.entrySet().stream().sorted(Map.Entry.comparingByKey())
				.forEach(e -> builder.addPerson(e.getKey(), e.getValue()));
			LinkKind[] kinds = LinkKind.values();
			for (long[] l : links.values()) {
				for (int i = 0; i < l.length; i += 3) {
					builder.addLink(l[i], l[i + 1], kinds[(int) l[i + 2]]);
				}
			}
			for (long[] p : pairs.values()) {
				builder.addLink(p[0], p[1], LinkKind.MENTORING);
			}
			return builder.build();
		}
	}

	/**
	 * Brings the network up to date with the change log and stores it, when anything changed (or
	 * always when {@code full}); {@code full} also recomputes bridging and clusters.
	 *
	 * @return whether a snapshot was written
	 */
	synchronized boolean round(boolean full, Instant now, Saver saver) {
		long start = System.nanoTime();
		long pruned = model.state(PRUNED).map(Long::parseLong).orElse(0L);
		// the log is empty once everything in it was applied and pruned: then the head is where pruning stopped
		long head = Math.max(pruned, jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM insight_network_change", Long.class));
		Inputs in = inputs;
		Result analysed = finishedStructure();
		if (in != null && in.seq == head && !full && last != null && analysed == null) {
			return false;
		}
		boolean reload = in == null || in.seq < pruned;
		List<String> changes = reload ? List.of()
				: jdbc.queryForList("SELECT DISTINCT source FROM insight_network_change WHERE seq > ? AND seq <= ?", String.class,
						in.seq, head);
		if (changes.contains(ReadModel.NETWORK_RESET)) {
			reload = true;
		}
		// a failure below leaves no half-applied inputs behind: the next round loads everything
		inputs = null;
		if (reload) {
			in = loadAll(head);
			written = null;
		}
		else {
			apply(in, changes, head);
		}
		LearningGraph graph = in.graph();
		// bridging and clusters from a background analysis that has finished carry on from here
		Result previous = analysed != null && !reload ? analysed : last;
		boolean analyse = full || reload || previous == null;
		if (analyse) {
			structuring = null; // a background analysis still running was started on an older network
			store(new Result(NetworkAnalysis.analyse(graph, options), in.departments, in.names, now), head, now, saver);
		}
		else {
			// the counts first: a change never waits for bridging and clusters (seconds at a million links), which are
			// analysed in the background when due and taken up by the first round after they are ready
			Result shown = last;
			if (previous != shown && shown != null && !changes.isEmpty()) {
				// and not for taking one up either, which rewrites most people's rows: the changes go out first as they are
				store(new Result(NetworkAnalysis.refresh(graph, shown.figures(), options), in.departments, in.names,
						shown.structureAt()), head, now, saver);
			}
			NetworkFigures counted = NetworkAnalysis.refresh(graph, previous.figures(), options);
			store(new Result(counted, in.departments, in.names, previous.structureAt()), head, now, saver);
			if (structuring == null && !previous.structureAt().plus(structureEvery).isAfter(now)) {
				List<String> departments = in.departments;
				Map<Long, String> names = in.names;
				structuring = CompletableFuture.supplyAsync(
						() -> new Result(NetworkAnalysis.analyse(graph, options), departments, names, now), STRUCTURE);
			}
		}
		inputs = in;
		log.debug("Learning network {} in {} ms ({} changes)", analyse ? "analysed" : "recounted",
				(System.nanoTime() - start) / 1_000_000, reload ? "all" : changes.size());
		return true;
	}

	/** The background analysis of bridging and clusters once it has finished, or null (none, running, failed). */
	private @Nullable Result finishedStructure() {
		CompletableFuture<Result> job = structuring;
		if (job == null || !job.isDone()) {
			return null;
		}
		structuring = null;
		try {
			return job.join();
		}
		catch (CompletionException | CancellationException e) {
			log.warn("Analysing bridging and clusters of the learning network failed; tried again in a later round", e);
			return null;
		}
	}

	/** Writes the figures and their per-person rows, and prunes the change log up to {@code head}. */
	private void store(Result result, long head, Instant now, Saver saver) {
		NetworkFigures before = written;
		NetworkFigures figures = result.figures();
		transactions.executeWithoutResult(tx -> {
			model.lock();
			saver.save(NETWORK, network(result, now), now);
			writePeople(before, figures);
			jdbc.update("DELETE FROM insight_network_change WHERE seq <= ?", head);
			model.state(PRUNED, Long.toString(head));
		});
		last = result;
		written = figures;
	}

	private Inputs loadAll(long head) {
		Inputs in = new Inputs();
		in.seq = head;
		loadPeople(in);
		Map<String, LongBuffer> bySource = linksBySource("", List.of());
		bySource.forEach((source, buffer) -> in.links.put(source, buffer.toArray()));
		in.linkCount = bySource.values().stream().mapToLong(b -> b.size / 3).sum();
		jdbc.query("SELECT mentorship_id, mentee_id, mentor_id FROM insight_pair WHERE started_at IS NOT NULL",
				rs -> {
					in.pairs.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
				});
		return in;
	}

	/** The read model's links (all, or the sources the condition names), by source. */
	private Map<String, LongBuffer> linksBySource(String condition, List<String> sources) {
		Map<String, LongBuffer> bySource = new HashMap<>();
		jdbc.query("SELECT source, learner_id, teacher_id, kind FROM insight_link" + condition, rs -> {
			bySource.computeIfAbsent(rs.getString(1), k -> new LongBuffer())
				.add(rs.getLong(2), rs.getLong(3), LinkKind.valueOf(rs.getString(4)).ordinal());
		}, sources.toArray());
		return bySource;
	}

	private void loadPeople(Inputs in) {
		// new maps, not cleared ones: the last round's result still refers to the old ones
		in.departments = List.copyOf(jdbc.queryForList(
				"SELECT DISTINCT department FROM insight_person WHERE active AND department IS NOT NULL ORDER BY department",
				String.class));
		Map<Long, String> names = new HashMap<>();
		Map<Long, Integer> departmentOf = new HashMap<>();
		in.names = names;
		in.departmentOf = departmentOf;
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < in.departments.size(); i++) {
			index.put(in.departments.get(i), i);
		}
		jdbc.query("SELECT person_id, department, full_name FROM insight_person WHERE active", rs -> {
			String department = rs.getString(2);
			departmentOf.put(rs.getLong(1), department == null ? LearningGraph.UNKNOWN_DEPARTMENT : index.get(department));
			names.put(rs.getLong(1), rs.getString(3));
		});
	}

	private void apply(Inputs in, List<String> changes, long head) {
		List<Long> pairs = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		for (String change : changes) {
			if (change.equals(ReadModel.NETWORK_PEOPLE)) {
				loadPeople(in);
			}
			else if (change.startsWith(ReadModel.NETWORK_PAIR)) {
				pairs.add(Long.parseLong(change.substring(ReadModel.NETWORK_PAIR.length())));
			}
			else {
				sources.add(change);
			}
		}
		for (int from = 0; from < sources.size(); from += IN_LIST) {
			List<String> slice = sources.subList(from, Math.min(sources.size(), from + IN_LIST));
			Map<String, LongBuffer> now = linksBySource(" WHERE source IN (" + marks(slice.size()) + ")", slice);
			for (String source : slice) {
				long[] old = in.links.remove(source);
				in.linkCount -= old == null ? 0 : old.length / 3;
				LongBuffer fresh = now.get(source);
				if (fresh != null) {
					in.links.put(source, fresh.toArray());
					in.linkCount += fresh.size / 3;
				}
			}
		}
		for (int from = 0; from < pairs.size(); from += IN_LIST) {
			List<Long> slice = pairs.subList(from, Math.min(pairs.size(), from + IN_LIST));
			slice.forEach(in.pairs::remove);
			jdbc.query("SELECT mentorship_id, mentee_id, mentor_id FROM insight_pair WHERE started_at IS NOT NULL AND mentorship_id IN ("
					+ marks(slice.size()) + ")", rs -> {
						in.pairs.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
					}, slice.toArray());
		}
		in.seq = head;
	}

	/** Writes the per-person rows that differ from the ones written last (all of them when unknown). */
	private void writePeople(@Nullable NetworkFigures before, NetworkFigures f) {
		LearningGraph graph = f.graph();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> deletes = new ArrayList<>();
		if (before == null) {
			jdbc.update("DELETE FROM insight_network_person");
		}
		else {
			LearningGraph old = before.graph();
			for (int node = 0; node < old.personCount(); node++) {
				if (graph.indexOf(old.personId(node)) < 0) {
					deletes.add(new Object[] {old.personId(node)});
				}
			}
		}
		for (int node = 0; node < graph.personCount(); node++) {
			int degree = graph.degree(node);
			double betweenness = f.bridging().values()[node];
			int cluster = f.clusters().clusterOf()[node];
			if (before != null) {
				int was = before.graph().indexOf(graph.personId(node));
				if (was >= 0 && before.graph().degree(was) == degree && before.bridging().values()[was] == betweenness
						&& before.clusters().clusterOf()[was] == cluster) {
					continue;
				}
				if (was >= 0) {
					deletes.add(new Object[] {graph.personId(node)});
				}
			}
			inserts.add(new Object[] {graph.personId(node), degree, betweenness, cluster});
		}
		for (int from = 0; from < deletes.size(); from += 2_000) {
			jdbc.batchUpdate("DELETE FROM insight_network_person WHERE person_id = ?", deletes.subList(from,
					Math.min(deletes.size(), from + 2_000)));
		}
		for (int from = 0; from < inserts.size(); from += 2_000) {
			jdbc.batchUpdate("INSERT INTO insight_network_person (person_id, degree, betweenness, cluster) VALUES (?, ?, ?, ?)",
					inserts.subList(from, Math.min(inserts.size(), from + 2_000)));
		}
	}

	private static String marks(int n) {
		return String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

	/** A growable array of longs. */
	private static final class LongBuffer {
		long[] values = new long[3];
		int size;

		void add(long a, long b, long c) {
			if (size + 3 > values.length) {
				values = Arrays.copyOf(values, values.length * 2);
			}
			values[size++] = a;
			values[size++] = b;
			values[size++] = c;
		}

		long[] toArray() {
			return Arrays.copyOf(values, size);
		}
	}

	static LearningNetwork network(Result result, Instant now) {
		NetworkFigures f = result.figures();
		List<String> names = result.departments();
		List<LearningNetwork.Reach> departments = new ArrayList<>();
		List<LearningNetwork.DepartmentBridge> bridging = new ArrayList<>();
		for (int d = 0; d < names.size(); d++) {
			NetworkFigures.Reach reach = f.department(d);
			departments.add(reach(names.get(d), reach));
			bridging.add(new LearningNetwork.DepartmentBridge(names.get(d), Count.people(reach.people()),
					reach.people() < Count.MIN_GROUP ? 0 : reach.bridgingSum(), reach.people() < Count.MIN_GROUP ? 0 : reach.bridgingMean()));
		}
		if (f.unknownDepartment().people() > 0) {
			departments.add(reach("(none given)", f.unknownDepartment()));
		}
		bridging.sort(Comparator.comparingDouble(LearningNetwork.DepartmentBridge::sum).reversed());
		List<LearningNetwork.Bridge> bridges = new ArrayList<>();
		for (NetworkFigures.Bridge b : f.topBridges()) {
			bridges.add(new LearningNetwork.Bridge(b.personId(), result.names().getOrDefault(b.personId(), "?"),
					b.department() < 0 ? null : names.get(b.department()), b.betweenness(), f.graph().degree(b.node())));
		}
		List<LearningNetwork.DepartmentLink> links = new ArrayList<>();
		for (int a = 0; a < names.size(); a++) {
			for (int b = a + 1; b < names.size(); b++) {
				long n = f.linksBetween(a, b);
				if (n > 0) {
					links.add(new LearningNetwork.DepartmentLink(names.get(a), names.get(b), n));
				}
			}
		}
		links.sort(Comparator.comparingLong(LearningNetwork.DepartmentLink::links).reversed());
		List<Integer> sizes = new ArrayList<>();
		for (int i = 0; i < Math.min(10, f.clusters().sizes().length); i++) {
			sizes.add(f.clusters().sizes()[i]);
		}
		NetworkFigures.Bridging m = f.bridging();
		return new LearningNetwork(reach("Organisation", f.organisation()), departments, bridges, bridging, links,
				new LearningNetwork.Clusters(f.clusters().count(), sizes, f.clusters().modularity(), f.components().count(),
						f.components().largestSize()),
				new LearningNetwork.Method(m.method().name(), m.epsilon(), m.delta(), m.sampleSize()), now, result.structureAt());
	}

	private static LearningNetwork.Reach reach(String group, NetworkFigures.Reach r) {
		boolean hidden = r.people() < Count.MIN_GROUP;
		return new LearningNetwork.Reach(group, Count.people(r.people()), new Count(hidden ? null : (long) r.connectedPeople()),
				hidden ? Rate.hidden() : Rate.of(r.connectedPeople(), r.people()), new Count(hidden ? null : (long) r.isolatedPeople()),
				new Count(hidden ? null : r.links()), new Count(hidden ? null : r.crossingLinks()),
				hidden || r.links() < Count.MIN_GROUP ? Rate.hidden() : Rate.of(r.crossingLinks(), r.links()));
	}
}
