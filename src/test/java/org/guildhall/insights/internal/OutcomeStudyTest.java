package org.guildhall.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.guildhall.insights.Outcomes;
import org.guildhall.insights.Rate;
import org.guildhall.insights.internal.OutcomeStudy.State;
import org.guildhall.insights.internal.OutcomeStudy.Timeline;
import org.junit.jupiter.api.Test;

/** Outcomes against comparable colleagues, counted by hand on a small organisation. */
class OutcomeStudyTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
	static final LocalDate START = LocalDate.of(2025, 3, 10);
	static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

	final Map<Long, Timeline> people = new HashMap<>();

	private void person(long id, LocalDate hired, State... states) {
		people.put(id, new Timeline(id, hired, List.of(states)));
	}

	private static State s(LocalDate from, String dept, int level, boolean active) {
		return new State(from, dept, level, active);
	}

	@Test
	void comparesWithColleaguesAlikeOnPaperAndCountsOnlyThoseFollowedLongEnough() {
		LocalDate hired2020 = LocalDate.of(2020, 1, 1);
		LocalDate hired2021 = LocalDate.of(2021, 6, 1);
		// participants: Engineering, level 2, five years in: band 1-3, tenure 3-6
		person(1, hired2020, s(FIRST, "Eng", 2, true), s(LocalDate.of(2025, 9, 1), "Eng", 3, true));
		person(2, hired2020, s(FIRST, "Eng", 2, true), s(LocalDate.of(2025, 7, 1), "Eng", 2, false));
		person(3, hired2020, s(FIRST, "Eng", 2, true), s(LocalDate.of(2026, 1, 1), "Sales", 2, true));
		person(4, hired2020, s(FIRST, "Eng", 2, true));
		person(5, hired2020, s(FIRST, "Eng", 2, true));
		person(6, hired2020, s(FIRST, "Eng", 2, true)); // starts in October 2026: not followed long enough yet
		person(7, hired2020, s(LocalDate.of(2026, 6, 1), "Design", 2, true)); // no record when they started
		// comparable colleagues (band 1-3, tenure 3-6, Engineering)
		person(11, hired2021, s(FIRST, "Eng", 1, true), s(LocalDate.of(2025, 5, 1), "Eng", 1, false));
		person(12, hired2021, s(FIRST, "Eng", 3, true), s(LocalDate.of(2026, 1, 1), "Eng", 3, false));
		person(13, hired2021, s(FIRST, "Eng", 1, true), s(LocalDate.of(2025, 12, 1), "Eng", 4, true));
		person(14, hired2021, s(FIRST, "Eng", 2, true));
		person(15, hired2021, s(FIRST, "Eng", 2, true));
		person(16, hired2021, s(FIRST, "Eng", 3, true));
		// not comparable: another level band, another department, too new, no record then, a mentor
		person(21, hired2021, s(FIRST, "Eng", 5, true));
		person(22, hired2021, s(FIRST, "Sales", 2, true));
		person(23, LocalDate.of(2025, 1, 1), s(FIRST, "Eng", 2, true));
		person(24, hired2021, s(LocalDate.of(2025, 6, 1), "Eng", 2, true));
		person(25, hired2020, s(FIRST, "Eng", 2, true), s(LocalDate.of(2025, 6, 1), "Eng", 2, false));
		// left before the month: not active then, so no comparison
		person(26, hired2021, s(FIRST, "Eng", 2, true), s(LocalDate.of(2025, 2, 1), "Eng", 2, false));

		Map<Long, LocalDate> starts = new HashMap<>();
		for (long id = 1; id <= 5; id++) {
			starts.put(id, START);
		}
		starts.put(6L, LocalDate.of(2026, 10, 5));
		starts.put(7L, LocalDate.of(2025, 4, 2));
		Outcomes.Side side = OutcomeStudy.compare("mentees", people, starts, Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 25L), TODAY);

		assertThat(side.participants().value()).isEqualTo(6);
		assertThat(side.withoutHistory().suppressed()).as("one person is fewer than five").isTrue();
		assertThat(side.comparison().value()).isEqualTo(6);
		Map<String, Outcomes.Row> rows = new HashMap<>();
		side.rows().forEach(r -> rows.put(r.outcome(), r));
		expect(rows.get("retained6").participants(), 4, 5);
		expect(rows.get("retained6").comparison(), 5, 6);
		expect(rows.get("retained12").participants(), 4, 5);
		expect(rows.get("retained12").comparison(), 4, 6);
		expect(rows.get("promoted12").participants(), 1, 5);
		expect(rows.get("promoted12").comparison(), 1, 6);
		expect(rows.get("moved12").participants(), 1, 5);
		expect(rows.get("moved12").comparison(), 0, 6);
		assertThat(rows.get("retained6").difference()).isCloseTo(0.8 - 5 / 6.0, within(1e-12));
	}

	@Test
	void groupsOfFewerThanFiveShowNoRate() {
		person(1, LocalDate.of(2020, 1, 1), s(FIRST, "Eng", 2, true));
		for (long id = 10; id < 14; id++) {
			person(id, LocalDate.of(2020, 1, 1), s(FIRST, "Eng", 2, true));
		}
		Outcomes.Side side = OutcomeStudy.compare("mentors", people, Map.of(1L, START), Set.of(1L), TODAY);
		assertThat(side.participants().suppressed()).isTrue();
		assertThat(side.comparison().suppressed()).as("four comparable colleagues").isTrue();
		assertThat(side.rows()).allSatisfy(r -> {
			assertThat(r.participants().value()).isNull();
			assertThat(r.comparison().value()).isNull();
			assertThat(r.difference()).isNull();
		});
	}

	/** The Wilson interval, computed as the roots of its defining quadratic (another way than Rate's). */
	private static void expect(Rate rate, long part, long whole) {
		assertThat(rate.part()).isEqualTo(part);
		assertThat(rate.whole()).isEqualTo(whole);
		assertThat(rate.value()).isCloseTo((double) part / whole, within(1e-12));
		double z = 1.959963984540054;
		double p = (double) part / whole;
		// (1 + z²/n) x² - (2p + z²/n) x + p² = 0
		double a = 1 + z * z / whole;
		double b = -(2 * p + z * z / whole);
		double c = p * p;
		double root = Math.sqrt(b * b - 4 * a * c);
		assertThat(rate.low()).isCloseTo((-b - root) / (2 * a), within(1e-9));
		assertThat(rate.high()).isCloseTo((-b + root) / (2 * a), within(1e-9));
	}

	@Test
	void everyRateLiesInItsIntervalOnRandomOrganisations() {
		Random random = new Random(42);
		for (int round = 0; round < 20; round++) {
			people.clear();
			Map<Long, LocalDate> starts = new HashMap<>();
			List<String> departments = List.of("Eng", "Sales", "Ops");
			for (long id = 0; id < 300; id++) {
				List<State> states = new ArrayList<>();
				String dept = departments.get(random.nextInt(3));
				int level = 1 + random.nextInt(6);
				states.add(s(FIRST, dept, level, true));
				if (random.nextInt(4) == 0) {
					states.add(s(FIRST.plusMonths(6 + random.nextInt(30)), departments.get(random.nextInt(3)),
							level + random.nextInt(2), random.nextInt(5) > 0));
				}
				person(id, LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1), states.toArray(State[]::new));
				if (random.nextInt(5) == 0) {
					starts.put(id, FIRST.plusMonths(random.nextInt(30)).plusDays(random.nextInt(27)));
				}
			}
			Outcomes.Side side = OutcomeStudy.compare("mentees", people, starts, starts.keySet(), TODAY);
			for (Outcomes.Row row : side.rows()) {
				for (Rate rate : List.of(row.participants(), row.comparison())) {
					if (rate.value() != null) {
						assertThat(rate.value()).isBetween(rate.low(), rate.high());
						assertThat(rate.part()).isLessThanOrEqualTo(rate.whole());
					}
				}
			}
		}
	}
}
