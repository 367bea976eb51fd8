package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Self-select: recommendations, and mentor places that hold when mentees ask at the same moment. */
@GuildhallTest
class MentorPlacesTest {

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MentorRecommendations recommendations;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	TestOrganisation org;
	CurrentUser pm;
	CurrentUser ann;
	CurrentUser bo;
	Programme programme;

	@BeforeEach
	void programmeWherePatMentorsOnePerson() {
		org = TestOrganisation.create(imports, identity, directory);
		pm = user(org.pm(), CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE);
		ann = user(org.ann(), CurrentUser.EMPLOYEE);
		bo = user(org.bo(), CurrentUser.EMPLOYEE);
		programme = programmes.create(new ProgrammeSettings("Choose your mentor " + org.run(), null, ProgrammeFormat.ONE_TO_ONE,
				null, null, 12, 3, MatchingMode.SELF_SELECT, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3", "goals", "3", "crossDepartment", "1"), List.of(),
				false), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 1, List.of()), pm);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.BOTH, "Learn to coach engineers", 1, List.of()), ann);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Get better at JavaScript", 0, List.of()), bo);
	}

	private static CurrentUser user(Member member, String... roles) {
		return new CurrentUser(member.accountId(), member.email(), member.email(), member.personId(), Set.of(roles));
	}

	@Test
	void twoMenteesAskingForTheLastPlaceAtOnceNeverBothGetIt() throws Exception {
		programmes.advance(programme.id(), "close-enrolment", pm);
		long pat = org.pm().personId();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 8; round++) {
				CountDownLatch ready = new CountDownLatch(2);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Long>> attempts = new ArrayList<>();
				for (long mentee : List.of(org.ann().personId(), org.bo().personId())) {
					attempts.add(pool.submit(() -> {
						ready.countDown();
						go.await();
						try {
							programmes.reserveMentorPlace(programme.id(), pat, mentee);
							return mentee;
						}
						catch (ConflictException e) {
							assertThat(e.getMessage()).contains("no free mentoring place");
							return null;
						}
					}));
				}
				ready.await();
				go.countDown();
				List<Long> winners = new ArrayList<>();
				for (Future<Long> attempt : attempts) {
					Long winner = attempt.get(30, TimeUnit.SECONDS);
					if (winner != null) {
						winners.add(winner);
					}
				}
				assertThat(winners).as("round %d", round).hasSize(1);
				assertThat(programmes.enrolmentOf(programme.id(), pat).orElseThrow().placesTaken()).isEqualTo(1);
				long loser = winners.get(0) == org.ann().personId() ? org.bo().personId() : org.ann().personId();
				assertThat(programmes.enrolmentOf(programme.id(), loser).orElseThrow().placed())
					.as("the mentee who lost keeps no half-taken place").isFalse();
				programmes.releaseMentorPlace(programme.id(), pat, winners.get(0));
				assertThat(programmes.enrolmentOf(programme.id(), pat).orElseThrow().placesTaken()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aMenteeHasOneMentorAndNeverOneFromTheirReportingLine() {
		programmes.advance(programme.id(), "close-enrolment", pm);
		assertThatThrownBy(() -> programmes.reserveMentorPlace(programme.id(), org.ann().personId(), org.bo().personId()))
			.isInstanceOf(ConflictException.class).hasMessageContaining("reporting line");
		programmes.reserveMentorPlace(programme.id(), org.pm().personId(), org.bo().personId());
		assertThatThrownBy(() -> programmes.reserveMentorPlace(programme.id(), org.pm().personId(), org.bo().personId()))
			.isInstanceOf(ConflictException.class).hasMessageContaining("already has a mentor");
		programmes.releaseMentorPlace(programme.id(), org.pm().personId(), org.bo().personId());
		programmes.releaseMentorPlace(programme.id(), org.pm().personId(), org.bo().personId());
		assertThat(programmes.enrolmentOf(programme.id(), org.pm().personId()).orElseThrow().placesTaken())
			.as("releasing twice gives back one place, not two").isZero();
	}

	@Test
	void menteesSeeRankedMentorsWithReasonsOutsideTheirReportingLine() {
		assertThatThrownBy(() -> recommendations.forMentee(programme.id(), bo)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("once enrolment has closed");
		programmes.advance(programme.id(), "close-enrolment", pm);

		List<Recommendation> forBo = recommendations.forMentee(programme.id(), bo);
		assertThat(forBo).extracting(Recommendation::mentorId).as("Ann is Bo's manager").containsExactly(org.pm().personId());
		assertThat(forBo.get(0).reasons()).isNotEmpty();
		assertThat(forBo.get(0).freePlaces()).isEqualTo(1);
		assertThat(recommendations.forMentee(programme.id(), ann)).extracting(Recommendation::mentorId)
			.as("nobody recommends yourself").containsExactly(org.pm().personId());

		programmes.reserveMentorPlace(programme.id(), org.pm().personId(), org.ann().personId());
		assertThat(recommendations.forMentee(programme.id(), bo)).as("Pat's only place is taken").isEmpty();
		assertThat(recommendations.forMentee(programme.id(), ann)).as("Ann has her mentor").isEmpty();
		assertThatThrownBy(() -> recommendations.forMentee(programme.id(), pm)).isInstanceOf(NotFoundException.class);
	}
}
