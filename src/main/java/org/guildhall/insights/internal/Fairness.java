package org.guildhall.insights.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.guildhall.insights.Count;
import org.guildhall.insights.FairnessAudit;
import org.guildhall.insights.Rate;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.Proposal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes the fairness audit of a programme from its latest run's proposals (read through the
 * programmes module's API by the caller) and the read model's enrolments, people and pairs.
 */
@Component
public class Fairness {

	private final JdbcTemplate jdbc;

	Fairness(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private record Mentee(long id, @Nullable String department, @Nullable String location, @Nullable Integer level) {
	}

	public FairnessAudit audit(long programmeId, String name, @Nullable MatchingRun run, List<Proposal> proposals, Instant now) {
		List<Mentee> mentees = jdbc.query("""
				SELECT e.person_id, p.department, p.location, p.level FROM insight_enrolment e
				LEFT JOIN insight_person p ON p.person_id = e.person_id
				WHERE e.programme_id = ? AND e.status = 'ACTIVE' AND e.role IN ('MENTEE', 'BOTH')""",
				(rs, n) -> new Mentee(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4, Integer.class)),
				programmeId);
		Map<Long, Double> scores = new HashMap<>();
		proposals.forEach(p -> scores.put(p.menteeId(), p.score()));
		Set<Long> started = new HashSet<>();
		Set<Long> endedEarly = new HashSet<>();
		jdbc.query("SELECT mentee_id, status FROM insight_pair WHERE programme_id = ? AND started_at IS NOT NULL", rs -> {
			started.add(rs.getLong(1));
			if (rs.getString(2).equals("ENDED_EARLY")) {
				endedEarly.add(rs.getLong(1));
			}
		}, programmeId);
		List<FairnessAudit.Breakdown> breakdowns = List.of(
				breakdown("Department", mentees, m -> Dashboards.group(m.department()), scores, started, endedEarly),
				breakdown("Location", mentees, m -> Dashboards.group(m.location()), scores, started, endedEarly),
				breakdown("Level", mentees, m -> m.level() == null ? "(none given)" : "Level " + m.level(), scores, started,
						endedEarly));
		FairnessAudit.RunFigures figures = run == null ? null
				: new FairnessAudit.RunFigures(run.id(), run.objective(), run.mentees(), run.matched(), run.meanScore(), run.published());
		return new FairnessAudit(programmeId, name, figures, breakdowns, concentration(programmeId), now);
	}

	private static FairnessAudit.Breakdown breakdown(String attribute, List<Mentee> mentees, Function<Mentee, String> key,
			Map<Long, Double> scores, Set<Long> started, Set<Long> endedEarly) {
		Map<String, List<Mentee>> groups = new TreeMap<>();
		mentees.forEach(m -> groups.computeIfAbsent(key.apply(m), k -> new ArrayList<>()).add(m));
		record Raw(String name, int people, long matched, @Nullable Double meanScore, long started, long ended) {
		}
		List<Raw> raws = new ArrayList<>();
		groups.forEach((name, list) -> {
			long matched = list.stream().filter(m -> scores.containsKey(m.id())).count();
			Double mean = matched == 0 ? null
					: list.stream().filter(m -> scores.containsKey(m.id())).mapToDouble(m -> scores.get(m.id())).average().orElse(0);
			long s = list.stream().filter(m -> started.contains(m.id())).count();
			long e = list.stream().filter(m -> endedEarly.contains(m.id())).count();
			raws.add(new Raw(name, list.size(), matched, mean, s, e));
		});
		// the best-served group among those shown (five people or more)
		double bestMatch = raws.stream().filter(r -> r.people() >= Count.MIN_GROUP).mapToDouble(r -> (double) r.matched() / r.people())
			.max().orElse(0);
		double bestScore = raws.stream().filter(r -> r.people() >= Count.MIN_GROUP && r.meanScore() != null)
			.mapToDouble(Raw::meanScore).max().orElse(0);
		double bestKept = raws.stream().filter(r -> r.people() >= Count.MIN_GROUP && r.started() >= Count.MIN_GROUP)
			.mapToDouble(r -> 1 - (double) r.ended() / r.started()).max().orElse(0);
		List<FairnessAudit.Group> rows = new ArrayList<>();
		for (Raw r : raws) {
			boolean shown = r.people() >= Count.MIN_GROUP;
			boolean startedShown = shown && r.started() >= Count.MIN_GROUP;
			Double matchRatio = shown && bestMatch > 0 ? ratio((double) r.matched() / r.people(), bestMatch) : null;
			Double scoreRatio = shown && bestScore > 0 && r.meanScore() != null ? ratio(r.meanScore(), bestScore) : null;
			Double keptRatio = startedShown && bestKept > 0 ? ratio(1 - (double) r.ended() / r.started(), bestKept) : null;
			rows.add(new FairnessAudit.Group(r.name(), Count.people(r.people()), shown ? Rate.of(r.matched(), r.people()) : Rate.of(0, 0),
					shown && r.meanScore() != null ? Math.round(r.meanScore() * 10) / 10.0 : null, matchRatio, scoreRatio,
					shown ? new Count(r.started()) : new Count(null),
					startedShown ? Rate.of(r.ended(), r.started()) : Rate.of(0, 0), keptRatio));
		}
		return new FairnessAudit.Breakdown(attribute, rows);
	}

	private static double ratio(double value, double best) {
		return Math.round(value / best * 100) / 100.0;
	}

	/** How self-select requests spread over the programme's mentors; null when nobody asked. */
	private FairnessAudit.@Nullable Concentration concentration(long programmeId) {
		Map<Long, Long> perMentor = new HashMap<>();
		jdbc.query("SELECT mentor_id, COUNT(*) FROM insight_pair WHERE programme_id = ? AND requested GROUP BY mentor_id",
				rs -> {
					perMentor.put(rs.getLong(1), rs.getLong(2));
				}, programmeId);
		if (perMentor.isEmpty()) {
			return null;
		}
		Integer enrolled = jdbc.queryForObject("""
				SELECT COUNT(*) FROM insight_enrolment WHERE programme_id = ? AND status = 'ACTIVE' AND role IN ('MENTOR', 'BOTH')""",
				Integer.class, programmeId);
		int mentors = Math.max(enrolled == null ? 0 : enrolled, perMentor.size());
		long[] counts = new long[mentors];
		int i = 0;
		for (long c : perMentor.values()) {
			counts[i++] = c;
		}
		Arrays.sort(counts);
		long total = Arrays.stream(counts).sum();
		int tenth = Math.max(1, (int) Math.ceil(perMentor.size() / 10.0));
		long top = 0;
		for (int k = 0; k < tenth; k++) {
			top += counts[counts.length - 1 - k];
		}
		// Gini over all enrolled mentors (those never asked count as zero)
		double weighted = 0;
		for (int k = 0; k < counts.length; k++) {
			weighted += (k + 1) * (double) counts[k];
		}
		double gini = counts.length < 2 ? 0 : (2 * weighted) / (counts.length * (double) total) - (counts.length + 1.0) / counts.length;
		return new FairnessAudit.Concentration(total, perMentor.size(), mentors, Math.round((double) top / total * 100) / 100.0,
				Math.round(gini * 100) / 100.0);
	}
}
