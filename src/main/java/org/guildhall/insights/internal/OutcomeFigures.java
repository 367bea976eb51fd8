package org.guildhall.insights.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guildhall.insights.Outcomes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the dated history and the pairs once, then compares participants per programme and overall. */
@Component
class OutcomeFigures {

	private final JdbcTemplate jdbc;

	OutcomeFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Outcomes for all programmes together (key {@code null}) and for each programme with a started pair. */
	Map<@Nullable Long, Outcomes> all(Instant now) {
		Map<Long, OutcomeStudy.Timeline> people = timelines();
		Map<Long, Map<Long, LocalDate>> mentees = new HashMap<>();
		Map<Long, Map<Long, LocalDate>> mentors = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		jdbc.query("SELECT programme_id, name FROM insight_programme", rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		Set<Long> everyone = new HashSet<>();
		jdbc.query("SELECT programme_id, mentee_id, mentor_id, started_at FROM insight_pair WHERE started_at IS NOT NULL", rs -> {
			LocalDate started = rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
			for (Long programme : new Long[] {rs.getLong(1), -1L}) {
				mentees.computeIfAbsent(programme, k -> new HashMap<>()).merge(rs.getLong(2), started, OutcomeFigures::earlier);
				mentors.computeIfAbsent(programme, k -> new HashMap<>()).merge(rs.getLong(3), started, OutcomeFigures::earlier);
			}
			everyone.add(rs.getLong(2));
			everyone.add(rs.getLong(3));
		});
		LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
		Map<@Nullable Long, Outcomes> outcomes = new HashMap<>();
		Set<Long> programmes = new HashSet<>(mentees.keySet());
		programmes.add(-1L);
		for (Long programme : programmes) {
			List<Outcomes.Side> sides = List.of(
					OutcomeStudy.compare("mentees", people, mentees.getOrDefault(programme, Map.of()), everyone, today),
					OutcomeStudy.compare("mentors", people, mentors.getOrDefault(programme, Map.of()), everyone, today));
			String scope = programme == -1L ? "All programmes" : names.getOrDefault(programme, "Programme " + programme);
			outcomes.put(programme == -1L ? null : programme, new Outcomes(scope, today, sides, now));
		}
		return outcomes;
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private Map<Long, OutcomeStudy.Timeline> timelines() {
		Map<Long, LocalDate> hired = new HashMap<>();
		jdbc.query("SELECT person_id, hire_date FROM insight_person WHERE hire_date IS NOT NULL", rs -> {
			hired.put(rs.getLong(1), rs.getDate(2).toLocalDate());
		});
		Map<Long, List<OutcomeStudy.State>> states = new HashMap<>();
		jdbc.query("""
				SELECT person_id, effective_on, department, level, active FROM insight_person_history
				ORDER BY person_id, effective_on, sequence""", rs -> {
			int level = rs.getInt(4);
			Integer levelOrNull = rs.wasNull() ? null : level;
			List<OutcomeStudy.State> list = states.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
			OutcomeStudy.State state = new OutcomeStudy.State(rs.getDate(2).toLocalDate(), rs.getString(3), levelOrNull,
					rs.getBoolean(5));
			// two records on one day: the later one is what HR said last that day
			if (!list.isEmpty() && list.get(list.size() - 1).from().equals(state.from())) {
				list.set(list.size() - 1, state);
			}
			else {
				list.add(state);
			}
		});
		Map<Long, OutcomeStudy.Timeline> people = new HashMap<>();
		states.forEach((id, list) -> people.put(id, new OutcomeStudy.Timeline(id, hired.get(id), List.copyOf(list))));
		return people;
	}
}
