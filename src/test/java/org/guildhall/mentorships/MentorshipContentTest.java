package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guildhall.mentorships.CalendarFiles.event;
import static org.guildhall.mentorships.CalendarFiles.value;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MentorshipContentTest {

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	Goals goals;

	@Autowired
	Meetings meetings;

	@Autowired
	CheckIns checkIns;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	MentoringWorld w;
	Mentorship pair;

	@BeforeEach
	void world() {
		w = MentoringWorld.create(imports, identity, directory, programmes, 2);
		pair = w.activePair(mentorships);
	}

	@Test
	void theMenteeOwnsGoalsAndTheMentorOnlySeesThem() {
		Goal goal = goals.add(pair.id(), w.tom(), "Lead a project", "From kick-off to launch");
		Goal withMilestone = goals.addMilestone(pair.id(), goal.id(), w.tom(), "Write the plan", LocalDate.of(2027, 1, 15));
		Goal.Milestone milestone = withMilestone.milestones().get(0);
		assertThat(goals.markMilestone(pair.id(), goal.id(), milestone.id(), w.tom(), true).milestonesDone()).isEqualTo(1);
		Goal progressed = goals.update(pair.id(), goal.id(), w.tom(), "Lead a project", null, 40, withMilestone.version());
		assertThat(progressed.progress()).isEqualTo(40);

		assertThat(goals.goals(pair.id(), w.mia())).extracting(Goal::title, Goal::progress)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Lead a project", 40));
		assertThatThrownBy(() -> goals.add(pair.id(), w.mia(), "Mentor's goal", null)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> goals.update(pair.id(), goal.id(), w.mia(), "x", null, 100, progressed.version()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> goals.markMilestone(pair.id(), goal.id(), milestone.id(), w.mia(), false))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> goals.goals(pair.id(), w.cy())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> goals.goals(pair.id(), w.pm())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> goals.update(pair.id(), goal.id(), w.tom(), "Stale", null, 50, withMilestone.version()))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> goals.update(pair.id(), goal.id(), w.tom(), "Lead", null, 101, progressed.version()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("progress"));
		assertThatThrownBy(() -> goals.add(pair.id(), w.tom(), " ", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("title"));
		assertThat(goals.update(pair.id(), goal.id(), w.tom(), "Lead a project", null, 100, progressed.version()).achievedAt()).isNotNull();
	}

	@Test
	void aMeetingInvitationKeepsItsUidAcrossChangesAndCancellation() throws Exception {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		Meeting meeting = meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(start, 45, "https://meet.example.com/mia-tom"));
		assertThat(meeting.mentorLocal().getZone()).isEqualTo(ZoneId.of("America/New_York"));
		assertThat(meeting.menteeLocal().getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
		assertThat(meeting.mentorLocal().toInstant()).isEqualTo(start);
		assertThat(meeting.menteeLocal().toLocalTime()).isEqualTo(start.atZone(ZoneId.of("Asia/Tokyo")).toLocalTime());

		MeetingChanged scheduled = events.stream(MeetingChanged.class).findFirst().orElseThrow();
		assertThat(scheduled.change()).isEqualTo(MeetingChanged.Change.SCHEDULED);
		assertThat(scheduled.organiserId()).isEqualTo(w.mia().personId());
		assertThat(scheduled.attendeeId()).isEqualTo(w.tom().personId());
		VEvent invitation = event(scheduled.calendar(), "REQUEST");
		String uid = value(invitation, Property.UID);
		assertThat(value(invitation, Property.SEQUENCE)).isEqualTo("0");
		assertThat(value(invitation, Property.ORGANIZER)).isEqualToIgnoringCase("mailto:" + w.miaMember().email());
		assertThat(value(invitation, Property.ATTENDEE)).isEqualToIgnoringCase("mailto:" + w.tomMember().email());
		assertThat(value(invitation, Property.LOCATION)).isEqualTo("https://meet.example.com/mia-tom");
		assertThat(meetings.calendar(pair.id(), meeting.id(), w.tom())).contains("UID:" + uid);

		Meeting moved = meetings.reschedule(pair.id(), meeting.id(), w.tom(), new Meetings.Schedule(start.plus(Duration.ofDays(1)), 60, null), 0);
		assertThat(moved.sequence()).isEqualTo(1);
		VEvent update = event(events.stream(MeetingChanged.class).skip(1).findFirst().orElseThrow().calendar(), "REQUEST");
		assertThat(value(update, Property.UID)).isEqualTo(uid);
		assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
		assertThat(value(update, Property.ORGANIZER)).as("the organiser stays who scheduled it").containsIgnoringCase(w.miaMember().email());
		assertThatThrownBy(() -> meetings.reschedule(pair.id(), meeting.id(), w.mia(), new Meetings.Schedule(start, 30, null), 0))
			.isInstanceOf(ConflictException.class);

		meetings.cancel(pair.id(), meeting.id(), w.mia());
		MeetingChanged cancelled = events.stream(MeetingChanged.class).skip(2).findFirst().orElseThrow();
		assertThat(cancelled.change()).isEqualTo(MeetingChanged.Change.CANCELLED);
		VEvent cancellation = event(cancelled.calendar(), "CANCEL");
		assertThat(value(cancellation, Property.UID)).isEqualTo(uid);
		assertThat(value(cancellation, Property.SEQUENCE)).isEqualTo("2");
		assertThat(value(cancellation, Property.STATUS)).isEqualTo("CANCELLED");

		assertThatThrownBy(() -> meetings.calendar(pair.id(), meeting.id(), w.cy())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> meetings.schedule(pair.id(), w.tom(), new Meetings.Schedule(Instant.now().minus(Duration.ofDays(400)), 45, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("startsAt"));
		assertThatThrownBy(() -> meetings.schedule(pair.id(), w.tom(), new Meetings.Schedule(start, 2, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("minutes"));
	}

	@Test
	void privateNotesAreOnlyEverSeenByTheirAuthorAndSharedNotesAreNotOverwritten() {
		Meeting held = meetings.schedule(pair.id(), w.tom(), new Meetings.Schedule(Instant.now().minus(Duration.ofDays(2)), 45, "Room 4"));
		Meeting future = meetings.schedule(pair.id(), w.tom(), new Meetings.Schedule(Instant.now().plus(Duration.ofDays(2)), 45, "Room 4"));
		meetings.shareNotes(pair.id(), held.id(), w.tom(), "We agreed on a reading list", 0);
		assertThatThrownBy(() -> meetings.shareNotes(pair.id(), held.id(), w.mia(), "Mia's version", 0))
			.isInstanceOf(ConflictException.class).hasMessageContaining("Tom Sato changed the shared notes");
		meetings.writePrivateNote(pair.id(), held.id(), w.tom(), "Tom's secret worry");
		meetings.writePrivateNote(pair.id(), held.id(), w.mia(), "Mia's own reminder");
		assertThatThrownBy(() -> meetings.writePrivateNote(pair.id(), future.id(), w.tom(), "too early"))
			.isInstanceOf(ConflictException.class);

		MentorshipDetail asMia = mentorships.detail(pair.id(), w.mia());
		Meeting miaSees = asMia.meetings().stream().filter(m -> m.id() == held.id()).findFirst().orElseThrow();
		assertThat(miaSees.sharedNotes()).isEqualTo("We agreed on a reading list");
		assertThat(miaSees.myPrivateNote()).isEqualTo("Mia's own reminder");
		assertThat(asMia.toString()).doesNotContain("Tom's secret worry");
		assertThat(meetings.privateNote(pair.id(), held.id(), w.mia())).isEqualTo("Mia's own reminder");
		assertThat(meetings.privateNote(pair.id(), held.id(), w.tom())).isEqualTo("Tom's secret worry");
		assertThatThrownBy(() -> meetings.privateNote(pair.id(), held.id(), w.admin())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> mentorships.detail(pair.id(), w.pm())).isInstanceOf(NotFoundException.class);

		MentorshipManagement.ProgrammeHealth managerView = mentorships.programmeHealth(w.programmeId(), w.pm(), new PageRequest(0, 50), false);
		assertThat(managerView.page().items()).extracting(MentorshipSummary::id).containsExactly(pair.id());
		assertThat(managerView.toString()).doesNotContain("reading list", "secret", "reminder");
		assertThat(managerView.page().items().get(0).meetingsHeld()).isEqualTo(1);
		assertThat(managerView.page().items().get(0).meetingsPlanned()).isEqualTo(1);

		meetings.writePrivateNote(pair.id(), held.id(), w.tom(), "");
		assertThat(meetings.privateNote(pair.id(), held.id(), w.tom())).isNull();
	}

	@Test
	void eachSidesCheckInAnswerIsRevealedOnlyWhenBothHaveAnswered() {
		Meeting held = meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(Instant.now().minus(Duration.ofHours(3)), 60, null));
		Feedback tomFirst = checkIns.checkIn(pair.id(), held.id(), w.tom(), 4, "Useful, a bit rushed");
		assertThat(tomFirst.mine().rating()).isEqualTo(4);
		assertThat(tomFirst.theirs()).isNull();

		Feedback miaBefore = checkIns.checkInOf(pair.id(), held.id(), w.mia());
		assertThat(miaBefore.mine()).isNull();
		assertThat(miaBefore.theyAnswered()).isTrue();
		assertThat(miaBefore.theirs()).isNull();
		assertThat(mentorships.detail(pair.id(), w.mia()).toString()).doesNotContain("a bit rushed");

		Feedback miaAfter = checkIns.checkIn(pair.id(), held.id(), w.mia(), 5, "Great energy");
		assertThat(miaAfter.theirs().comment()).isEqualTo("Useful, a bit rushed");
		assertThat(checkIns.checkInOf(pair.id(), held.id(), w.tom()).theirs().comment()).isEqualTo("Great energy");
		assertThatThrownBy(() -> checkIns.checkIn(pair.id(), held.id(), w.tom(), 1, "changed my mind"))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> checkIns.checkIn(pair.id(), held.id(), w.tom(), 6, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("rating"));
		assertThatThrownBy(() -> checkIns.checkInOf(pair.id(), held.id(), w.cy())).isInstanceOf(NotFoundException.class);

		assertThatThrownBy(() -> checkIns.survey(pair.id(), SurveyKind.MIDPOINT, w.mia(), 3, "Too early"))
			.isInstanceOf(ConflictException.class).hasMessageStartingWith("The mid-point survey opens on ");
		jdbc.sql("UPDATE mentorship SET started_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(7L * pair.plannedWeeks() / 2 + 1))), pair.id())
			.update();
		checkIns.survey(pair.id(), SurveyKind.MIDPOINT, w.mia(), 3, "Halfway, steady");
		assertThat(checkIns.surveyOf(pair.id(), SurveyKind.MIDPOINT, w.tom()).theirs()).isNull();
		checkIns.survey(pair.id(), SurveyKind.MIDPOINT, w.tom(), 4, null);
		assertThat(checkIns.surveyOf(pair.id(), SurveyKind.MIDPOINT, w.tom()).theirs().comment()).isEqualTo("Halfway, steady");
	}

	@Test
	void aPairThatHasNotMetWithinItsCadenceIsQuietAndManagersSeeIt() {
		Mentorship agreed = mentorships.proposeAgreement(pair.id(), w.tom(), "Meet weekly", 7, 0);
		mentorships.confirmAgreement(pair.id(), w.mia(), agreed.agreement().version());
		meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(Instant.now().minus(Duration.ofDays(20)), 45, null));
		goals.add(pair.id(), w.tom(), "Speak at a meetup", null);

		Health health = mentorships.health(pair.id(), w.tom());
		assertThat(health.quiet()).isTrue();
		assertThat(health.quietReason()).isEqualTo("Last met 20 days ago; the cadence is every 7 days.");
		assertThat(health.parts()).extracting(Health.Part::name)
			.containsExactly("Meeting cadence", "Goal progress", "Check-ins and surveys");
		assertThat(health.parts().get(1).points()).isZero();
		assertThat(health.score()).isEqualTo(health.parts().stream().mapToInt(Health.Part::points).sum());

		MentorshipManagement.ProgrammeHealth quiet = mentorships.programmeHealth(w.programmeId(), w.pm(), new PageRequest(0, 10), true);
		assertThat(quiet.quiet()).isEqualTo(1);
		assertThat(quiet.page().items()).extracting(MentorshipSummary::id).containsExactly(pair.id());
		assertThat(mentorships.programmeHealth(w.programmeId(), w.admin(), new PageRequest(0, 10), false).page().items()).hasSize(1);
		assertThatThrownBy(() -> mentorships.programmeHealth(w.programmeId(), w.tom(), new PageRequest(0, 10), false))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> mentorships.programmeHealth(w.programmeId(), w.cy(), new PageRequest(0, 10), false))
			.isInstanceOf(AccessDeniedException.class);

		meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(Instant.now().minus(Duration.ofDays(1)), 45, null));
		assertThat(mentorships.health(pair.id(), w.mia()).quiet()).isFalse();
		assertThat(List.of(mentorships.health(pair.id(), w.mia()).score())).allMatch(s -> s >= 0 && s <= 100);
	}
}
