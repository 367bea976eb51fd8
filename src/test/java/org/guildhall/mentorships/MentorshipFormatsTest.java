package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guildhall.mentorships.CalendarFiles.attendees;
import static org.guildhall.mentorships.CalendarFiles.event;
import static org.guildhall.mentorships.CalendarFiles.value;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.internal.HealthScore;
import org.guildhall.mentorships.internal.NudgeJob;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Group and flash mentorships behave as their names say; one-to-one ones stay as they were. */
@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MentorshipFormatsTest {

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	Meetings meetings;

	@Autowired
	CheckIns checkIns;

	@Autowired
	NudgeJob job;

	@Autowired
	HealthScore healthScore;

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

	private MentoringWorld world(ProgrammeFormat format) {
		return MentoringWorld.create(imports, identity, directory, programmes, 3, format);
	}

	@Test
	void aGroupMeetingIsOneCalendarEventForEveryMenteeAndCountsForEachPair() throws Exception {
		MentoringWorld w = world(ProgrammeFormat.GROUP);
		Mentorship tom = w.activePair(mentorships);
		Mentorship di = w.secondPair(mentorships);

		assertThat(mentorships.detail(tom.id(), w.tom()).group()).containsExactly("Di Evans");
		assertThat(mentorships.detail(di.id(), w.di()).group()).containsExactly("Tom Sato");
		assertThat(mentorships.detail(tom.id(), w.mia()).group()).containsExactly("Di Evans");
		assertThatThrownBy(() -> meetings.scheduleForGroup(tom.id(), w.tom(),
				new Meetings.Schedule(Instant.now().plus(Duration.ofDays(2)), 60, null)))
			.isInstanceOf(ConflictException.class).hasMessageContaining("Only the mentor, Mia Stone");

		Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
		Meeting held = meetings.scheduleForGroup(tom.id(), w.mia(), new Meetings.Schedule(start, 60, "Room 4"));
		assertThat(held.forGroup()).isTrue();

		VEvent event = event(meetings.calendar(tom.id(), held.id(), w.tom()), "REQUEST");
		assertThat(attendees(event)).containsExactlyInAnyOrder("mailto:" + w.tomMember().email(), "mailto:" + w.diMember().email());
		assertThat(event.<Property>getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:" + w.miaMember().email());
		Meeting disRow = mentorships.detail(di.id(), w.di()).meetings().get(0);
		assertThat(disRow.uid()).isEqualTo(held.uid());
		assertThat(value(event(meetings.calendar(di.id(), disRow.id(), w.di()), "REQUEST"), Property.UID)).isEqualTo(held.uid());
		assertThat(events.stream(MeetingChanged.class).filter(e -> e.meetingId() == held.id() || e.meetingId() == disRow.id()))
			.extracting(MeetingChanged::attendeeId).containsExactlyInAnyOrder(w.tom().personId(), w.di().personId());

		// each pair's health counts the group meeting
		for (Mentorship pair : List.of(tom, di)) {
			MentorshipSummary summary = mentorships.programmeHealth(w.programmeId(), w.pm(), new org.guildhall.shared.PageRequest(0, 50), false)
				.page().items().stream().filter(s -> s.id() == pair.id()).findFirst().orElseThrow();
			assertThat(summary.meetingsHeld()).isEqualTo(1);
		}

		// private notes and check-ins stay each pair's own
		meetings.writePrivateNote(tom.id(), held.id(), w.tom(), "Tom's worry");
		meetings.writePrivateNote(tom.id(), held.id(), w.mia(), "Mia about Tom");
		checkIns.checkIn(tom.id(), held.id(), w.tom(), 4, "Useful");
		assertThat(meetings.privateNote(di.id(), disRow.id(), w.di())).isNull();
		assertThat(mentorships.detail(di.id(), w.di()).meetings().get(0).checkIn().theyAnswered()).isFalse();
		assertThat(mentorships.detail(di.id(), w.mia()).meetings().get(0).myPrivateNote()).isNull();

		// nobody outside the pair reaches it: not Di through Tom's mentorship, not Cy, not a mentee of another group
		MentoringWorld other = world(ProgrammeFormat.GROUP);
		other.activePair(mentorships);
		assertThatThrownBy(() -> meetings.calendar(tom.id(), held.id(), w.di())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> meetings.calendar(di.id(), held.id(), w.di())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> meetings.calendar(tom.id(), held.id(), w.cy())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> mentorships.detail(tom.id(), other.tom())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> meetings.privateNote(tom.id(), held.id(), other.tom())).isInstanceOf(NotFoundException.class);

		// moving the group meeting moves it for everyone, with the same UID and a higher SEQUENCE
		Meeting next = meetings.scheduleForGroup(di.id(), w.mia(), new Meetings.Schedule(Instant.now().plus(Duration.ofDays(7)), 45, null));
		assertThatThrownBy(() -> meetings.cancel(di.id(), next.id(), w.di())).isInstanceOf(ConflictException.class);
		Meeting moved = meetings.reschedule(di.id(), next.id(), w.mia(),
				new Meetings.Schedule(Instant.now().plus(Duration.ofDays(8)), 45, null), next.sequence());
		Meeting tomsNext = meetings.meeting(tom.id(), mentorships.detail(tom.id(), w.tom()).meetings().get(1).id(), w.tom());
		assertThat(tomsNext.uid()).isEqualTo(next.uid());
		assertThat(tomsNext.sequence()).isEqualTo(1);
		assertThat(tomsNext.startsAt()).isEqualTo(moved.startsAt());
		meetings.cancel(di.id(), next.id(), w.mia());
		VEvent cancelled = event(meetings.calendar(tom.id(), tomsNext.id(), w.tom()), "CANCEL");
		assertThat(value(cancelled, Property.UID)).isEqualTo(next.uid());
		assertThat(attendees(cancelled)).hasSize(2);

		// a mentee who ends early leaves the group: not shown, not invited to later group meetings
		mentorships.endEarly(di.id(), w.di(), "I changed teams");
		assertThat(mentorships.detail(tom.id(), w.tom()).group()).isEmpty();
		Meeting later = meetings.scheduleForGroup(tom.id(), w.mia(),
				new Meetings.Schedule(Instant.now().plus(Duration.ofDays(9)), 30, null));
		assertThat(attendees(event(meetings.calendar(tom.id(), later.id(), w.tom()), "REQUEST")))
			.containsExactly("mailto:" + w.tomMember().email());
	}

	@Test
	void aOneToOneProgrammeHasNoGroupMeetings() {
		MentoringWorld w = world(ProgrammeFormat.ONE_TO_ONE);
		Mentorship pair = w.activePair(mentorships);
		assertThat(mentorships.detail(pair.id(), w.tom()).group()).isEmpty();
		assertThatThrownBy(() -> meetings.scheduleForGroup(pair.id(), w.mia(),
				new Meetings.Schedule(Instant.now().plus(Duration.ofDays(2)), 60, null)))
			.isInstanceOf(ConflictException.class).hasMessageContaining("Group meetings are for group programmes");
	}

	@Test
	void aFlashMentorshipIsOneSessionThatCompletesWhenBothHaveCheckedIn() {
		MentoringWorld w = world(ProgrammeFormat.FLASH);
		Mentorship pair = w.activePair(mentorships);
		MentorshipDetail before = mentorships.detail(pair.id(), w.tom());
		assertThat(before.surveys()).as("the check-in after the session is the final survey").isEmpty();
		assertThatThrownBy(() -> checkIns.survey(pair.id(), SurveyKind.MIDPOINT, w.tom(), 5, null))
			.isInstanceOf(ConflictException.class).hasMessageContaining("the check-in after the session is its final survey");

		Meeting session = meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(Instant.now().minus(Duration.ofHours(1)), 30, null));
		checkIns.checkIn(pair.id(), session.id(), w.tom(), 5, "Exactly what I needed");
		assertThat(mentorships.mentorship(pair.id(), w.tom()).status()).isEqualTo(MentorshipStatus.ACTIVE);
		checkIns.checkIn(pair.id(), session.id(), w.mia(), 4, null);

		Mentorship done = mentorships.mentorship(pair.id(), w.tom());
		assertThat(done.status()).isEqualTo(MentorshipStatus.COMPLETED);
		assertThat(done.closeReason()).isEqualTo("Completed by itself after the flash session.");
		assertThat(events.stream(MentorshipEnded.class).filter(e -> e.mentorshipId() == pair.id()))
			.singleElement().satisfies(e -> {
				assertThat(e.completed()).isTrue();
				assertThat(e.finalSurvey()).as("nobody is asked for a final survey after a flash session").isFalse();
			});
	}

	@Test
	void aFlashMentorshipCompletesByItselfDaysAfterTheSessionAndIsNeverQuietForLackingACadence() {
		MentoringWorld w = world(ProgrammeFormat.FLASH);
		Mentorship held = w.activePair(mentorships);
		Mentorship unplanned = w.secondPair(mentorships);
		meetings.schedule(held.id(), w.tom(), new Meetings.Schedule(Instant.now().minus(Duration.ofHours(1)), 30, null));

		assertThat(job.completeFlashSessions(Instant.now())).doesNotContain(held.id(), unplanned.id());
		assertThat(job.completeFlashSessions(Instant.now().plus(Duration.ofDays(4)))).contains(held.id()).doesNotContain(unplanned.id());
		assertThat(mentorships.mentorship(held.id(), w.mia()).status()).isEqualTo(MentorshipStatus.COMPLETED);

		// no agreement, no cadence: not quiet while the session is new; weeks later without one, a reminder to hold it
		assertThat(mentorships.health(unplanned.id(), w.di())).as("no score before the session happened, and not quiet").isNull();
		assertThat(healthScore.score(new HealthScore.Facts(MentorshipStatus.ACTIVE, Instant.now(), null, null, 0, 0, 0, null, 0, 0,
				true, 0), Instant.now()).parts().get(0).explanation()).doesNotContain("cadence");
		List<NudgeDue> weeksLater = job.sendDue(Instant.now().plus(Duration.ofDays(40))).stream()
			.filter(n -> n.mentorshipId() == unplanned.id()).toList();
		assertThat(weeksLater).extracting(NudgeDue::reason).containsExactly(NudgeDue.Reason.NOT_MET);
		assertThat(weeksLater.get(0).detail()).isEqualTo("No flash session held or planned in the 40 days since starting.");

		Instant started = Instant.now().minus(Duration.ofDays(40));
		HealthScore.Facts planned = new HealthScore.Facts(MentorshipStatus.ACTIVE, started, null, null, 0, 0, 0, null, 0, 0, true, 1);
		assertThat(healthScore.quietReason(planned, Instant.now(), healthScore.cadenceOrDefault(null))).isNull();
		assertThat(healthScore.score(planned, Instant.now()).parts().get(0).points()).isEqualTo(HealthScore.CADENCE_POINTS);
		HealthScore.Facts cadenced = new HealthScore.Facts(MentorshipStatus.ACTIVE, started, null, null, 0, 0, 0, null, 0, 0);
		assertThat(healthScore.quietReason(cadenced, Instant.now(), 14)).as("a one-to-one pair that never met is quiet").isNotNull();
	}
}
