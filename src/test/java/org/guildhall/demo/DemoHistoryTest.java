package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.guildhall.identity.Account;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.Role;
import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.Insights;
import org.guildhall.insights.Outcomes;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.mentorships.MentorshipFact;
import org.guildhall.mentorships.MentorshipFacts;
import org.guildhall.mentorships.MentorshipStatus;
import org.guildhall.people.PersonHistory;
import org.guildhall.people.PersonHistoryEntry;
import org.guildhall.shared.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * First start with the demo on (the same application as {@link DemoMentoringTest}, so it is seeded
 * once): the people have a dated history of three HR exports, and a finished programme with surveys,
 * so that the insights show outcomes and satisfaction.
 */
@SpringBootTest(properties = {"guildhall.demo.enabled=true", "guildhall.demo.people=400",
		"spring.datasource.url=jdbc:h2:mem:demo-mentoring;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DemoHistoryTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoOrganisation demo;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PersonHistory history;

	@Autowired
	MentorshipFacts mentorships;

	@Autowired
	Insights insights;

	@Test
	void peopleHaveAHistoryOfThreeExportsWithPromotionsMovesAndLeavers() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate earliest = today.minusDays(OrganisationHistory.EARLIER_DAYS);
		LocalDate middle = today.minusDays(OrganisationHistory.MIDDLE_DAYS);
		Map<Long, List<PersonHistoryEntry>> byPerson = new HashMap<>();
		Set<LocalDate> days = new TreeSet<>();
		for (PersonHistoryEntry e : history.after(0, PersonHistory.MAX_PAGE)) {
			byPerson.computeIfAbsent(e.personId(), k -> new ArrayList<>()).add(e);
			days.add(e.effectiveOn());
		}
		assertThat(days).containsExactly(earliest, middle, today);
		assertThat(byPerson).hasSize(448);

		int promotions = 0;
		int moves = 0;
		int leftThen = 0;
		for (List<PersonHistoryEntry> entries : byPerson.values()) {
			for (int i = 1; i < entries.size(); i++) {
				PersonHistoryEntry before = entries.get(i - 1);
				PersonHistoryEntry after = entries.get(i);
				promotions += after.level() > before.level() ? 1 : 0;
				moves += after.department().equals(before.department()) ? 0 : 1;
			}
			PersonHistoryEntry last = entries.get(entries.size() - 1);
			if (!last.active()) {
				assertThat(entries.get(0).active()).as("someone who left was active before").isTrue();
				assertThat(entries.get(0).effectiveOn()).isBefore(last.effectiveOn());
				leftThen += last.effectiveOn().equals(middle) ? 1 : 0;
			}
		}
		assertThat(promotions).isEqualTo(33 + 35);
		assertThat(moves).isEqualTo(16 + 18);
		assertThat(count("SELECT COUNT(*) FROM person WHERE active = FALSE")).isEqualTo(23 + 25);
		assertThat(leftThen).as("left between the first two exports").isEqualTo(23);
		assertThat(count("SELECT COUNT(*) FROM person WHERE active = TRUE")).isEqualTo(400);

		// one who left 9 months ago: active 18 months ago, inactive since and today, and without an account
		long leaver = byPerson.entrySet().stream().filter(e -> e.getValue().get(0).effectiveOn().equals(earliest)
				&& !e.getValue().get(e.getValue().size() - 1).active()
				&& e.getValue().get(e.getValue().size() - 1).effectiveOn().equals(middle))
			.mapToLong(Map.Entry::getKey).min().orElseThrow();
		assertThat(history.of(leaver)).extracting(PersonHistoryEntry::effectiveOn, PersonHistoryEntry::active)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(earliest, true), org.assertj.core.groups.Tuple.tuple(middle, false));
		Map<String, Object> person = jdbc.sql("SELECT email, active FROM person WHERE id = ?").param(leaver).query().singleRow();
		assertThat(person.get("active")).isEqualTo(false);
		assertThat(identity.accountOf((String) person.get("email"))).as("people who left cannot sign in").isEmpty();

		// the demo sign-ins were there 18 months ago as they are today, and still sign in
		Organisation organisation = demo.organisation();
		for (String signIn : List.of(organisation.chiefExecutive().email(), organisation.manager().email(),
				organisation.mentor().email(), organisation.mentee().email())) {
			long signedIn = jdbc.sql("SELECT id FROM person WHERE email = ? AND active = TRUE").param(signIn).query(Long.class)
				.single();
			assertThat(history.of(signedIn)).as(signIn).singleElement().satisfies(e -> assertThat(e.effectiveOn()).isEqualTo(earliest));
			assertThat(identity.accountOf(signIn)).as(signIn).isPresent();
		}
	}

	@Test
	void aFinishedProgrammeIsClosedWithCompletedPairsRatedByBothAndShowsOnTheInsights() {
		Map<String, Object> programme = jdbc.sql("SELECT id, name, status FROM programme WHERE name LIKE ?")
			.param(DemoFinishedProgramme.NAME + "%").query().singleRow();
		assertThat(programme.get("status")).isEqualTo("CLOSED");
		long id = ((Number) programme.get("id")).longValue();
		List<MentorshipFact> pairs = new ArrayList<>();
		mentorships.forEach(m -> {
			if (m.programmeId() == id) {
				pairs.add(m);
			}
		});
		assertThat(pairs).hasSize(Cohort.PAIRS);
		List<MentorshipFact> completed = pairs.stream().filter(m -> m.status() == MentorshipStatus.COMPLETED).toList();
		assertThat(completed).hasSize(31);
		assertThat(pairs).filteredOn(m -> m.status() == MentorshipStatus.ENDED_EARLY).hasSize(5)
			.allSatisfy(m -> assertThat(m.closeReason()).isNotBlank());
		Instant now = Instant.now();
		for (MentorshipFact pair : completed) {
			assertThat(pair.ratings()).as("pair %d", pair.id())
				.anyMatch(r -> r.kind() == MentorshipFact.FeedbackKind.FINAL && r.byMentor())
				.anyMatch(r -> r.kind() == MentorshipFact.FeedbackKind.FINAL && !r.byMentor())
				.anyMatch(r -> r.kind() == MentorshipFact.FeedbackKind.MIDPOINT && r.byMentor())
				.anyMatch(r -> r.kind() == MentorshipFact.FeedbackKind.MIDPOINT && !r.byMentor())
				.allMatch(r -> r.rating() >= 1 && r.rating() <= 5);
			assertThat(Duration.between(pair.startedAt(), now).toDays()).as("started about 15 months ago").isBetween(395L, 470L);
			assertThat(pair.endedAt()).isBefore(now.minus(Duration.ofDays(180)));
			List<Instant> meetings = pair.meetings();
			assertThat(meetings).hasSizeGreaterThanOrEqualTo(6).allMatch(m -> !m.isBefore(pair.startedAt()) && m.isBefore(pair.endedAt()));
			long days = Duration.between(meetings.get(0), meetings.get(meetings.size() - 1)).toDays();
			assertThat(days / (meetings.size() - 1)).as("days between meetings").isBetween(12L, 30L);
		}
		assertThat(completed.stream().mapToInt(MentorshipFact::goalsAchieved).sum()).isPositive();

		// what an administrator sees: the satisfaction distribution, and outcomes against comparison groups
		CurrentUser admin = user(demo.organisation().chiefExecutive().email());
		ProgrammeDashboard dashboard = insights.dashboard(InsightFilter.of(id, null, null, null, null), admin);
		assertThat(dashboard.satisfaction().distribution()).allMatch(c -> !c.suppressed());
		assertThat(dashboard.satisfaction().answers().value()).isGreaterThanOrEqualTo(2L * 31 * 2);
		assertThat(dashboard.satisfaction().distribution().get(3).value() + dashboard.satisfaction().distribution().get(4).value())
			.as("mostly 4 and 5").isGreaterThan(dashboard.satisfaction().answers().value() / 2);
		Outcomes outcomes = insights.outcomes(id, admin).orElseThrow();
		for (Outcomes.Side side : outcomes.sides()) {
			assertThat(side.comparison().value()).as(side.role()).isGreaterThanOrEqualTo(5L);
			assertThat(side.rows()).as(side.role()).allMatch(r -> !r.participants().suppressed() && !r.comparison().suppressed());
		}
		Outcomes.Side mentees = outcomes.sides().get(0);
		assertThat(mentees.role()).isEqualTo("mentees");
		assertThat(mentees.participants().value()).isEqualTo((long) Cohort.PAIRS);
		// demo data, not evidence: the history makes participants modestly likelier to stay and be promoted
		assertThat(row(mentees, "retained12").difference()).isPositive();
		assertThat(row(mentees, "promoted12").difference()).isPositive();
		Outcomes.Side mentors = outcomes.sides().get(1);
		assertThat(mentors.role()).isEqualTo("mentors");
		assertThat(row(mentors, "retained12").difference()).isNotNegative();
		assertThat(row(mentors, "promoted12").difference()).isNotNegative();
	}

	private static Outcomes.Row row(Outcomes.Side side, String outcome) {
		return side.rows().stream().filter(r -> r.outcome().equals(outcome)).findFirst().orElseThrow();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private CurrentUser user(String email) {
		Account account = identity.accountOf(email).orElseThrow();
		return new CurrentUser(account.id(), account.email(), account.displayName(), account.personId(),
				account.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
	}
}
