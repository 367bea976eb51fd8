package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.matching.engine.MatchingEngine;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.Sha256;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@GuildhallTest
@RecordApplicationEvents
class ProgrammesTest {

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

	@Autowired
	MatchingProblems problems;

	@Autowired
	JdbcClient jdbc;

	TestOrganisation org;
	CurrentUser pm;
	CurrentUser admin;
	CurrentUser ann;
	CurrentUser bo;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pm = user(org.pm(), CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE);
		admin = user(org.admin(), CurrentUser.ADMIN, CurrentUser.EMPLOYEE);
		ann = user(org.ann(), CurrentUser.EMPLOYEE);
		bo = user(org.bo(), CurrentUser.EMPLOYEE);
	}

	private static CurrentUser user(Member member, String... roles) {
		return new CurrentUser(member.accountId(), member.email(), member.email(), member.personId(), Set.of(roles));
	}

	private static ProgrammeSettings settings(String name) {
		return new ProgrammeSettings(name, "Grow engineering leads", ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2,
				MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3", "goals", "3", "crossDepartment", "1"), List.of("Why now?"), false);
	}

	private MatchingRun runToTheEnd(long programmeId) {
		return FinishedRuns.runToTheEnd(runs, programmeId, pm);
	}

	@Test
	void onlyProgrammeManagersCreateProgrammesAndDraftsStayWithThem() {
		assertThatThrownBy(() -> programmes.create(settings("Leads"), ann)).isInstanceOf(AccessDeniedException.class);
		Programme draft = programmes.create(settings("Leads"), pm);
		assertThat(draft.status()).isEqualTo(ProgrammeStatus.DRAFT);
		assertThatThrownBy(() -> programmes.programme(draft.id(), ann)).isInstanceOf(NotFoundException.class);
		assertThat(programmes.programmes(ann, new PageRequest(0, 100)).items()).extracting(Programme::id).doesNotContain(draft.id());
		assertThat(programmes.programme(draft.id(), admin).name()).isEqualTo("Leads");
		assertThatThrownBy(() -> programmes.advance(draft.id(), "open-enrolment", ann)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void invalidSettingsAndStepsAreRefusedWithClearMessages() {
		assertThatThrownBy(() -> programmes.create(new ProgrammeSettings("X", null, ProgrammeFormat.FLASH,
				java.time.LocalDate.of(2027, 2, 1), java.time.LocalDate.of(2027, 1, 1), 1, 1, MatchingMode.BULK,
				ProgrammeSettings.ObjectiveChoice.FAIR, Map.of("charm", "2", "skills", "eleven"), List.of(), false), pm))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field)
				.containsExactlyInAnyOrder("enrolmentCloses", "weights.charm", "weights.skills"));

		Programme draft = programmes.create(settings("Steps"), pm);
		assertThatThrownBy(() -> programmes.advance(draft.id(), "close", pm)).isInstanceOf(ConflictException.class)
			.hasMessage("The programme is a draft, so it cannot be closed now. Next step: open enrolment.");
		programmes.advance(draft.id(), "open-enrolment", pm);
		programmes.advance(draft.id(), "close-enrolment", pm);
		assertThatThrownBy(() -> programmes.advance(draft.id(), "start", pm)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("Run a bulk match");
	}

	@Test
	void enrolmentIsOncePerPersonAndOnlyWhileOpen() {
		Programme programme = programmes.create(settings("Enrol"), pm);
		EnrolmentRequest mentee = new EnrolmentRequest(EnrolmentRole.MENTEE, "Learn to lead", 0, List.of("Because"));
		assertThatThrownBy(() -> programmes.enrol(programme.id(), mentee, bo)).isInstanceOf(NotFoundException.class);
		programmes.advance(programme.id(), "open-enrolment", pm);
		assertThatThrownBy(() -> programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 0, List.of()), ann))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactly("capacity"));
		assertThat(programmes.enrol(programme.id(), mentee, bo).status()).isEqualTo(EnrolmentStatus.ACTIVE);
		assertThatThrownBy(() -> programmes.enrol(programme.id(), mentee, bo)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already enrolled");
		assertThatThrownBy(() -> programmes.enrolments(programme.id(), bo)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theManagersListShowsThoseWaitingForApprovalFirstThenTheNewestEnrolments() {
		ProgrammeSettings open = settings("Approvals " + org.run());
		Programme programme = programmes.create(new ProgrammeSettings(open.name(), open.purpose(), open.format(), null, null,
				open.durationWeeks(), open.defaultCapacity(), open.matchingMode(), open.objective(), open.weights(),
				open.questions(), true), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		Enrolment annJoins = programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of("")), ann);
		Enrolment boJoins = programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Lead", 0, List.of("")), bo);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Lead", 0, List.of("")), admin);
		programmes.decide(programme.id(), annJoins.id(), true, pm);
		programmes.decide(programme.id(), boJoins.id(), true, pm);

		assertThat(programmes.enrolments(programme.id(), pm, new PageRequest(0, 50)).items())
			.extracting(Enrolment::personId, Enrolment::status)
			.containsExactly(tuple(org.admin().personId(), EnrolmentStatus.PENDING_APPROVAL),
					tuple(org.bo().personId(), EnrolmentStatus.ACTIVE), tuple(org.ann().personId(), EnrolmentStatus.ACTIVE));
		assertThat(programmes.enrolments(programme.id(), pm, new PageRequest(1, 2)).items()).extracting(Enrolment::personId)
			.as("the second page goes on where the first stopped").containsExactly(org.ann().personId());
	}

	@Test
	void closingEnrolmentEmbedsTheProfilesInTheBackgroundSoTheRunDoesNotWait() {
		Programme programme = programmes.create(settings("Prepared " + org.run()), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of("")), ann);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE,
				"Run incident reviews without blame " + org.run(), 0, List.of("")), bo);
		programmes.advance(programme.id(), "close-enrolment", pm);

		List<String> hashes = MatchingEngine.texts(problems.bulk(programmes.find(programme.id()).orElseThrow(),
				programmes.activeEnrolments(programme.id()))).stream().filter(t -> !t.isBlank()).map(Sha256::hex).toList();
		assertThat(hashes).hasSize(2);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM text_embedding WHERE text_hash IN (:hashes)").param("hashes", hashes)
			.query(Long.class).single() == 2);
	}

	@Test
	void aBulkMatchNeverPairsSomeoneWithTheirManagerAndKeepsPinsAndBans() {
		Programme programme = programmes.create(settings("Leads " + org.run()), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of("")), ann);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 1, List.of("")), pm);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Get better at JavaScript and leading a team", 0, List.of("")), bo);
		assertThatThrownBy(() -> runs.start(programme.id(), pm)).isInstanceOf(ConflictException.class);
		programmes.advance(programme.id(), "close-enrolment", pm);
		assertThatThrownBy(() -> runs.start(programme.id(), ann)).isInstanceOf(AccessDeniedException.class);

		MatchingRun first = runToTheEnd(programme.id());
		assertThat(first.state()).isEqualTo(MatchingRun.State.DONE);
		assertThat(first.mentees()).isEqualTo(1);
		assertThat(first.mentors()).isEqualTo(2);
		assertThat(first.violations()).isZero();
		List<Proposal> proposals = runs.proposals(programme.id(), first.id(), pm);
		assertThat(proposals).singleElement().satisfies(p -> {
			assertThat(p.menteeId()).isEqualTo(org.bo().personId());
			assertThat(p.mentorId()).as("Ann is Bo's manager, so Pat mentors him").isEqualTo(org.pm().personId());
			assertThat(p.reasons()).isNotEmpty();
			assertThat(p.score()).isBetween(0.0, 100.0);
		});

		runs.decide(programme.id(), org.bo().personId(), org.pm().personId(), PairRule.Kind.FORBID, pm);
		MatchingRun second = runToTheEnd(programme.id());
		assertThat(second.state()).isEqualTo(MatchingRun.State.DONE);
		assertThat(second.matched()).as("the only other mentor is Bo's manager").isZero();

		runs.decide(programme.id(), org.bo().personId(), org.ann().personId(), PairRule.Kind.PIN, pm);
		MatchingRun third = runToTheEnd(programme.id());
		assertThat(third.state()).isEqualTo(MatchingRun.State.FAILED);
		assertThat(third.failure()).startsWith("The pins and bans cannot all hold");

		runs.forget(programme.id(), org.bo().personId(), org.ann().personId(), pm);
		runs.forget(programme.id(), org.bo().personId(), org.pm().personId(), pm);
		MatchingRun fourth = runToTheEnd(programme.id());
		assertThat(fourth.matched()).isEqualTo(1);
		assertThatThrownBy(() -> programmes.advance(programme.id(), "start", pm)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("publish");
		assertThatThrownBy(() -> runs.publish(programme.id(), fourth.id(), ann)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runs.publish(programme.id(), first.id(), pm)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("newer run");

		events.clear();
		MatchingRun published = runs.publish(programme.id(), fourth.id(), pm);
		assertThat(published.published()).isTrue();
		assertThat(published.publishedPairs()).isEqualTo(1);
		assertThat(programmes.programme(programme.id(), bo).status()).as("publishing starts the programme")
			.isEqualTo(ProgrammeStatus.RUNNING);
		assertThat(events.stream(ProposalsPublished.class)).singleElement().satisfies(e -> {
			assertThat(e.runId()).isEqualTo(fourth.id());
			assertThat(e.pairs()).extracting(ProposalsPublished.Pair::menteeId, ProposalsPublished.Pair::mentorId)
				.containsExactly(tuple(org.bo().personId(), org.pm().personId()));
		});
		assertThat(programmes.enrolmentOf(programme.id(), org.bo().personId()).orElseThrow().placedWith())
			.isEqualTo(org.pm().personId());
		assertThat(programmes.enrolmentOf(programme.id(), org.pm().personId()).orElseThrow().placesTaken()).isEqualTo(1);
		assertThatThrownBy(() -> runs.publish(programme.id(), fourth.id(), pm)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already published");

		MatchingRun afterwards = runToTheEnd(programme.id());
		assertThat(afterwards.mentees()).as("a mentee with a published mentor is not matched again").isZero();
	}
}
