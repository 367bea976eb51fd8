package org.guildhall.insights.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.guildhall.people.Characteristic;
import org.guildhall.people.Characteristics;
import org.guildhall.people.CharacteristicsSettings;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.Proposal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes the fairness audit of a programme from its latest run's proposals (read through the
 * programmes module's API by the caller) and the read model's enrolments, people, pairs and
 * consenting people's self-reported characteristics (counted only, never listed).
 */
@Component
public class Fairness {

	/** The one row that stands for every self-reported answer given by fewer than five mentees. */
	public static final String SMALL_ANSWERS = "Other answers (fewer than 5 mentees each)";

	private final JdbcTemplate jdbc;
	private final Characteristics characteristics;

	Fairness(JdbcTemplate jdbc, Characteristics characteristics) {
		this.jdbc = jdbc;
		this.characteristics = characteristics;
	}

	/**
	 * The audit of one run of the programme (not necessarily its latest), for comparing runs with
	 * different objectives; {@code latest} is the programme's audit the viewer may see, so access was
	 * checked there.
	 */
	public FairnessAudit ofRun(FairnessAudit latest, MatchingRun run, List<Proposal> proposals) {
		CharacteristicsSettings settings = characteristics.settings();
		return audit(latest.programmeId(), latest.programme(), run, proposals, settings.asked(), settings.on(), Instant.now());
	}

	private record Mentee(long id, @Nullable String department, @Nullable String location, @Nullable Integer level) {
	}

	/**
	 * @param asked the self-reported characteristics the organisation asks now (empty while it has
	 *        them off: then no breakdown of them at all)
	 */
	public FairnessAudit audit(long programmeId, String name, @Nullable MatchingRun run, List<Proposal> proposals,
			List<Characteristic> asked, boolean selfReportedOn, Instant now) {
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
		// mentee -> matched to a top-3 choice (only mentees whose choice can be ranked)
		Map<Long, Boolean> topChoice = new HashMap<>();
		FairnessAudit.ChoiceBasis basis = null;
		if (!proposals.isEmpty()) {
			proposals.stream().filter(p -> p.choiceRank() != null).forEach(p -> topChoice.put(p.menteeId(), p.topThreeChoice()));
			basis = FairnessAudit.ChoiceBasis.RUN;
		}
		else {
			topChoice.putAll(requestedChoices(programmeId));
			basis = topChoice.isEmpty() ? null : FairnessAudit.ChoiceBasis.REQUESTS;
		}
		PairFacts figures = new PairFacts(scores, topChoice, started, endedEarly);
		List<FairnessAudit.Breakdown> breakdowns = new ArrayList<>(List.of(
				breakdown("Department", false, mentees, m -> Dashboards.group(m.department()), null, figures),
				breakdown("Location", false, mentees, m -> Dashboards.group(m.location()), null, figures),
				breakdown("Level", false, mentees, m -> m.level() == null ? "(none given)" : "Level " + m.level(), null, figures)));
		for (Characteristic c : asked) {
			Map<Long, String> answers = new HashMap<>();
			jdbc.query("SELECT person_id, answer FROM insight_characteristic WHERE characteristic_key = ?",
					rs -> {
						answers.put(rs.getLong(1), rs.getString(2));
					}, c.key());
			// only mentees who answered with consent are counted; the rest are in no group
			breakdowns.add(breakdown(c.name(), true, mentees, m -> answers.get(m.id()), c.answers(), figures));
		}
		FairnessAudit.RunFigures runFigures = null;
		if (run != null) {
			long ranked = proposals.stream().filter(p -> p.choiceRank() != null).count();
			long top = proposals.stream().filter(Proposal::topThreeChoice).count();
			runFigures = new FairnessAudit.RunFigures(run.id(), run.objective(), run.mentees(), run.matched(), run.meanScore(),
					run.published(), Rate.of(top, ranked));
		}
		return new FairnessAudit(programmeId, name, runFigures, breakdowns, concentration(programmeId), basis, selfReportedOn, now);
	}

	private record PairFacts(Map<Long, Double> scores, Map<Long, Boolean> topChoice, Set<Long> started, Set<Long> endedEarly) {
	}

	/**
	 * Self-select: mentees ask one mentor at a time, so the order of their requests is the order of
	 * their choices. A mentee whose mentorship started counts, with whether that mentor was one of
	 * the first three they asked (the first started one, when there were several).
	 */
	private Map<Long, Boolean> requestedChoices(long programmeId) {
		Map<Long, Boolean> choices = new HashMap<>();
		long[] mentee = {-1};
		int[] position = {0};
		jdbc.query("""
				SELECT mentee_id, started_at FROM insight_pair WHERE programme_id = ? AND requested
				ORDER BY mentee_id, created_at, mentorship_id""", rs -> {
			long id = rs.getLong(1);
			if (id != mentee[0]) {
				mentee[0] = id;
				position[0] = 0;
			}
			position[0]++;
			if (rs.getTimestamp(2) != null) {
				choices.putIfAbsent(id, position[0] <= 3);
			}
		}, programmeId);
		return choices;
	}

	private static FairnessAudit.Breakdown breakdown(String attribute, boolean selfReported, List<Mentee> mentees,
			Function<Mentee, @Nullable String> key, @Nullable List<String> order, PairFacts f) {
		Map<String, List<Mentee>> groups = new TreeMap<>(order == null ? Comparator.naturalOrder()
				: Comparator.<String>comparingInt(g -> order.indexOf(g) < 0 ? Integer.MAX_VALUE : order.indexOf(g))
					.thenComparing(Comparator.naturalOrder()));
		mentees.forEach(m -> {
			String group = key.apply(m);
			if (group != null) {
				groups.computeIfAbsent(group, k -> new ArrayList<>()).add(m);
			}
		});
		record Raw(String name, int people, long matched, @Nullable Double meanScore, long ranked, long top, long started,
				long ended) {
		}
		List<Raw> raws = new ArrayList<>();
		groups.forEach((name, list) -> {
			long matched = list.stream().filter(m -> f.scores().containsKey(m.id())).count();
			Double mean = matched == 0 ? null
					: list.stream().filter(m -> f.scores().containsKey(m.id())).mapToDouble(m -> f.scores().get(m.id())).average()
						.orElse(0);
			long ranked = list.stream().filter(m -> f.topChoice().containsKey(m.id())).count();
			long top = list.stream().filter(m -> Boolean.TRUE.equals(f.topChoice().get(m.id()))).count();
			long s = list.stream().filter(m -> f.started().contains(m.id())).count();
			long e = list.stream().filter(m -> f.endedEarly().contains(m.id())).count();
			raws.add(new Raw(name, list.size(), matched, mean, ranked, top, s, e));
		});
		// the best-served group among those shown (five people or more)
		double bestMatch = raws.stream().filter(r -> r.people() >= Count.MIN_GROUP).mapToDouble(r -> (double) r.matched() / r.people())
			.max().orElse(0);
		double bestScore = raws.stream().filter(r -> r.people() >= Count.MIN_GROUP && r.meanScore() != null)
			.mapToDouble(Raw::meanScore).max().orElse(0);
		double bestTop = raws.stream().filter(r -> r.people() >= Count.MIN_GROUP && r.ranked() >= Count.MIN_GROUP)
			.mapToDouble(r -> (double) r.top() / r.ranked()).max().orElse(0);
		double bestKept = raws.stream().filter(r -> r.people() >= Count.MIN_GROUP && r.started() >= Count.MIN_GROUP)
			.mapToDouble(r -> 1 - (double) r.ended() / r.started()).max().orElse(0);
		List<FairnessAudit.Group> rows = new ArrayList<>();
		for (Raw r : raws) {
			boolean shown = r.people() >= Count.MIN_GROUP;
			boolean rankedShown = shown && r.ranked() >= Count.MIN_GROUP;
			boolean startedShown = shown && r.started() >= Count.MIN_GROUP;
			Double matchRatio = shown && bestMatch > 0 ? ratio((double) r.matched() / r.people(), bestMatch) : null;
			Double scoreRatio = shown && bestScore > 0 && r.meanScore() != null ? ratio(r.meanScore(), bestScore) : null;
			Double topRatio = rankedShown && bestTop > 0 ? ratio((double) r.top() / r.ranked(), bestTop) : null;
			Double keptRatio = startedShown && bestKept > 0 ? ratio(1 - (double) r.ended() / r.started(), bestKept) : null;
			rows.add(new FairnessAudit.Group(r.name(), Count.people(r.people()), shown ? Rate.of(r.matched(), r.people()) : Rate.hidden(),
					shown && r.meanScore() != null ? Math.round(r.meanScore() * 10) / 10.0 : null, matchRatio, scoreRatio,
					shown ? Rate.of(r.top(), r.ranked()) : Rate.hidden(), topRatio,
					shown ? new Count(r.started()) : new Count(null),
					startedShown ? Rate.of(r.ended(), r.started()) : Rate.hidden(), keptRatio));
		}
		if (selfReported && rows.stream().anyMatch(g -> g.mentees().suppressed())) {
			// a rare answer's name alone tells that some mentee gave it: the small groups go into one unnamed row
			rows.removeIf(g -> g.mentees().suppressed());
			rows.add(new FairnessAudit.Group(SMALL_ANSWERS, new Count(null), Rate.hidden(), null, null, null, Rate.hidden(), null,
					new Count(null), Rate.hidden(), null));
		}
		return new FairnessAudit.Breakdown(attribute, selfReported, rows);
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
