package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.internal.NudgeJob;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class NudgeJobTest {

	@Autowired
	NudgeJob job;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	Meetings meetings;

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

	@Test
	void twoNodesRunningTheJobAtOnceSendEachNudgeOnceAndALaterRunSendsNothingNew() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 2);
		Mentorship pair = w.activePair(mentorships);
		Mentorship agreed = mentorships.proposeAgreement(pair.id(), w.tom(), "Meet often", 3, 0);
		mentorships.confirmAgreement(pair.id(), w.mia(), agreed.agreement().version());
		Meeting held = meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(Instant.now().minus(Duration.ofDays(1)), 30, null));
		Mentorship waiting = mentorships.request(w.programmeId(), w.mia().personId(), w.di(), "Please?");
		Set<Long> mine = Set.of(pair.id(), waiting.id());

		// five days on: the pair has not met for 6 days (cadence 3), its check-in is open, Di's request has waited 5 days
		Instant later = Instant.now().plus(Duration.ofDays(5));
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<NudgeDue>>> runs = new ArrayList<>();
		for (int node = 0; node < 2; node++) {
			runs.add(nodes.submit(() -> {
				start.await();
				return job.sendDue(later);
			}));
		}
		start.countDown();
		List<NudgeDue> sent = new ArrayList<>();
		for (Future<List<NudgeDue>> run : runs) {
			sent.addAll(run.get().stream().filter(n -> mine.contains(n.mentorshipId())).toList());
		}
		nodes.shutdown();

		assertThat(sent).extracting(NudgeDue::mentorshipId, NudgeDue::reason).containsExactlyInAnyOrder(
				tuple(pair.id(), NudgeDue.Reason.NOT_MET),
				tuple(pair.id(), NudgeDue.Reason.CHECK_IN_DUE),
				tuple(waiting.id(), NudgeDue.Reason.REQUEST_WAITING));
		NudgeDue request = sent.stream().filter(n -> n.reason() == NudgeDue.Reason.REQUEST_WAITING).findFirst().orElseThrow();
		assertThat(request.recipientIds()).containsExactly(w.mia().personId());
		NudgeDue checkIn = sent.stream().filter(n -> n.reason() == NudgeDue.Reason.CHECK_IN_DUE).findFirst().orElseThrow();
		assertThat(checkIn.recipientIds()).containsExactlyInAnyOrder(w.mia().personId(), w.tom().personId());

		assertThat(job.sendDue(later)).noneMatch(n -> mine.contains(n.mentorshipId()));
		assertThat(events.stream(NudgeDue.class).filter(n -> mine.contains(n.mentorshipId())))
			.as("published events, from both threads and the second run").hasSize(3);

		// weeks later without a meeting is a new period: one more NOT_MET, and the mid-point survey is due (12 weeks planned)
		List<NudgeDue> muchLater = job.sendDue(Instant.now().plus(Duration.ofDays(43))).stream()
			.filter(n -> n.mentorshipId() == pair.id()).toList();
		assertThat(muchLater).extracting(NudgeDue::reason)
			.containsExactlyInAnyOrder(NudgeDue.Reason.NOT_MET, NudgeDue.Reason.SURVEY_DUE);
		assertThat(events.stream(NudgeDue.class).filter(n -> n.mentorshipId() == pair.id())).hasSize(4);
		assertThat(held.id()).isPositive();
	}
}
