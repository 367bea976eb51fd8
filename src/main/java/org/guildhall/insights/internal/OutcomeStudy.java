package org.guildhall.insights.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.guildhall.insights.Count;
import org.guildhall.insights.Outcomes;
import org.guildhall.insights.Rate;
import org.jspecify.annotations.Nullable;

/**
 * Compares participants with comparable non-participants, from the dated HR history. Plain Java
 * (no database), so that it can be checked against a hand count.
 *
 * <p>Each participant is placed in the month they started (its first day is their reference
 * date) in a stratum: department, level band and tenure band on that date. The comparison group
 * is every non-participant who was active and in one of those strata on the first day of one of
 * those months; someone who fits several months counts once, from the earliest. Outcomes are read
 * from the reference date: still active 6 and 12 months later, a higher level and another
 * department 12 months later; a person counts for an outcome only once its window has passed.
 */
public final class OutcomeStudy {

	/** What HR said about a person from {@code from} on (until the next state). */
	public record State(LocalDate from, @Nullable String department, @Nullable Integer level, boolean active) {
	}

	/** A person's states in date order, and when they were hired. */
	public record Timeline(long personId, @Nullable LocalDate hireDate, List<State> states) {

		/** The state on a day, or null before the first record. */
		@Nullable State at(LocalDate day) {
			State found = null;
			for (State s : states) {
				if (s.from().isAfter(day)) {
					break;
				}
				found = s;
			}
			return found;
		}
	}

	static final String[] OUTCOMES = {"retained6", "retained12", "promoted12", "moved12"};
	static final String[] LABELS = {"Still here 6 months later", "Still here 12 months later",
			"Promoted within 12 months", "Moved to another department within 12 months"};

	private OutcomeStudy() {
	}

	/**
	 * One role's comparison.
	 *
	 * @param starts each participant's first start in this role
	 * @param everParticipated everyone who took part in any role (never a comparison person)
	 */
	public static Outcomes.Side compare(String role, Map<Long, Timeline> people, Map<Long, LocalDate> starts,
			Set<Long> everParticipated, LocalDate today) {
		Map<LocalDate, Set<String>> strataByMonth = new TreeMap<>();
		List<long[]> participantTallies = new ArrayList<>();
		int withoutHistory = 0;
		for (Map.Entry<Long, LocalDate> start : starts.entrySet()) {
			Timeline t = people.get(start.getKey());
			LocalDate month = start.getValue().withDayOfMonth(1);
			State state = t == null ? null : t.at(month);
			if (state == null) {
				state = t == null ? null : t.at(start.getValue());
			}
			if (state == null || !state.active()) {
				withoutHistory++;
				continue;
			}
			strataByMonth.computeIfAbsent(month, k -> new java.util.HashSet<>()).add(stratum(state, t.hireDate(), month));
			participantTallies.add(tally(t, state, month, today));
		}
		Map<Long, LocalDate> controls = new HashMap<>();
		for (Map.Entry<LocalDate, Set<String>> month : strataByMonth.entrySet()) {
			for (Timeline t : people.values()) {
				if (everParticipated.contains(t.personId()) || controls.containsKey(t.personId())) {
					continue;
				}
				State state = t.at(month.getKey());
				if (state != null && state.active() && month.getValue().contains(stratum(state, t.hireDate(), month.getKey()))) {
					controls.put(t.personId(), month.getKey());
				}
			}
		}
		List<long[]> controlTallies = new ArrayList<>();
		controls.forEach((id, month) -> {
			Timeline t = people.get(id);
			controlTallies.add(tally(t, t.at(month), month, today));
		});
		long[] p = sum(participantTallies);
		long[] c = sum(controlTallies);
		List<Outcomes.Row> rows = new ArrayList<>();
		for (int i = 0; i < OUTCOMES.length; i++) {
			Rate mine = Rate.of(p[2 * i], p[2 * i + 1]);
			Rate theirs = Rate.of(c[2 * i], c[2 * i + 1]);
			Double difference = mine.value() == null || theirs.value() == null ? null : mine.value() - theirs.value();
			rows.add(new Outcomes.Row(OUTCOMES[i], LABELS[i], mine, theirs, difference));
		}
		return new Outcomes.Side(role, Count.people(participantTallies.size()), Count.people(withoutHistory),
				Count.people(controls.size()), rows);
	}

	/** For each outcome: [achieved, followed long enough] (so eight numbers). */
	private static long[] tally(Timeline t, State start, LocalDate from, LocalDate today) {
		long[] counts = new long[8];
		LocalDate six = from.plusMonths(6);
		LocalDate twelve = from.plusMonths(12);
		if (!six.isAfter(today)) {
			counts[1] = 1;
			State s = t.at(six);
			counts[0] = s != null && s.active() ? 1 : 0;
		}
		if (!twelve.isAfter(today)) {
			State s = t.at(twelve);
			counts[3] = 1;
			counts[2] = s != null && s.active() ? 1 : 0;
			if (start.level() != null && s != null && s.level() != null) {
				counts[5] = 1;
				counts[4] = s.level() > start.level() ? 1 : 0;
			}
			if (s != null) {
				counts[7] = 1;
				counts[6] = !java.util.Objects.equals(s.department(), start.department()) ? 1 : 0;
			}
		}
		return counts;
	}

	private static long[] sum(Collection<long[]> tallies) {
		long[] total = new long[8];
		for (long[] t : tallies) {
			for (int i = 0; i < 8; i++) {
				total[i] += t[i];
			}
		}
		return total;
	}

	static String stratum(State state, @Nullable LocalDate hired, LocalDate on) {
		return state.department() + "|" + levelBand(state.level()) + "|" + tenureBand(hired, on);
	}

	/** Levels 1–3, 4–6, 7–9 and 10 up (the HR file allows 1 to 15). */
	static String levelBand(@Nullable Integer level) {
		if (level == null) {
			return "unknown";
		}
		return level <= 3 ? "1-3" : level <= 6 ? "4-6" : level <= 9 ? "7-9" : "10+";
	}

	/** Under a year, 1–3 years, 3–6 years, 6 years or more. */
	static String tenureBand(@Nullable LocalDate hired, LocalDate on) {
		if (hired == null) {
			return "unknown";
		}
		long years = ChronoUnit.YEARS.between(hired, on);
		return years < 1 ? "<1" : years < 3 ? "1-3" : years < 6 ? "3-6" : "6+";
	}
}
