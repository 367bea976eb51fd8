package org.guildhall.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.identity.Account;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.Role;
import org.guildhall.mentorships.CheckIns;
import org.guildhall.mentorships.Goal;
import org.guildhall.mentorships.Goals;
import org.guildhall.mentorships.Meeting;
import org.guildhall.mentorships.Meetings;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.mentorships.MentorshipSummary;
import org.guildhall.mentorships.SurveyKind;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.PairRule;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A running programme, "Engineering mentoring 2026", for the demo: about 25 pairs published from a
 * bulk match and then moved on through the mentorship API as the people themselves would: some still
 * invited, most active with agreements, goals, meetings (held ones with notes and check-ins, and
 * planned ones), a quiet pair, one completed, one ended early, one declined and a mentee's
 * self-select request waiting for its mentor. The demo mentee and mentor are paired and active.
 * Does nothing when a running programme already exists (other than the standing one for mentoring outside programmes).
 */
@Component
@ConditionalOnProperty(name = "guildhall.demo.enabled", havingValue = "true")
@Order(20)
class DemoMentoring implements ApplicationRunner {

	static final String NAME = "Engineering mentoring 2026";
	private static final Logger log = LoggerFactory.getLogger(DemoMentoring.class);

	private final DemoOrganisation demo;
	private final IdentityManagement identity;
	private final JdbcClient jdbc;
	private final ProgrammeManagement programmes;
	private final MatchingRuns runs;
	private final MentorshipManagement mentorships;
	private final Goals goals;
	private final Meetings meetings;
	private final CheckIns checkIns;
	private final Map<Long, CurrentUser> users = new HashMap<>();

	DemoMentoring(DemoOrganisation demo, IdentityManagement identity, JdbcClient jdbc, ProgrammeManagement programmes,
			MatchingRuns runs, MentorshipManagement mentorships, Goals goals, Meetings meetings, CheckIns checkIns) {
		this.demo = demo;
		this.identity = identity;
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.runs = runs;
		this.mentorships = mentorships;
		this.goals = goals;
		this.meetings = meetings;
		this.checkIns = checkIns;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		Organisation organisation = demo.organisation();
		if (organisation == null || organisation.manager() == null || organisation.mentor() == null || organisation.mentee() == null
				|| jdbc.sql("SELECT COUNT(*) FROM programme WHERE status = 'RUNNING' AND id <> ?").param(mentorships.directProgramme())
					.query(Long.class).single() > 0
				|| identity.accountOf(organisation.manager().email()).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		CurrentUser manager = user(organisation.manager().email());
		CurrentUser jing = user(organisation.mentor().email());
		CurrentUser hamza = user(organisation.mentee().email());

		Programme programme = programmes.create(new ProgrammeSettings(NAME,
				"Engineers learn from experienced colleagues in other departments, one to one, for twelve weeks.",
				ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2, MatchingMode.BOTH, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3", "crossDepartment", "1"), List.of(), false), manager);
		long id = programme.id();
		programmes.advance(id, "open-enrolment", manager);
		enrol(id, jing, hamza, manager);
		programmes.advance(id, "close-enrolment", manager);
		try {
			runs.decide(id, hamza.personId(), jing.personId(), PairRule.Kind.PIN, manager);
		}
		catch (RuntimeException e) {
			log.info("Demo mentoring: could not pin the demo pair ({})", e.getMessage());
		}
		MatchingRun run = runs.start(id, manager);
		for (int i = 0; i < 600 && runs.latest(id, manager).orElseThrow().state() == MatchingRun.State.RUNNING; i++) {
			Thread.sleep(100);
		}
		if (runs.latest(id, manager).orElseThrow().state() != MatchingRun.State.DONE) {
			log.warn("Demo mentoring: the bulk match did not finish; the programme stays in matching");
			return;
		}
		runs.publish(id, run.id(), manager);
		List<MentorshipSummary> pairs = mentorships.programmeHealth(id, manager, new PageRequest(0, 100), false).page().items();
		shape(pairs, jing, hamza, id);
		log.info("Demo mentoring: programme '{}' with {} pairs in {} ms", NAME, pairs.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/** Enrols the demo mentor and mentee, up to 14 more mentors (2 places each) and 24 more mentees. */
	private void enrol(long id, CurrentUser jing, CurrentUser hamza, CurrentUser manager) {
		programmes.enrol(id, new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of()), jing);
		programmes.enrol(id, new EnrolmentRequest(EnrolmentRole.MENTEE, "Lead my first project and give better code reviews", 0,
				List.of()), hamza);
		List<Map<String, Object>> volunteers = jdbc.sql("""
				SELECT email, mentoring_role FROM person WHERE mentoring_role <> 'NONE' AND active = TRUE AND id NOT IN (?, ?, ?)
				ORDER BY id""").params(jing.personId(), hamza.personId(), manager.personId() == null ? -1 : manager.personId())
			.query().listOfRows();
		int mentors = 0;
		int mentees = 0;
		for (Map<String, Object> volunteer : volunteers) {
			String role = (String) volunteer.get("mentoring_role");
			boolean mentor = !role.equals("MENTEE") && mentors < 14;
			boolean mentee = role.equals("MENTEE") && mentees < 24;
			if (mentor || mentee) {
				programmes.enrol(id, new EnrolmentRequest(mentor ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE,
						mentee ? "Grow as an engineer and learn how other teams work" : null, mentor ? 2 : 0, List.of()),
						user((String) volunteer.get("email")));
				mentors += mentor ? 1 : 0;
				mentees += mentee ? 1 : 0;
			}
		}
	}

	private void shape(List<MentorshipSummary> pairs, CurrentUser jing, CurrentUser hamza, long programmeId) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
		List<MentorshipSummary> others = new ArrayList<>();
		for (MentorshipSummary pair : pairs) {
			if (pair.menteeId() == hamza.personId() && pair.mentorId() == jing.personId()) {
				richPair(pair.id(), jing, hamza, now);
			}
			else {
				others.add(pair);
			}
		}
		Long declinedMentee = null;
		for (int i = 0; i < others.size(); i++) {
			MentorshipSummary pair = others.get(i);
			CurrentUser mentor = byPerson(pair.mentorId());
			CurrentUser mentee = byPerson(pair.menteeId());
			switch (i) {
				case 0, 1 -> {
					// still invited: nobody answered, or only the mentor
					if (i == 1) {
						mentorships.accept(pair.id(), mentor);
					}
				}
				case 2 -> {
					mentorships.decline(pair.id(), mentee, "I changed teams and cannot take part this term");
					declinedMentee = pair.menteeId();
				}
				case 3 -> {
					Mentorship m = start(pair.id(), mentor, mentee, 7);
					meetings.schedule(m.id(), mentor, new Meetings.Schedule(now.minus(Duration.ofDays(30)), 45, "Video call"));
					goals.add(m.id(), mentee, "Learn how our payments platform works", null);
				}
				case 4 -> {
					Mentorship m = start(pair.id(), mentor, mentee, 14);
					held(m.id(), mentor, mentee, now.minus(Duration.ofDays(40)), 4, 5);
					held(m.id(), mentor, mentee, now.minus(Duration.ofDays(12)), 5, 5);
					mentorships.complete(m.id(), mentee);
					checkIns.survey(m.id(), SurveyKind.FINAL, mentee, 5, "I know how to run a design review now");
					checkIns.survey(m.id(), SurveyKind.FINAL, mentor, 5, "A pleasure; keep going");
				}
				case 5 -> {
					start(pair.id(), mentor, mentee, 14);
					mentorships.endEarly(pair.id(), mentor, "I am moving to another company next month");
				}
				default -> {
					if (i % 3 == 0) {
						mentorships.accept(pair.id(), mentor);
						mentorships.accept(pair.id(), mentee);
					}
					else {
						Mentorship m = start(pair.id(), mentor, mentee, i % 2 == 0 ? 14 : 21);
						Goal goal = goals.add(m.id(), mentee, "Get better at " + (i % 2 == 0 ? "system design" : "public speaking"), null);
						goals.update(m.id(), goal.id(), mentee, goal.title(), null, 10 * (i % 7), goal.version());
						held(m.id(), mentor, mentee, now.minus(Duration.ofDays(3 + i % 9)), 2 + i % 4, 3 + i % 3);
						meetings.schedule(m.id(), mentee, new Meetings.Schedule(now.plus(Duration.ofDays(5 + i % 10)).plus(Duration.ofHours(i % 8)),
								45, i % 2 == 0 ? "Room Everest" : "https://meet.example.com/" + m.id()));
					}
				}
			}
		}
		if (declinedMentee != null) {
			selfSelectRequest(programmeId, declinedMentee, pairs);
		}
	}

	/** The demo mentee and mentor: agreement, two goals with milestones, two held meetings with notes and check-ins, one planned. */
	private void richPair(long id, CurrentUser jing, CurrentUser hamza, Instant now) {
		start(id, jing, hamza, 14);
		Goal lead = goals.add(id, hamza, "Lead my first project", "Take a small service from design to production as its lead.");
		lead = goals.addMilestone(id, lead.id(), hamza, "Write the design document", LocalDate.now().minusDays(10));
		lead = goals.addMilestone(id, lead.id(), hamza, "Run the kick-off meeting", LocalDate.now().plusDays(14));
		goals.markMilestone(id, lead.id(), lead.milestones().get(0).id(), hamza, true);
		lead = goals.goals(id, hamza).get(0);
		goals.update(id, lead.id(), hamza, lead.title(), lead.description(), 40, lead.version());
		Goal reviews = goals.add(id, hamza, "Give better code reviews", "Kind, specific, and fast.");
		goals.update(id, reviews.id(), hamza, reviews.title(), reviews.description(), 20, reviews.version());

		Meeting first = held(id, jing, hamza, now.minus(Duration.ofDays(20)), 4, 5);
		meetings.shareNotes(id, first.id(), jing, "Agreed on the first project: the notification service. Hamza drafts the design doc.", 0);
		meetings.writePrivateNote(id, first.id(), hamza, "Ask Jing how she handles disagreement in design reviews.");
		Meeting second = held(id, jing, hamza, now.minus(Duration.ofDays(6)), 5, 4);
		meetings.shareNotes(id, second.id(), hamza, "Design doc reviewed; next: plan the kick-off.", 0);
		meetings.writePrivateNote(id, second.id(), jing, "Hamza is ready to lead the kick-off; let him run it.");
		meetings.schedule(id, hamza, new Meetings.Schedule(now.plus(Duration.ofDays(8)).plus(Duration.ofHours(2)), 45, "Room Everest"));
	}

	private Mentorship start(long id, CurrentUser mentor, CurrentUser mentee, int cadence) {
		mentorships.accept(id, mentee);
		Mentorship m = mentorships.accept(id, mentor);
		m = mentorships.proposeAgreement(id, mentee, "Meet every " + cadence + " days; come with a question; honest feedback both ways.",
				cadence, m.agreement().version());
		return mentorships.confirmAgreement(id, mentor, m.agreement().version());
	}

	private Meeting held(long id, CurrentUser organiser, CurrentUser other, Instant at, int organiserRating, int otherRating) {
		Meeting meeting = meetings.schedule(id, organiser, new Meetings.Schedule(at, 45, "Video call"));
		checkIns.checkIn(id, meeting.id(), organiser, organiserRating, organiserRating >= 4 ? "Good session" : "We ran out of time");
		checkIns.checkIn(id, meeting.id(), other, otherRating, otherRating >= 4 ? "Very useful" : "OK");
		return meeting;
	}

	/** The mentee whose invitation was declined asks a mentor with a free place. */
	private void selfSelectRequest(long programmeId, long menteeId, List<MentorshipSummary> pairs) {
		for (MentorshipSummary pair : pairs) {
			if (pair.menteeId() == menteeId) {
				continue;
			}
			try {
				mentorships.request(programmeId, pair.mentorId(), byPerson(menteeId),
						"I would love to learn how you approach architecture decisions. Could you mentor me?");
				return;
			}
			catch (RuntimeException e) {
				log.debug("Demo request to {} refused: {}", pair.mentorId(), e.getMessage());
			}
		}
	}

	private CurrentUser byPerson(long personId) {
		return users.computeIfAbsent(personId, id -> user(jdbc.sql("SELECT email FROM person WHERE id = ?").param(id)
			.query(String.class).single()));
	}

	private CurrentUser user(String email) {
		Account account = identity.accountOf(email).orElseThrow();
		return new CurrentUser(account.id(), account.email(), account.displayName(), account.personId(),
				account.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
	}
}
