package org.guildhall.insights.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.insights.LearningNetwork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The data behind the network map in the browser (ECharts' graph with a force layout): the
 * departments and the links between them, or one department's people with the people they learn
 * with elsewhere. A browser lays out a few hundred nodes well, so a department's map keeps the
 * most connected {@link #MAX_PEOPLE} people.
 */
@Component
public class NetworkMap {

	public static final int MAX_PEOPLE = 300;

	private final JdbcTemplate jdbc;

	NetworkMap(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A node: a department (value = people) or a person (value = links); category indexes departments. */
	public record Node(String id, String name, int value, int category, double symbolSize, String href) {
	}

	public record Link(String source, String target, String label, long value) {
	}

	public record Graph(List<String> departments, List<Node> nodes, List<Link> links, int shown, int total) {
	}

	public Graph departments(LearningNetwork network) {
		List<String> names = new ArrayList<>();
		List<Node> nodes = new ArrayList<>();
		for (LearningNetwork.Reach r : network.departments()) {
			if (r.people().suppressed()) {
				continue;
			}
			names.add(r.group());
		}
		for (LearningNetwork.Reach r : network.departments()) {
			if (r.people().suppressed()) {
				continue;
			}
			int people = r.people().value().intValue();
			nodes.add(new Node("d:" + r.group(), r.group(), people, names.indexOf(r.group()), 10 + 4 * Math.sqrt(people),
					"/insights/network?department=" + java.net.URLEncoder.encode(r.group(), java.nio.charset.StandardCharsets.UTF_8)));
		}
		List<Link> links = new ArrayList<>();
		for (LearningNetwork.DepartmentLink l : network.departmentLinks()) {
			if (names.contains(l.a()) && names.contains(l.b())) {
				links.add(new Link("d:" + l.a(), "d:" + l.b(), l.a() + " – " + l.b() + ": " + l.links() + (l.links() == 1 ? " link" : " links"),
						l.links()));
			}
		}
		return new Graph(names, nodes, links, nodes.size(), nodes.size());
	}

	/** One department's people (the best connected first) and everyone they learn with. */
	public Graph department(String department) {
		Map<Long, String[]> people = new HashMap<>();
		jdbc.query("SELECT person_id, full_name, department FROM insight_person WHERE active AND department = ?", rs -> {
			people.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
		}, department);
		Map<String, String> edges = new LinkedHashMap<>();
		Map<Long, Integer> degree = new HashMap<>();
		String sql = """
				SELECT l.learner_id, l.teacher_id, l.kind FROM insight_link l JOIN insight_person p ON p.person_id = l.learner_id
				WHERE p.department = ? AND p.active
				UNION ALL
				SELECT l.learner_id, l.teacher_id, l.kind FROM insight_link l JOIN insight_person p ON p.person_id = l.teacher_id
				WHERE p.department = ? AND p.active
				UNION ALL
				SELECT m.mentee_id, m.mentor_id, 'MENTORING' FROM insight_pair m JOIN insight_person p ON p.person_id = m.mentee_id
				WHERE p.department = ? AND p.active AND m.started_at IS NOT NULL
				UNION ALL
				SELECT m.mentee_id, m.mentor_id, 'MENTORING' FROM insight_pair m JOIN insight_person p ON p.person_id = m.mentor_id
				WHERE p.department = ? AND p.active AND m.started_at IS NOT NULL""";
		jdbc.query(sql, rs -> {
			long a = rs.getLong(1);
			long b = rs.getLong(2);
			String key = Math.min(a, b) + "-" + Math.max(a, b);
			String kind = PersonalFigures.label(rs.getString(3));
			String before = edges.get(key);
			if (before == null) {
				degree.merge(a, 1, Integer::sum);
				degree.merge(b, 1, Integer::sum);
				edges.put(key, kind);
			}
			else if (!before.contains(kind)) {
				edges.put(key, before + ", " + kind);
			}
		}, department, department, department, department);
		List<Long> kept = degree.keySet().stream()
			.sorted((x, y) -> degree.get(y).equals(degree.get(x)) ? Long.compare(x, y) : degree.get(y) - degree.get(x))
			.limit(MAX_PEOPLE).toList();
		java.util.Set<Long> keep = new java.util.HashSet<>(kept);
		Map<Long, String[]> others = new HashMap<>();
		List<Long> outside = kept.stream().filter(id -> !people.containsKey(id)).toList();
		for (int from = 0; from < outside.size(); from += 500) {
			List<Long> slice = outside.subList(from, Math.min(outside.size(), from + 500));
			jdbc.query("SELECT person_id, full_name, department FROM insight_person WHERE person_id IN ("
					+ String.join(",", java.util.Collections.nCopies(slice.size(), "?")) + ")", rs -> {
						others.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
					}, slice.toArray());
		}
		List<String> departments = new ArrayList<>();
		departments.add(department);
		List<Node> nodes = new ArrayList<>();
		for (long id : kept) {
			String[] p = people.containsKey(id) ? people.get(id) : others.get(id);
			if (p == null) {
				continue;
			}
			String d = p[1] == null ? "(none given)" : p[1];
			if (!departments.contains(d)) {
				departments.add(d);
			}
			int links = degree.get(id);
			nodes.add(new Node("p:" + id, p[0], links, departments.indexOf(d), 6 + 3 * Math.sqrt(links), "/people/" + id));
		}
		// people of the department with no link at all are shown too (they are the point of the map)
		for (Map.Entry<Long, String[]> e : people.entrySet()) {
			if (!degree.containsKey(e.getKey()) && nodes.size() < MAX_PEOPLE + 100) {
				nodes.add(new Node("p:" + e.getKey(), e.getValue()[0], 0, 0, 5, "/people/" + e.getKey()));
			}
		}
		List<Link> links = new ArrayList<>();
		edges.forEach((key, label) -> {
			String[] ends = key.split("-");
			if (keep.contains(Long.parseLong(ends[0])) && keep.contains(Long.parseLong(ends[1]))) {
				links.add(new Link("p:" + ends[0], "p:" + ends[1], label, 1));
			}
		});
		return new Graph(departments, nodes, links, nodes.size(), people.size() + outside.size());
	}
}
