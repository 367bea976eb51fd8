package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.PageRequest;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Mentor places held by the programme: the last place goes to one mentee only, and places come back on decline. */
@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MentorPlacesConcurrencyTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MatchingRuns runs;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	ApplicationEvents events;

	@Test
	void twoMenteesAskingForTheLastPlaceAtTheSameMomentGiveOneMentorshipAndOne409() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 1);
		List<Member> mentees = List.of(w.tomMember(), w.diMember());
		List<String> tokens = mentees.stream().map(m -> "Bearer " + identity.issueToken(m.accountId(), "test", 1).secret()).toList();
		String body = "{\"programmeId\": " + w.programmeId() + ", \"mentorId\": " + w.mia().personId() + "}";

		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (String token : tokens) {
			answers.add(pool.submit(() -> {
				start.await();
				return mvc.perform(post("/api/v1/mentorships/requests").header("Authorization", token)
						.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		List<MentorshipSummary> mias = mentorships.mine(w.mia());
		assertThat(mias).hasSize(1);

		// the mentor declines: the place is free again, and the other mentee gets it
		MentorshipSummary first = mias.get(0);
		mentorships.decline(first.id(), w.mia(), "Not a fit");
		var other = first.menteeId() == w.tom().personId() ? w.di() : w.tom();
		assertThat(mentorships.request(w.programmeId(), w.mia().personId(), other, null).status()).isEqualTo(MentorshipStatus.REQUESTED);
		var same = first.menteeId() == w.tom().personId() ? w.tom() : w.di();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> mentorships.request(w.programmeId(), w.mia().personId(), same, null))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void publishingABulkRunInvitesEveryPairInTheSameTransaction() {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 1);
		Programme programme = programmes.create(new ProgrammeSettings("Bulk " + w.run(), null, ProgrammeFormat.ONE_TO_ONE, null, null,
				8, 2, MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL, java.util.Map.of("skills", "3"), List.of(), false), w.pm());
		programmes.advance(programme.id(), "open-enrolment", w.pm());
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of()), w.mia());
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Lead a team", 0, List.of()), w.tom());
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Sell better", 0, List.of()), w.di());
		programmes.advance(programme.id(), "close-enrolment", w.pm());
		MatchingRun run = runs.start(programme.id(), w.pm());
		Awaitility.await().atMost(Duration.ofSeconds(90))
			.until(() -> runs.latest(programme.id(), w.pm()).orElseThrow().state() != MatchingRun.State.RUNNING);
		assertThat(runs.latest(programme.id(), w.pm()).orElseThrow().matched()).as("pairs matched by the run").isEqualTo(2);
		runs.publish(programme.id(), run.id(), w.pm());

		assertThat(events.stream(MentorshipInvited.class).filter(i -> i.programmeId() == programme.id()))
			.extracting(MentorshipInvited::menteeId).containsExactlyInAnyOrder(w.tom().personId(), w.di().personId());
		var health = mentorships.programmeHealth(programme.id(), w.pm(), new PageRequest(0, 10), false);
		assertThat(health.byStatus().get(MentorshipStatus.INVITED)).isEqualTo(2);
		long toms = events.stream(MentorshipInvited.class).filter(i -> i.menteeId() == w.tom().personId() && i.programmeId() == programme.id())
			.findFirst().orElseThrow().mentorshipId();
		assertThat(mentorships.mentorship(toms, w.tom()).plannedWeeks()).isEqualTo(8);
		assertThat(mentorships.mentorship(toms, w.tom()).matchReasons()).isNotEmpty();
	}
}
