package org.guildhall.demo;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.guildhall.identity.IdentityManagement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A finished programme for the demo, "Mentoring cohort" of the year it ran: enrolment about 16
 * months ago, a published bulk match, pairs that started about 15 months ago and met every two or
 * three weeks for 24 weeks, with goals (some achieved), check-ins, mid-point and final surveys from
 * both people, most completed and some ended early; the programme is closed. Its people are the
 * {@link Cohort} that {@link OrganisationHistory} chose from the export of 18 months ago, so the
 * outcomes page can follow them through the dated HR history.
 *
 * <p>Written with SQL into the programmes' and mentorships' tables, in one transaction, because
 * their APIs date everything now and would notify people of invitations and meetings long past.
 * No event is published: the insights rebuild on first start (after this) and the expert finder's
 * recompute at start-up read these tables through their owners. Runs only on the start that seeded
 * the organisation with its history, after it and before the running programme.
 */
@Component
@ConditionalOnProperty(name = "guildhall.demo.enabled", havingValue = "true")
@Order(15)
class DemoFinishedProgramme implements ApplicationRunner {

	static final String NAME = "Mentoring cohort ";
	static final int WEEKS = 24;
	private static final Logger log = LoggerFactory.getLogger(DemoFinishedProgramme.class);
	private static final List<String> PLACES = List.of("Video call", "Video call", "Room Everest", "Room Kilimanjaro",
			"Coffee corner");
	private static final List<String> GOOD = List.of("Very useful, as always", "Good session", "Left with a clear next step",
			"We got a lot done");
	private static final List<String> SO_SO = List.of("We ran out of time", "OK", "A bit unfocused today");

	private final DemoOrganisation demo;
	private final IdentityManagement identity;
	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final TransactionTemplate transaction;
	private final long seed;

	DemoFinishedProgramme(DemoOrganisation demo, IdentityManagement identity, JdbcClient jdbc, JdbcTemplate batch,
			PlatformTransactionManager transactions, @Value("${guildhall.demo.seed:42}") long seed) {
		this.demo = demo;
		this.identity = identity;
		this.jdbc = jdbc;
		this.batch = batch;
		this.transaction = new TransactionTemplate(transactions);
		this.seed = seed;
	}

	/** The first day of the month the pairs started in: the latest one whose six-month mark is after the middle export. */
	static LocalDate startMonth(LocalDate today) {
		LocalDate sixMonthsBeforeMiddle = today.minusDays(OrganisationHistory.MIDDLE_DAYS).minusMonths(6);
		LocalDate first = sixMonthsBeforeMiddle.withDayOfMonth(1);
		return first.equals(sixMonthsBeforeMiddle) ? first : first.plusMonths(1);
	}

	@Override
	public void run(ApplicationArguments args) {
		OrganisationHistory.History history = demo.history();
		Organisation organisation = demo.organisation();
		if (history == null || history.cohort().pairs().isEmpty() || organisation == null || organisation.manager() == null) {
			return;
		}
		var manager = identity.accountOf(organisation.manager().email());
		if (manager.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String name = NAME + startMonth(today).getYear();
		if (jdbc.sql("SELECT COUNT(*) FROM programme WHERE name = ?").param(name).query(Long.class).single() > 0) {
			return;
		}
		Integer pairs = transaction.execute(tx -> new Writing(history.cohort(), name, manager.get().id(),
				organisation.manager().email(), today).write());
		log.info("Demo finished programme '{}': {} pairs in {} ms", name, pairs, (System.nanoTime() - started) / 1_000_000);
	}

	/** One writing of the programme; all its randomness comes from one stream, in a fixed order. */
	private final class Writing {

		private final Cohort cohort;
		private final String name;
		private final long ownerAccountId;
		private final String ownerEmail;
		private final LocalDate month;
		private final SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_C0_40L);
		private final Map<String, Long> people = new HashMap<>();

		Writing(Cohort cohort, String name, long ownerAccountId, String ownerEmail, LocalDate today) {
			this.cohort = cohort;
			this.name = name;
			this.ownerAccountId = ownerAccountId;
			this.ownerEmail = ownerEmail;
			this.month = startMonth(today);
		}

		int write() {
			List<String> emails = new ArrayList<>();
			cohort.mentees().forEach(m -> emails.add(m.email()));
			cohort.mentors().forEach(m -> emails.add(m.email()));
			jdbc.sql("SELECT id, email FROM person WHERE email IN (:emails)").param("emails", emails).query(rs -> {
				people.put(rs.getString(2), rs.getLong(1));
			});
			Instant opens = at(month.minusDays(49), 9);
			long programme = programme(opens);
			Map<String, Long> placedWith = new HashMap<>();
			Map<String, Integer> placesTaken = new HashMap<>();
			for (Cohort.Pair pair : cohort.pairs()) {
				if (pair.endedEarlyBecause() == null) {
					placedWith.put(pair.mentee().email(), id(pair.mentor()));
					placesTaken.merge(pair.mentor().email(), 1, Integer::sum);
				}
			}
			List<Object[]> enrolments = new ArrayList<>();
			for (Cohort.Member mentee : cohort.mentees()) {
				enrolments.add(new Object[] {programme, id(mentee), "MENTEE",
						truncate(mentee.goals().isEmpty() ? "Grow in my role and learn how other teams work" : mentee.goals().get(0), 1000),
						0, ts(opens.plus(random.nextInt(27 * 24), ChronoUnit.HOURS)), 0, placedWith.get(mentee.email())});
			}
			for (Cohort.Member mentor : cohort.mentors()) {
				enrolments.add(new Object[] {programme, id(mentor), "MENTOR", null, mentor.places(),
						ts(opens.plus(random.nextInt(27 * 24), ChronoUnit.HOURS)), placesTaken.getOrDefault(mentor.email(), 0), null});
			}
			batch.batchUpdate("""
					INSERT INTO enrolment (programme_id, person_id, role, goals, capacity, answers, status, created_at,
					  places_taken, placed_with)
					VALUES (?, ?, ?, ?, ?, '', 'ACTIVE', ?, ?, ?)""", enrolments);
			Instant published = at(month.minusDays(3), 14);
			long run = run(programme, published);
			for (Cohort.Pair pair : cohort.pairs()) {
				mentorship(programme, run, pair, published);
			}
			return cohort.pairs().size();
		}

		private long programme(Instant opens) {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO programme (name, purpose, format, status, enrolment_opens, enrolment_closes, duration_weeks,
					  default_capacity, matching_mode, objective, weights, questions, approval_required, owner_account_id, created_at)
					VALUES (?, ?, 'ONE_TO_ONE', 'CLOSED', ?, ?, ?, 2, 'BULK', 'OPTIMAL', 'crossDepartment=1;goals=2;skills=3', '',
					  FALSE, ?, ?)""")
				.params(name, "Our first company-wide cohort: colleagues learn from someone more experienced in another team, "
						+ "one to one, for " + WEEKS + " weeks.", java.sql.Date.valueOf(month.minusDays(49)),
						java.sql.Date.valueOf(month.minusDays(21)), WEEKS, ownerAccountId, ts(opens.minus(7, ChronoUnit.DAYS)))
				.update(key, "id");
			return key.getKeyAs(Number.class).longValue();
		}

		private long run(long programme, Instant published) {
			List<Cohort.Pair> pairs = cohort.pairs();
			double total = pairs.stream().mapToDouble(Cohort.Pair::score).sum();
			double min = pairs.stream().mapToDouble(Cohort.Pair::score).min().orElse(0);
			Instant startedAt = at(month.minusDays(17), 10);
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO matching_run (programme_id, status, objective, percent, mentees, mentors, matched, total_score,
					  mean_score, min_score, violations, proven, started_by, started_at, finished_at, published_at, published_by,
					  published_pairs)
					VALUES (?, 'DONE', 'OPTIMAL', 100, ?, ?, ?, ?, ?, ?, 0, TRUE, ?, ?, ?, ?, ?, ?)""")
				.params(programme, cohort.mentees().size(), cohort.mentors().size(), pairs.size(), total,
						pairs.isEmpty() ? null : total / pairs.size(), min, ownerEmail, ts(startedAt),
						ts(startedAt.plusSeconds(40)), ts(published), ownerEmail, pairs.size())
				.update(key, "id");
			long run = key.getKeyAs(Number.class).longValue();
			batch.batchUpdate("""
					INSERT INTO match_proposal (run_id, mentee_person_id, mentor_person_id, score, pinned, reasons)
					VALUES (?, ?, ?, ?, FALSE, ?)""", pairs.stream().map(p -> new Object[] {run, id(p.mentee()), id(p.mentor()),
							(double) p.score(), String.join("\n", p.reasons())}).toList());
			return run;
		}

		private void mentorship(long programme, long run, Cohort.Pair pair, Instant published) {
			long mentee = id(pair.mentee());
			long mentor = id(pair.mentor());
			boolean completed = pair.endedEarlyBecause() == null;
			Instant started = at(month.plusDays(random.nextInt(13)), 9 + random.nextInt(8));
			int cadence = random.nextInt(3) == 0 ? 21 : 14;
			Instant ended = completed ? started.plus(WEEKS * 7L - 5 + random.nextInt(9), ChronoUnit.DAYS)
					: started.plus(35 + random.nextInt(63), ChronoUnit.DAYS);
			long closedBy = pair.endedEarlyBecause() != null && pair.endedEarlyBecause().startsWith("I ") ? mentee
					: random.nextBoolean() ? mentee : mentor;
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO mentorship (programme_id, run_id, mentor_id, mentee_id, status, requested, mentor_accepted,
					  mentee_accepted, match_score, match_reasons, planned_weeks, created_at, started_at, ended_at, closed_by,
					  close_reason, expectations, cadence_days, mentor_agreed, mentee_agreed, agreement_version)
					VALUES (?, ?, ?, ?, ?, FALSE, TRUE, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, TRUE, 2)""")
				.params(programme, run, mentor, mentee, completed ? "COMPLETED" : "ENDED_EARLY", (double) pair.score(),
						String.join("\n", pair.reasons()), WEEKS, ts(published), ts(started), ts(ended), closedBy,
						pair.endedEarlyBecause(), "Meet every " + cadence
								+ " days; come with a question; honest feedback both ways.", cadence)
				.update(key, "id");
			long id = key.getKeyAs(Number.class).longValue();
			goals(id, pair, started, ended, completed);
			meetings(id, mentor, mentee, started, ended, cadence);
			surveys(id, mentor, mentee, started, ended, completed, closedBy);
		}

		private void goals(long mentorship, Cohort.Pair pair, Instant started, Instant ended, boolean completed) {
			List<String> texts = new ArrayList<>(pair.mentee().goals());
			if (texts.isEmpty()) {
				texts.add("Learn how other teams work");
			}
			int count = Math.min(texts.size(), 1 + random.nextInt(3));
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Instant created = started.plus(3 + random.nextInt(10), ChronoUnit.DAYS);
				boolean achieved = completed && random.nextInt(100) < 55;
				int progress = achieved ? 100 : completed ? 30 + 10 * random.nextInt(6) : 10 * random.nextInt(5);
				Instant achievedAt = achieved ? created.plus(28 + random.nextInt(
						(int) Math.max(1, ChronoUnit.DAYS.between(created, ended) - 28)), ChronoUnit.DAYS) : null;
				String text = texts.get(i);
				rows.add(new Object[] {mentorship, truncate(text, 200), text.length() > 200 ? truncate(text, 2000) : null, progress,
						ts(created), achievedAt == null ? null : ts(achievedAt)});
			}
			batch.batchUpdate("""
					INSERT INTO mentorship_goal (mentorship_id, title, description, progress, created_at, achieved_at)
					VALUES (?, ?, ?, ?, ?, ?)""", rows);
		}

		/** Every cadence, give or take two days, on a weekday during working hours; now and then one is missed, never two running. */
		private void meetings(long mentorship, long mentor, long mentee, Instant started, Instant ended, int cadence) {
			List<Object[]> rows = new ArrayList<>();
			List<String> uids = new ArrayList<>();
			boolean missedLast = false;
			for (Instant at = started.plus(2 + random.nextInt(6), ChronoUnit.DAYS); at.isBefore(ended.minus(1, ChronoUnit.DAYS));
					at = at.plus(cadence - 2 + random.nextInt(5), ChronoUnit.DAYS)) {
				missedLast = !missedLast && random.nextInt(10) == 0;
				if (missedLast) {
					continue;
				}
				Instant startsAt = weekday(at).truncatedTo(ChronoUnit.DAYS).plus(9 + random.nextInt(8), ChronoUnit.HOURS);
				String uid = new UUID(random.nextLong(), random.nextLong()) + "@guildhall";
				uids.add(uid);
				rows.add(new Object[] {mentorship, random.nextBoolean() ? mentor : mentee, ts(startsAt), 30 + 15 * random.nextInt(3),
						PLACES.get(random.nextInt(PLACES.size())), uid, ts(startsAt.minus(2 + random.nextInt(8), ChronoUnit.DAYS))});
			}
			batch.batchUpdate("""
					INSERT INTO meeting (mentorship_id, organiser_id, starts_at, minutes, place, uid, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
			List<Object[]> checkIns = new ArrayList<>();
			Map<String, Object[]> byUid = new HashMap<>();
			jdbc.sql("SELECT id, uid, starts_at FROM meeting WHERE mentorship_id = ?").param(mentorship).query(rs -> {
				byUid.put(rs.getString(2), new Object[] {rs.getLong(1), rs.getTimestamp(3).toInstant()});
			});
			for (String uid : uids) {
				Object[] meeting = byUid.get(uid);
				if (random.nextInt(4) == 0) {
					continue;
				}
				Instant after = (Instant) meeting[1];
				for (long author : new long[] {mentor, mentee}) {
					int rating = random.nextInt(100) < 85 ? 4 + random.nextInt(2) : 3;
					checkIns.add(new Object[] {mentorship, "meeting:" + meeting[0], author, rating,
							(rating >= 4 ? GOOD : SO_SO).get(random.nextInt(rating >= 4 ? GOOD.size() : SO_SO.size())),
							ts(after.plus(1 + random.nextInt(30), ChronoUnit.HOURS))});
				}
			}
			feedback(checkIns);
		}

		/**
		 * The mid-point survey from both once half the weeks had passed; the final one from both of a
		 * completed pair, and from whoever ended a pair early. Mostly 4 and 5, fewer 3, a few lower;
		 * lower overall for pairs that ended early.
		 */
		private void surveys(long mentorship, long mentor, long mentee, Instant started, Instant ended, boolean completed,
				long closedBy) {
			List<Object[]> rows = new ArrayList<>();
			Instant midpoint = started.plus(WEEKS * 7L / 2, ChronoUnit.DAYS);
			if (midpoint.isBefore(ended)) {
				for (long author : new long[] {mentor, mentee}) {
					int rating = rating(completed);
					rows.add(new Object[] {mentorship, "MIDPOINT", author, rating, comment(rating, false),
							ts(midpoint.plus(random.nextInt(6 * 24), ChronoUnit.HOURS))});
				}
			}
			for (long author : completed ? new long[] {mentor, mentee} : new long[] {closedBy}) {
				int rating = rating(completed);
				rows.add(new Object[] {mentorship, "FINAL", author, rating, comment(rating, true),
						ts(ended.minus(random.nextInt(4 * 24), ChronoUnit.HOURS))});
			}
			feedback(rows);
		}

		private int rating(boolean completed) {
			int roll = random.nextInt(100);
			if (completed) {
				return roll < 2 ? 1 : roll < 6 ? 2 : roll < 24 ? 3 : roll < 66 ? 4 : 5;
			}
			return roll < 8 ? 1 : roll < 28 ? 2 : roll < 63 ? 3 : roll < 90 ? 4 : 5;
		}

		private @Nullable String comment(int rating, boolean last) {
			if (random.nextInt(3) == 0) {
				return null;
			}
			if (rating >= 4) {
				return last ? "I would do it again; I have a much clearer idea of where I am going."
						: "Good momentum; we agreed on what to focus on next.";
			}
			return rating == 3 ? "Useful, but we struggled to find time." : "It did not work out as I had hoped.";
		}

		private void feedback(List<Object[]> rows) {
			batch.batchUpdate("""
					INSERT INTO mentorship_feedback (mentorship_id, subject, author_id, rating, comment, answered_at)
					VALUES (?, ?, ?, ?, ?, ?)""", rows);
		}

		private long id(Cohort.Member member) {
			Long id = people.get(member.email());
			if (id == null) {
				throw new IllegalStateException("The demo history did not import " + member.email());
			}
			return id;
		}

		private Instant at(LocalDate day, int hour) {
			return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
		}

		private Instant weekday(Instant at) {
			DayOfWeek day = at.atOffset(ZoneOffset.UTC).getDayOfWeek();
			return day == DayOfWeek.SATURDAY ? at.plus(2, ChronoUnit.DAYS) : day == DayOfWeek.SUNDAY ? at.plus(1, ChronoUnit.DAYS) : at;
		}
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
