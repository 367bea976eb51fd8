package org.guildhall.insights.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.insights.Count;
import org.guildhall.insights.LearningNetwork;
import org.guildhall.insights.Rate;
import org.guildhall.insights.network.LearningGraph;
import org.guildhall.insights.network.LinkKind;
import org.guildhall.insights.network.NetworkAnalysis;
import org.guildhall.insights.network.NetworkFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the learning network from the read model (active people; community links and started
 * mentorships), analyses it with the plain-Java engine and turns the result into the page's
 * figures, plus a row per person for "my network".
 */
@Component
class NetworkSnapshots {

	static final String NETWORK = "network";
	static final int BRIDGES = 20;

	private final JdbcTemplate jdbc;
	private final NetworkAnalysis.Options options;

	NetworkSnapshots(JdbcTemplate jdbc, @Value("${guildhall.insights.network.exact-limit:2000}") int exactLimit,
			@Value("${guildhall.insights.network.epsilon:0.01}") double epsilon,
			@Value("${guildhall.insights.network.delta:0.1}") double delta) {
		this.jdbc = jdbc;
		this.options = NetworkAnalysis.Options.defaults().withExactLimit(exactLimit).withBound(epsilon, delta)
			.withTopPeople(BRIDGES);
	}

	record Result(NetworkFigures figures, List<String> departments, Map<Long, String> names) {
	}

	interface Saver {
		void save(String name, Object value, Instant now);
	}

	Result compute(Instant now) {
		List<String> departments = jdbc.queryForList(
				"SELECT DISTINCT department FROM insight_person WHERE active AND department IS NOT NULL ORDER BY department",
				String.class);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < departments.size(); i++) {
			index.put(departments.get(i), i);
		}
		int people = jdbc.queryForObject("SELECT COUNT(*) FROM insight_person WHERE active", Integer.class);
		LearningGraph.Builder builder = LearningGraph.builder(people, people * 4);
		Map<Long, String> names = new HashMap<>();
		jdbc.query("SELECT person_id, department, full_name FROM insight_person WHERE active ORDER BY person_id", rs -> {
			String department = rs.getString(2);
			builder.addPerson(rs.getLong(1), department == null ? LearningGraph.UNKNOWN_DEPARTMENT : index.get(department));
			names.put(rs.getLong(1), rs.getString(3));
		});
		jdbc.query("SELECT learner_id, teacher_id, kind FROM insight_link", rs -> {
			builder.addLink(rs.getLong(1), rs.getLong(2), LinkKind.valueOf(rs.getString(3)));
		});
		jdbc.query("SELECT mentee_id, mentor_id FROM insight_pair WHERE started_at IS NOT NULL", rs -> {
			builder.addLink(rs.getLong(1), rs.getLong(2), LinkKind.MENTORING);
		});
		LearningGraph graph = builder.build();
		return new Result(NetworkAnalysis.analyse(graph, options), departments, names);
	}

	void store(Result result, Instant now, Saver saver) {
		saver.save(NETWORK, network(result, now), now);
		NetworkFigures f = result.figures();
		LearningGraph graph = f.graph();
		jdbc.update("DELETE FROM insight_network_person");
		List<Object[]> rows = new ArrayList<>(graph.personCount());
		for (int node = 0; node < graph.personCount(); node++) {
			rows.add(new Object[] {graph.personId(node), graph.degree(node), f.bridging().values()[node],
					f.clusters().clusterOf()[node]});
			if (rows.size() == 2_000) {
				jdbc.batchUpdate("INSERT INTO insight_network_person (person_id, degree, betweenness, cluster) VALUES (?, ?, ?, ?)", rows);
				rows.clear();
			}
		}
		jdbc.batchUpdate("INSERT INTO insight_network_person (person_id, degree, betweenness, cluster) VALUES (?, ?, ?, ?)", rows);
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
				new LearningNetwork.Method(m.method().name(), m.epsilon(), m.delta(), m.sampleSize()), now);
	}

	private static LearningNetwork.Reach reach(String group, NetworkFigures.Reach r) {
		boolean hidden = r.people() < Count.MIN_GROUP;
		return new LearningNetwork.Reach(group, Count.people(r.people()), new Count(hidden ? null : (long) r.connectedPeople()),
				hidden ? Rate.hidden() : Rate.of(r.connectedPeople(), r.people()), new Count(hidden ? null : (long) r.isolatedPeople()),
				new Count(hidden ? null : r.links()), new Count(hidden ? null : r.crossingLinks()),
				hidden || r.links() < Count.MIN_GROUP ? Rate.hidden() : Rate.of(r.crossingLinks(), r.links()));
	}
}
