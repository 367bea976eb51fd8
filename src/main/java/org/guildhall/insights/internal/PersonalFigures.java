package org.guildhall.insights.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.guildhall.insights.MyInsights;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One person's figures, read from the read model (their links, pairs, kudos and skills). */
@Component
public class PersonalFigures {

	static final int SUGGESTIONS = 5;
	static final int LIST = 50;

	private final JdbcTemplate jdbc;

	PersonalFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private record Person(long id, String name, @Nullable String department, @Nullable String location) {
	}

	public MyInsights of(long personId) {
		Person me = jdbc.query("SELECT person_id, full_name, department, location FROM insight_person WHERE person_id = ?",
				(rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), personId)
			.stream().findFirst().orElse(new Person(personId, "", null, null));
		Map<Long, List<String>> learnedFrom = new LinkedHashMap<>();
		Map<Long, List<String>> taught = new LinkedHashMap<>();
		Map<String, Integer> byKind = new TreeMap<>();
		long[] kudos = new long[2];
		jdbc.query("SELECT learner_id, teacher_id, kind FROM insight_link WHERE learner_id = ? OR teacher_id = ? ORDER BY linked_at DESC",
				rs -> {
					String kind = label(rs.getString(3));
					boolean learned = rs.getLong(1) == personId;
					(learned ? learnedFrom : taught).computeIfAbsent(learned ? rs.getLong(2) : rs.getLong(1), k -> new ArrayList<>())
						.add(kind);
					if (rs.getString(3).equals("KUDOS")) {
						kudos[learned ? 1 : 0]++;
					}
				}, personId, personId);
		int[] pairs = new int[4];
		jdbc.query("""
				SELECT mentee_id, mentor_id, goals, goals_achieved FROM insight_pair
				WHERE (mentee_id = ? OR mentor_id = ?) AND started_at IS NOT NULL""", rs -> {
			boolean mentee = rs.getLong(1) == personId;
			(mentee ? learnedFrom : taught).computeIfAbsent(mentee ? rs.getLong(2) : rs.getLong(1), k -> new ArrayList<>())
				.add("mentoring");
			pairs[mentee ? 0 : 1]++;
			if (mentee) {
				pairs[2] += rs.getInt(3);
				pairs[3] += rs.getInt(4);
			}
		}, personId, personId);
		java.util.Set<Long> linked = new java.util.HashSet<>(learnedFrom.keySet());
		linked.addAll(taught.keySet());
		learnedFrom.values().forEach(kinds -> kinds.forEach(k -> byKind.merge(k, 1, Integer::sum)));
		taught.values().forEach(kinds -> kinds.forEach(k -> byKind.merge(k, 1, Integer::sum)));
		Map<Long, Person> people = people(linked);
		Double betweenness = jdbc.query("SELECT betweenness FROM insight_network_person WHERE person_id = ?",
				(rs, n) -> rs.getDouble(1), personId).stream().findFirst().orElse(null);
		List<MyInsights.Suggestion> suggestions = linked.size() < 2 ? suggestions(me, linked) : List.of();
		return new MyInsights(personId, me.name(), me.department(), linked.size(), byKind, links(learnedFrom, people),
				links(taught, people), kudos[0], kudos[1], pairs[0], pairs[1], pairs[2], pairs[3], betweenness, suggestions);
	}

	private static List<MyInsights.PersonLink> links(Map<Long, List<String>> links, Map<Long, Person> people) {
		List<MyInsights.PersonLink> list = new ArrayList<>();
		links.forEach((id, kinds) -> {
			Person p = people.get(id);
			if (p != null && list.size() < LIST) {
				list.add(new MyInsights.PersonLink(id, p.name(), p.department(), kinds.stream().distinct().toList()));
			}
		});
		return list;
	}

	private Map<Long, Person> people(Set<Long> ids) {
		Map<Long, Person> people = new HashMap<>();
		if (ids.isEmpty()) {
			return people;
		}
		List<Long> list = new ArrayList<>(ids);
		for (int from = 0; from < list.size(); from += 500) {
			List<Long> slice = list.subList(from, Math.min(list.size(), from + 500));
			String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
			jdbc.query("SELECT person_id, full_name, department, location FROM insight_person WHERE person_id IN (" + marks + ")",
					rs -> {
						people.put(rs.getLong(1), new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
					}, slice.toArray());
		}
		return people;
	}

	/**
	 * People worth meeting for someone with (almost) no learning links: colleagues who can teach a
	 * skill they want to learn, preferring those nearby and those already helping others; when
	 * they want to learn nothing, the best-connected people of their own department.
	 */
	private List<MyInsights.Suggestion> suggestions(Person me, Set<Long> linked) {
		Map<Long, List<String>> skills = new LinkedHashMap<>();
		Map<Long, Person> candidates = new HashMap<>();
		Map<Long, Integer> degree = new HashMap<>();
		jdbc.query("""
				SELECT t.person_id, t.skill_name, p.full_name, p.department, p.location, COALESCE(n.degree, 0)
				FROM insight_skill w JOIN insight_skill t ON t.skill_id = w.skill_id AND t.can_teach AND t.person_id <> w.person_id
				JOIN insight_person p ON p.person_id = t.person_id AND p.active
				LEFT JOIN insight_network_person n ON n.person_id = t.person_id
				WHERE w.person_id = ? AND w.wants_to_learn
				ORDER BY t.person_id, t.skill_name""", rs -> {
			long id = rs.getLong(1);
			skills.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(2));
			candidates.putIfAbsent(id, new Person(id, rs.getString(3), rs.getString(4), rs.getString(5)));
			degree.put(id, rs.getInt(6));
		}, me.id());
		if (candidates.isEmpty() && me.department() != null) {
			jdbc.query("""
					SELECT p.person_id, p.full_name, p.department, p.location, n.degree FROM insight_person p
					JOIN insight_network_person n ON n.person_id = p.person_id
					WHERE p.active AND p.department = ? AND p.person_id <> ? AND n.degree > 0
					ORDER BY n.degree DESC, p.person_id LIMIT 20""", rs -> {
				long id = rs.getLong(1);
				candidates.put(id, new Person(id, rs.getString(2), rs.getString(3), rs.getString(4)));
				degree.put(id, rs.getInt(5));
			}, me.department(), me.id());
		}
		if (candidates.isEmpty()) {
			// nothing to learn named and nobody linked nearby: the organisation's best-connected people
			jdbc.query("""
					SELECT p.person_id, p.full_name, p.department, p.location, n.degree FROM insight_network_person n
					JOIN insight_person p ON p.person_id = n.person_id
					WHERE p.active AND p.person_id <> ? AND n.degree > 0 ORDER BY n.degree DESC, p.person_id LIMIT 20""", rs -> {
				long id = rs.getLong(1);
				candidates.put(id, new Person(id, rs.getString(2), rs.getString(3), rs.getString(4)));
				degree.put(id, rs.getInt(5));
			}, me.id());
		}
		record Scored(Person person, double score, List<String> reasons) {
		}
		List<Scored> scored = new ArrayList<>();
		candidates.forEach((id, p) -> {
			if (linked.contains(id)) {
				return;
			}
			List<String> reasons = new ArrayList<>();
			double score = 0;
			List<String> teaches = skills.getOrDefault(id, List.of());
			if (!teaches.isEmpty()) {
				score += 3 * teaches.size();
				reasons.add("Can teach " + join(teaches) + ", which you want to learn");
			}
			if (me.department() != null && me.department().equals(p.department())) {
				score += 1;
				reasons.add("Works in " + p.department() + ", like you");
			}
			if (me.location() != null && me.location().equals(p.location())) {
				score += 1;
				reasons.add("Is in " + p.location() + ", like you");
			}
			int d = degree.getOrDefault(id, 0);
			if (d > 0) {
				score += Math.log1p(d);
				reasons.add("Already learns with " + d + (d == 1 ? " person" : " people"));
			}
			scored.add(new Scored(p, score, reasons));
		});
		scored.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Long.compare(a.person().id(), b.person().id()));
		return scored.stream().limit(SUGGESTIONS)
			.map(s -> new MyInsights.Suggestion(s.person().id(), s.person().name(), s.person().department(), s.reasons())).toList();
	}

	private static String join(List<String> skills) {
		List<String> first = skills.stream().distinct().limit(3).toList();
		return first.size() == 1 ? first.get(0) : String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.get(first.size() - 1);
	}

	static String label(String kind) {
		return switch (kind) {
			case "ANSWER" -> "accepted answer";
			case "KUDOS" -> "kudos";
			case "CIRCLE" -> "circle";
			case "EXPERT_SESSION" -> "expert session";
			default -> kind.toLowerCase(java.util.Locale.ROOT);
		};
	}
}
