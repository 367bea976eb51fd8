package org.guildhall.insights.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.guildhall.insights.Count;
import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.insights.ProgrammeDashboard.Cadence;
import org.guildhall.insights.ProgrammeDashboard.Funnel;
import org.guildhall.insights.ProgrammeDashboard.GoalFigures;
import org.guildhall.insights.ProgrammeDashboard.GroupRow;
import org.guildhall.insights.ProgrammeDashboard.Pairs;
import org.guildhall.insights.ProgrammeDashboard.ProgrammeRef;
import org.guildhall.insights.ProgrammeDashboard.Reason;
import org.guildhall.insights.ProgrammeDashboard.Satisfaction;
import org.guildhall.insights.ProgrammeDashboard.TimeToMatch;
import org.guildhall.insights.ProgrammeDashboard.Week;
import org.guildhall.insights.Rate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes programme dashboards from the read model. The rows of one scope (enrolments and pairs
 * of the chosen programmes, narrowed by the mentee's department, location, level and cohort) are
 * read once and counted here; meetings are counted by the database, per pair and per week.
 */
@Component
public class Dashboards {

	static final int TREND_WEEKS = 26;
	private static final Set<String> DECLINED = Set.of("DECLINED", "CANCELLED");

	private final NamedParameterJdbcTemplate jdbc;
	private final int quietAfterDays;
	private final int defaultCadenceDays;

	Dashboards(NamedParameterJdbcTemplate jdbc,
			@Value("${guildhall.mentorships.quiet-after-days:21}") int quietAfterDays,
			@Value("${guildhall.mentorships.default-cadence-days:14}") int defaultCadenceDays) {
		this.jdbc = jdbc;
		this.quietAfterDays = quietAfterDays;
		this.defaultCadenceDays = defaultCadenceDays;
	}

	private record EnrolmentRow(long programmeId, long personId, String status, Instant enrolledAt, @Nullable String department) {
	}

	private record PairRow(long id, long programmeId, long menteeId, String status, Instant createdAt,
			@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable String endCategory, @Nullable Integer cadence,
			String format, int goals, int goalsAchieved, @Nullable String department) {
	}

	public ProgrammeDashboard dashboard(InsightFilter filter, String scope, List<ProgrammeRef> programmes, Instant now) {
		List<Long> ids = programmes.stream().map(ProgrammeRef::id).toList();
		if (ids.isEmpty()) {
			ids = List.of(-1L);
		}
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
		String people = personFilter(filter, params);

		List<EnrolmentRow> allEnrolments = jdbc.query("""
				SELECT e.programme_id, e.person_id, e.status, e.enrolled_at, p.department FROM insight_enrolment e
				LEFT JOIN insight_person p ON p.person_id = e.person_id
				WHERE e.programme_id IN (:ids) AND e.role IN ('MENTEE', 'BOTH')""" + people, params,
				(rs, n) -> new EnrolmentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
						rs.getString(5)));
		Map<Long, Map<Long, Instant>> enrolledAt = new HashMap<>();
		List<EnrolmentRow> enrolments = new ArrayList<>();
		for (EnrolmentRow e : allEnrolments) {
			if (inCohort(filter, e.enrolledAt())) {
				enrolments.add(e);
				enrolledAt.computeIfAbsent(e.programmeId(), k -> new HashMap<>()).put(e.personId(), e.enrolledAt());
			}
		}
		List<PairRow> pairs = new ArrayList<>();
		jdbc.query("""
				SELECT m.mentorship_id, m.programme_id, m.mentee_id, m.status, m.created_at, m.started_at, m.ended_at,
				  m.end_category, m.cadence_days, g.format, m.goals, m.goals_achieved, p.department
				FROM insight_pair m JOIN insight_programme g ON g.programme_id = m.programme_id
				LEFT JOIN insight_person p ON p.person_id = m.mentee_id
				WHERE m.programme_id IN (:ids)""" + people, params, rs -> {
			long programme = rs.getLong(2);
			long mentee = rs.getLong(3);
			boolean enrolledInScope = enrolledAt.getOrDefault(programme, Map.of()).containsKey(mentee);
			Instant created = rs.getTimestamp(5).toInstant();
			if (filter.cohort() != null && !enrolledInScope) {
				return;
			}
			Integer cadence = (Integer) rs.getObject(9, Integer.class);
			pairs.add(new PairRow(rs.getLong(1), programme, mentee, rs.getString(4), created, instant(rs.getTimestamp(6)),
					instant(rs.getTimestamp(7)), rs.getString(8), cadence, rs.getString(10), rs.getInt(11), rs.getInt(12),
					rs.getString(13)));
		});
		Map<Long, long[]> meetings = meetingsPerPair(params, people, now);

		Set<Long> mentees = new HashSet<>();
		enrolments.stream().filter(e -> e.status().equals("ACTIVE")).forEach(e -> mentees.add(e.personId()));
		pairs.forEach(p -> mentees.add(p.menteeId()));
		long peopleInScope = mentees.size();
		boolean hidden = peopleInScope < Count.MIN_GROUP;

		Funnel funnel = funnel(enrolments, pairs, hidden);
		Rate matchRate = hidden ? Rate.hidden() : Rate.of(value(funnel.matched()), value(funnel.enrolled()));
		return new ProgrammeDashboard(filter, scope, programmes, peopleInScope, funnel, matchRate,
				timeToMatch(enrolledAt, pairs, hidden), pairStates(pairs, meetings, now, hidden),
				cadence(pairs, meetings, now, hidden), goals(pairs, hidden), satisfaction(params, people, hidden),
				reasons(pairs, hidden), trend(enrolments, pairs, params, people, now, hidden),
				byDepartment(enrolments, pairs), now);
	}

	private String personFilter(InsightFilter filter, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder();
		if (filter.department() != null) {
			where.append(" AND p.department = :department");
			params.addValue("department", filter.department());
		}
		if (filter.location() != null) {
			where.append(" AND p.location = :location");
			params.addValue("location", filter.location());
		}
		if (filter.level() != null) {
			where.append(" AND p.level = :level");
			params.addValue("level", filter.level());
		}
		return where.toString();
	}

	static boolean inCohort(InsightFilter filter, Instant enrolledAt) {
		return filter.cohort() == null || filter.cohort().equals(cohortOf(enrolledAt));
	}

	/** The quarter an instant falls in, as {@code 2026-Q1} (UTC). */
	public static String cohortOf(Instant at) {
		LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	/** Per pair: meetings held so far and the last one's time in epoch seconds (0 when none). */
	private Map<Long, long[]> meetingsPerPair(MapSqlParameterSource params, String people, Instant now) {
		Map<Long, long[]> held = new HashMap<>();
		MapSqlParameterSource p = copy(params).addValue("now", Timestamp.from(now));
		jdbc.query("""
				SELECT x.mentorship_id, COUNT(*), MAX(x.starts_at) FROM insight_meeting x
				JOIN insight_pair m ON m.mentorship_id = x.mentorship_id LEFT JOIN insight_person p ON p.person_id = m.mentee_id
				WHERE m.programme_id IN (:ids) AND x.starts_at <= :now""" + people + " GROUP BY x.mentorship_id", p, rs -> {
			held.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getTimestamp(3).toInstant().getEpochSecond()});
		});
		return held;
	}

	private static Funnel funnel(List<EnrolmentRow> enrolments, List<PairRow> pairs, boolean hidden) {
		Set<Long> enrolled = new HashSet<>();
		Set<Long> waiting = new HashSet<>();
		Set<Long> withdrawn = new HashSet<>();
		for (EnrolmentRow e : enrolments) {
			switch (e.status()) {
				case "ACTIVE" -> enrolled.add(key(e.programmeId(), e.personId()));
				case "PENDING_APPROVAL" -> waiting.add(key(e.programmeId(), e.personId()));
				case "WITHDRAWN" -> withdrawn.add(key(e.programmeId(), e.personId()));
				default -> {
				}
			}
		}
		Set<Long> matched = new HashSet<>();
		Set<Long> started = new HashSet<>();
		Set<Long> completed = new HashSet<>();
		Set<Long> endedEarly = new HashSet<>();
		for (PairRow p : pairs) {
			long k = key(p.programmeId(), p.menteeId());
			enrolled.add(k);
			if (!DECLINED.contains(p.status())) {
				matched.add(k);
			}
			if (p.startedAt() != null) {
				started.add(k);
			}
			if (p.status().equals("COMPLETED")) {
				completed.add(k);
			}
			if (p.status().equals("ENDED_EARLY")) {
				endedEarly.add(k);
			}
		}
		endedEarly.removeAll(completed);
		return new Funnel(count(enrolled.size(), hidden), count(matched.size(), hidden), count(started.size(), hidden),
				count(completed.size(), hidden), count(endedEarly.size(), hidden), count(waiting.size(), hidden),
				count(withdrawn.size(), hidden));
	}

	private static TimeToMatch timeToMatch(Map<Long, Map<Long, Instant>> enrolledAt, List<PairRow> pairs, boolean hidden) {
		Map<Long, Instant> firstOffer = new HashMap<>();
		Map<Long, Instant> enrolment = new HashMap<>();
		for (PairRow p : pairs) {
			Instant enrolled = enrolledAt.getOrDefault(p.programmeId(), Map.of()).get(p.menteeId());
			if (enrolled == null || DECLINED.contains(p.status()) && p.startedAt() == null) {
				continue;
			}
			long k = key(p.programmeId(), p.menteeId());
			enrolment.put(k, enrolled);
			firstOffer.merge(k, p.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
		}
		double[] days = firstOffer.entrySet().stream()
			.mapToDouble(e -> Math.max(0, Duration.between(enrolment.get(e.getKey()), e.getValue()).toMinutes() / 1440.0))
			.sorted().toArray();
		if (hidden || days.length < Count.MIN_GROUP) {
			return new TimeToMatch(Count.people(days.length), null, null);
		}
		return new TimeToMatch(Count.people(days.length), percentile(days, 0.5), percentile(days, 0.9));
	}

	/** The nearest-rank percentile of sorted values, rounded to a tenth of a day. */
	static double percentile(double[] sorted, double q) {
		int rank = (int) Math.ceil(q * sorted.length);
		return Math.round(sorted[Math.max(0, rank - 1)] * 10) / 10.0;
	}

	private Pairs pairStates(List<PairRow> pairs, Map<Long, long[]> meetings, Instant now, boolean hidden) {
		long waiting = 0;
		long active = 0;
		long quiet = 0;
		long completed = 0;
		long ended = 0;
		for (PairRow p : pairs) {
			switch (p.status()) {
				case "INVITED", "REQUESTED" -> waiting++;
				case "ACTIVE" -> {
					active++;
					if (quiet(p, meetings.get(p.id()), now)) {
						quiet++;
					}
				}
				case "COMPLETED" -> completed++;
				case "ENDED_EARLY" -> ended++;
				default -> {
				}
			}
		}
		return new Pairs(count(waiting, hidden), count(active, hidden), count(quiet, hidden), count(completed, hidden),
				count(ended, hidden));
	}

	/** The health page's rule: never met some weeks after starting, or last met longer ago than the cadence. */
	boolean quiet(PairRow p, long @Nullable [] held, Instant now) {
		if (p.startedAt() == null) {
			return false;
		}
		if (held == null || held[0] == 0) {
			return Duration.between(p.startedAt(), now).toDays() > quietAfterDays;
		}
		if (p.format().equals("FLASH")) {
			return false;
		}
		int cadence = p.cadence() == null ? defaultCadenceDays : p.cadence();
		return Duration.between(Instant.ofEpochSecond(held[1]), now).toDays() > cadence;
	}

	private static Cadence cadence(List<PairRow> pairs, Map<Long, long[]> meetings, Instant now, boolean hidden) {
		long agreed = 0;
		long on = 0;
		long behind = 0;
		long far = 0;
		long none = 0;
		for (PairRow p : pairs) {
			if (p.startedAt() == null || p.format().equals("FLASH")) {
				continue;
			}
			if (p.cadence() == null) {
				none++;
				continue;
			}
			Instant until = p.endedAt() != null ? p.endedAt() : now;
			long days = Duration.between(p.startedAt(), until).toDays();
			long expected = days / p.cadence();
			if (expected < 1) {
				continue;
			}
			agreed++;
			long[] held = meetings.get(p.id());
			double ratio = (held == null ? 0 : held[0]) / (double) expected;
			if (ratio >= 0.8) {
				on++;
			}
			else if (ratio >= 0.4) {
				behind++;
			}
			else {
				far++;
			}
		}
		return new Cadence(count(agreed, hidden), count(on, hidden), count(behind, hidden), count(far, hidden),
				count(none, hidden), hidden ? Rate.hidden() : Rate.of(on, agreed));
	}

	private static GoalFigures goals(List<PairRow> pairs, boolean hidden) {
		long set = 0;
		long achieved = 0;
		long withGoals = 0;
		long withAchieved = 0;
		for (PairRow p : pairs) {
			if (p.startedAt() == null) {
				continue;
			}
			set += p.goals();
			achieved += p.goalsAchieved();
			if (p.goals() > 0) {
				withGoals++;
				if (p.goalsAchieved() > 0) {
					withAchieved++;
				}
			}
		}
		return new GoalFigures(count(set, hidden), count(achieved, hidden),
				hidden || withGoals < Count.MIN_GROUP ? Rate.hidden() : Rate.of(achieved, set),
				hidden ? Rate.hidden() : Rate.of(withAchieved, withGoals));
	}

	private Satisfaction satisfaction(MapSqlParameterSource params, String people, boolean hidden) {
		long[] distribution = new long[5];
		long[] byRole = new long[2];
		jdbc.query("""
				SELECT r.rating, r.by_mentor, COUNT(*) FROM insight_rating r JOIN insight_pair m ON m.mentorship_id = r.mentorship_id
				JOIN insight_programme g ON g.programme_id = m.programme_id LEFT JOIN insight_person p ON p.person_id = m.mentee_id
				WHERE m.programme_id IN (:ids) AND (r.kind IN ('MIDPOINT', 'FINAL') OR (r.kind = 'CHECK_IN' AND g.format = 'FLASH'))"""
				+ people + " GROUP BY r.rating, r.by_mentor", params, rs -> {
					distribution[rs.getInt(1) - 1] += rs.getLong(3);
					byRole[rs.getBoolean(2) ? 1 : 0] += rs.getLong(3);
				});
		long answers = Arrays.stream(distribution).sum();
		boolean shown = !hidden && answers >= Count.MIN_GROUP;
		List<Count> counts = Arrays.stream(distribution).mapToObj(n -> new Count(shown ? n : null)).toList();
		Double mean = null;
		if (shown) {
			long total = 0;
			for (int i = 0; i < 5; i++) {
				total += (i + 1) * distribution[i];
			}
			mean = Math.round(total * 100.0 / answers) / 100.0;
		}
		return new Satisfaction(new Count(hidden ? null : answers), mean, counts, count(byRole[0], hidden || byRole[0] < Count.MIN_GROUP),
				count(byRole[1], hidden || byRole[1] < Count.MIN_GROUP));
	}

	private static List<Reason> reasons(List<PairRow> pairs, boolean hidden) {
		Map<String, Long> counts = new LinkedHashMap<>();
		EndReasons.names().forEach(n -> counts.put(n, 0L));
		pairs.stream().filter(p -> p.status().equals("ENDED_EARLY"))
			.forEach(p -> counts.merge(p.endCategory() == null ? EndReasons.OTHER : p.endCategory(), 1L, Long::sum));
		List<Reason> reasons = new ArrayList<>();
		counts.forEach((name, n) -> reasons.add(new Reason(name, hidden ? new Count(null) : small(n))));
		return reasons;
	}

	private List<Week> trend(List<EnrolmentRow> enrolments, List<PairRow> pairs, MapSqlParameterSource params, String people,
			Instant now, boolean hidden) {
		LocalDate thisMonday = now.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisMonday.minusWeeks(TREND_WEEKS - 1);
		Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
		long[][] counts = new long[TREND_WEEKS][5];
		for (EnrolmentRow e : enrolments) {
			add(counts, from, e.enrolledAt(), 0);
		}
		Map<Long, Instant> firstMatch = new HashMap<>();
		for (PairRow p : pairs) {
			if (!DECLINED.contains(p.status())) {
				firstMatch.merge(key(p.programmeId(), p.menteeId()), p.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
			}
			if (p.startedAt() != null) {
				add(counts, from, p.startedAt(), 2);
			}
			if (p.endedAt() != null && (p.status().equals("COMPLETED") || p.status().equals("ENDED_EARLY"))) {
				add(counts, from, p.endedAt(), 3);
			}
		}
		firstMatch.values().forEach(at -> add(counts, from, at, 1));
		MapSqlParameterSource p = copy(params).addValue("from", Timestamp.from(from)).addValue("now", Timestamp.from(now));
		jdbc.query("""
				SELECT x.starts_at FROM insight_meeting x JOIN insight_pair m ON m.mentorship_id = x.mentorship_id
				LEFT JOIN insight_person p ON p.person_id = m.mentee_id
				WHERE m.programme_id IN (:ids) AND x.starts_at >= :from AND x.starts_at <= :now""" + people, p, rs -> {
			add(counts, from, rs.getTimestamp(1).toInstant(), 4);
		});
		List<Week> weeks = new ArrayList<>(TREND_WEEKS);
		for (int w = 0; w < TREND_WEEKS; w++) {
			long[] c = counts[w];
			weeks.add(new Week(first.plusWeeks(w), trendCount(c[0], hidden), trendCount(c[1], hidden),
					trendCount(c[2], hidden), trendCount(c[3], hidden), trendCount(c[4], hidden)));
		}
		return weeks;
	}

	private static void add(long[][] counts, Instant from, Instant at, int column) {
		if (at.isBefore(from)) {
			return;
		}
		long week = Duration.between(from, at).toDays() / 7;
		if (week < counts.length) {
			counts[(int) week][column]++;
		}
	}

	/** Per department of the mentees: the funnel's first steps. Departments of fewer than five are hidden. */
	private static List<GroupRow> byDepartment(List<EnrolmentRow> enrolments, List<PairRow> pairs) {
		Map<String, List<EnrolmentRow>> enrolled = new TreeMap<>();
		for (EnrolmentRow e : enrolments) {
			enrolled.computeIfAbsent(group(e.department()), k -> new ArrayList<>()).add(e);
		}
		Map<String, List<PairRow>> paired = new TreeMap<>();
		for (PairRow p : pairs) {
			paired.computeIfAbsent(group(p.department()), k -> new ArrayList<>()).add(p);
		}
		Set<String> groups = new java.util.TreeSet<>(enrolled.keySet());
		groups.addAll(paired.keySet());
		List<GroupRow> rows = new ArrayList<>();
		for (String group : groups) {
			List<PairRow> groupPairs = paired.getOrDefault(group, List.of());
			Set<Long> people = new HashSet<>();
			enrolled.getOrDefault(group, List.of()).stream().filter(e -> e.status().equals("ACTIVE")).forEach(e -> people.add(e.personId()));
			groupPairs.forEach(p -> people.add(p.menteeId()));
			Funnel f = funnel(enrolled.getOrDefault(group, List.of()), groupPairs, people.size() < Count.MIN_GROUP);
			rows.add(new GroupRow(group, f.enrolled(), f.matched(),
					f.enrolled().suppressed() ? Rate.hidden() : Rate.of(value(f.matched()), value(f.enrolled())),
					f.started(), f.completed(), f.endedEarly()));
		}
		return rows;
	}

	static String group(@Nullable String name) {
		return name == null || name.isBlank() ? "(none given)" : name;
	}

	private static Count count(long n, boolean hidden) {
		return new Count(hidden ? null : n);
	}

	/** A count of people within a shown scope: zero stays zero, one to four are hidden. */
	private static Count small(long n) {
		return new Count(n > 0 && n < Count.MIN_GROUP ? null : n);
	}

	private static Count trendCount(long n, boolean hidden) {
		return hidden ? new Count(null) : small(n);
	}

	private static long value(Count c) {
		return c.value() == null ? 0 : c.value();
	}

	private static long key(long programme, long person) {
		return programme << 32 ^ person;
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static MapSqlParameterSource copy(MapSqlParameterSource params) {
		MapSqlParameterSource copy = new MapSqlParameterSource();
		for (String name : params.getParameterNames()) {
			copy.addValue(name, params.getValue(name));
		}
		return copy;
	}
}
