package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.guildhall.community.Admission;
import org.guildhall.community.Circle;
import org.guildhall.community.Circles;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewCircle;
import org.guildhall.community.NewKudos;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.Post;
import org.guildhall.community.QuestionBoard;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.CheckIns;
import org.guildhall.mentorships.Goal;
import org.guildhall.mentorships.Goals;
import org.guildhall.mentorships.Meetings;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.mentorships.SurveyKind;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.Characteristic;
import org.guildhall.people.Characteristics;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model that the events built, and the one a rebuild from the owning modules' APIs
 * builds, hold the same rows, after a seeded random mix of everything the model follows:
 * requests, acceptances, declines, endings, goals, meetings, surveys, kudos, accepted answers,
 * circles joined and left, and an HR import that promotes, moves and lets people go.
 */
@GuildhallTest
class RebuildEqualsIncrementalTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired ProgrammeManagement programmes;
	@Autowired MentorshipManagement mentorships;
	@Autowired Goals goals;
	@Autowired Meetings meetings;
	@Autowired CheckIns checkIns;
	@Autowired KudosBoard kudos;
	@Autowired QuestionBoard questions;
	@Autowired Circles circles;
	@Autowired Insights insights;
	@Autowired Characteristics characteristics;
	@Autowired JdbcTemplate jdbc;

	@Test
	void aRebuildGivesTheRowsTheEventsGave() {
		Instant start = Instant.now();
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes);
		Random random = new Random(7);
		List<CurrentUser> mentees = new ArrayList<>(w.engineering());
		mentees.addAll(w.sales());
		mentees.addAll(w.design());
		List<CurrentUser> everyone = new ArrayList<>(mentees);
		everyone.addAll(w.mentors());
		for (CurrentUser mentee : mentees) {
			CurrentUser mentor = w.mentors().get(random.nextInt(4));
			Mentorship m;
			try {
				m = mentorships.request(w.programmeId(), mentor.personId(), mentee, "Please?");
			}
			catch (RuntimeException full) {
				continue; // the mentor's places are taken: as in life
			}
			int fate = random.nextInt(6);
			if (fate == 0) {
				mentorships.decline(m.id(), mentor, "Not this quarter");
				continue;
			}
			if (fate == 1) {
				continue; // left waiting
			}
			mentorships.accept(m.id(), mentor);
			for (int g = random.nextInt(3); g > 0; g--) {
				Goal goal = goals.add(m.id(), mentee, "Goal " + g, null);
				if (random.nextBoolean()) {
					goals.update(m.id(), goal.id(), mentee, "Goal " + g, null, 100, goal.version());
				}
			}
			for (int k = random.nextInt(3); k > 0; k--) {
				meetings.schedule(m.id(), mentee, new Meetings.Schedule(Instant.now().minus(Duration.ofDays(7L * k + random.nextInt(5))), 45, null));
			}
			if (fate == 2) {
				mentorships.endEarly(m.id(), mentor, random.nextBoolean() ? "Not enough time" : "We were not a good fit");
			}
			else if (fate == 3) {
				mentorships.complete(m.id(), mentee);
				checkIns.survey(m.id(), SurveyKind.FINAL, mentee, 3 + random.nextInt(3), null);
				if (random.nextBoolean()) {
					checkIns.survey(m.id(), SurveyKind.FINAL, mentor, 2 + random.nextInt(4), null);
				}
			}
		}
		for (int i = 0; i < 12; i++) {
			CurrentUser giver = everyone.get(random.nextInt(everyone.size()));
			CurrentUser receiver = everyone.get(random.nextInt(everyone.size()));
			if (giver != receiver) {
				kudos.give(new NewKudos(receiver.personId(), "Java", "Thanks for the help " + i), giver);
			}
		}
		for (int i = 0; i < 3; i++) {
			CurrentUser asker = mentees.get(random.nextInt(mentees.size()));
			Post question = questions.ask(new NewQuestion("How do I get better at Java testing, part " + i + "?",
					"I keep writing tests that never fail and want to learn better habits.", List.of("Java")), asker);
			Post answer = questions.answer(question.id(), "Break the code on purpose and see which test notices.",
					w.mentors().get(random.nextInt(4)));
			questions.accept(question.id(), answer.id(), asker);
		}
		Circle circle = circles.create(new NewCircle("Java guild " + w.run(), "Weekly Java talks and code reviews together.", "Java",
				Admission.OPEN), w.mentors().get(0));
		for (CurrentUser person : mentees.subList(0, 6)) {
			circles.join(circle.id(), person);
		}
		circles.leave(circle.id(), mentees.get(2));
		// self-reported characteristics: on, answered with consent, changed, one withdrawal
		List<Characteristic> asked = characteristics.settings().characteristics().stream()
			.map(c -> new Characteristic(c.key(), c.name(), c.answers(), c.key().equals("gender") || c.key().equals("caring"))).toList();
		characteristics.configure(true, asked, w.admin());
		String[] genders = {"Woman", "Man", "Non-binary", Characteristic.PREFER_NOT_TO_SAY};
		for (CurrentUser person : everyone) {
			if (random.nextInt(4) > 0) {
				characteristics.answer(person.personId(), true, Map.of("gender", genders[random.nextInt(4)],
						"caring", random.nextBoolean() ? "Yes" : ""), person);
			}
		}
		characteristics.answer(mentees.get(0).personId(), true, Map.of("gender", "Man", "caring", "No"), mentees.get(0));
		characteristics.withdraw(mentees.get(1).personId(), mentees.get(1));
		// an HR import a month on: one promoted, one moved, one let go
		reimport(w);

		Map<String, List<String>> incremental;
		Map<String, List<String>> rebuilt;
		try {
			incremental = settledRows(w, start);
			// the rebuild writes only what differs from the owners' facts: rows missing, wrong and that nobody has must all be put right
			jdbc.update("DELETE FROM insight_characteristic");
			long someone = w.mentors().get(0).personId();
			long other = mentees.get(3).personId();
			jdbc.update("DELETE FROM insight_person WHERE person_id = ?", other);
			jdbc.update("UPDATE insight_person SET department = 'Nowhere', level = NULL WHERE person_id = ?", someone);
			jdbc.update("DELETE FROM insight_skill WHERE person_id = ?", someone);
			jdbc.update("UPDATE insight_link SET kind = 'KUDOS', linked_at = ? WHERE source = (SELECT MIN(source) FROM insight_link WHERE learner_id = ?)",
					Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")), other);
			jdbc.update("INSERT INTO insight_link (source, kind, learner_id, teacher_id, linked_at) VALUES ('kudos:-1', 'KUDOS', ?, ?, ?)",
					other, someone, Timestamp.from(Instant.now()));
			Long firstPair = jdbc.queryForObject("SELECT MIN(mentorship_id) FROM insight_pair WHERE programme_id = ?", Long.class,
					w.programmeId());
			jdbc.update("UPDATE insight_pair SET status = 'CANCELLED', match_score = 0.5 WHERE mentorship_id = ?", firstPair);
			jdbc.update("INSERT INTO insight_meeting (mentorship_id, position, starts_at) VALUES (?, 999, ?)", firstPair,
					Timestamp.from(Instant.now()));
			jdbc.update("UPDATE insight_enrolment SET status = 'WITHDRAWN' WHERE programme_id = ? AND person_id = ?", w.programmeId(), other);
			insights.rebuild(w.admin());
			rebuilt = rows(w);
		}
		finally {
			characteristics.configure(false, characteristics.settings().characteristics(), w.admin());
		}
		assertThat(incremental.get("insight_characteristic")).as("and answers").hasSizeGreaterThan(5);
		assertThat(incremental.get("insight_pair")).as("the mix made pairs").hasSizeGreaterThan(5);
		assertThat(incremental.get("insight_link")).as("and community links").hasSizeGreaterThan(10);
		assertThat(incremental.get("insight_person_history")).as("and history").hasSizeGreaterThan(incremental.get("insight_person").size());
		rebuilt.forEach((table, list) -> assertThat(list).as(table).containsExactlyElementsOf(incremental.get(table)));
	}

	private void reimport(InsightsWorld w) {
		List<String[]> rows = jdbc.query("""
				SELECT employee_id, email, full_name, department, location, level FROM person WHERE email LIKE ? ORDER BY employee_id""",
				(rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6)}, "%-" + w.run() + "@example.com");
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,department,location,level\n");
		int i = 0;
		for (String[] r : rows) {
			if (i == 1) {
				i++;
				continue; // not in the file: deactivated
			}
			String department = i == 2 ? "Sales" : r[3];
			String level = i == 3 ? Integer.toString(Integer.parseInt(r[5]) + 1) : r[5];
			csv.append(String.join(",", r[0], r[1], r[2], department, r[4], level)).append('\n');
			i++;
		}
		HrImportStatus preview = imports.uploadAndPreview("again.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id(), LocalDate.now());
	}

	/** The model's rows about this world, once the insights listeners have no publication left open. */
	private Map<String, List<String>> settledRows(InsightsWorld w, Instant since) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject("""
				SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE '%insights%'
				  AND publication_date >= ?""", Integer.class, Timestamp.from(since)) == 0);
		return rows(w);
	}

	private Map<String, List<String>> rows(InsightsWorld w) {
		String people = "(SELECT id FROM person WHERE email LIKE '%-" + w.run() + "@example.com')";
		String pairs = "(SELECT mentorship_id FROM insight_pair WHERE programme_id = " + w.programmeId() + ")";
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("insight_person", "SELECT * FROM insight_person WHERE person_id IN " + people + " ORDER BY person_id");
		queries.put("insight_person_history", "SELECT * FROM insight_person_history WHERE person_id IN " + people + " ORDER BY sequence");
		queries.put("insight_skill", "SELECT * FROM insight_skill WHERE person_id IN " + people + " ORDER BY person_id, skill_id");
		queries.put("insight_programme", "SELECT * FROM insight_programme WHERE programme_id = " + w.programmeId());
		queries.put("insight_enrolment", "SELECT * FROM insight_enrolment WHERE programme_id = " + w.programmeId() + " ORDER BY person_id");
		queries.put("insight_pair", "SELECT * FROM insight_pair WHERE programme_id = " + w.programmeId() + " ORDER BY mentorship_id");
		queries.put("insight_meeting", "SELECT * FROM insight_meeting WHERE mentorship_id IN " + pairs + " ORDER BY mentorship_id, position");
		queries.put("insight_rating", "SELECT * FROM insight_rating WHERE mentorship_id IN " + pairs + " ORDER BY mentorship_id, position");
		queries.put("insight_characteristic", "SELECT * FROM insight_characteristic WHERE person_id IN " + people
				+ " ORDER BY person_id, characteristic_key");
		queries.put("insight_link", "SELECT * FROM insight_link WHERE learner_id IN " + people + " OR teacher_id IN " + people
				+ " ORDER BY source, learner_id, teacher_id");
		Map<String, List<String>> rows = new LinkedHashMap<>();
		queries.forEach((table, sql) -> rows.put(table, jdbc.queryForList(sql).stream()
			.map(row -> row.values().stream().map(RebuildEqualsIncrementalTest::text).collect(Collectors.joining("|"))).toList()));
		return rows;
	}

	/** Instants compared as instants (H2 keeps the offset a value was written with, PostgreSQL answers in UTC). */
	private static String text(Object value) {
		if (value instanceof java.time.OffsetDateTime t) {
			return t.toInstant().toString();
		}
		if (value instanceof Timestamp t) {
			return t.toInstant().toString();
		}
		return String.valueOf(value);
	}
}
