package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProposalsPublished;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MentorshipLifecycleTest {

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEvents events;

	MentoringWorld w;

	@BeforeEach
	void world() {
		w = MentoringWorld.create(imports, identity, directory, programmes, 2);
	}

	@Test
	void aRequestNeedsOnlyTheMentorAndTheAgreementNeedsBothConfirmations() {
		Mentorship requested = mentorships.request(w.programmeId(), w.mia().personId(), w.tom(), "Could you help me lead?");
		assertThat(requested.status()).isEqualTo(MentorshipStatus.REQUESTED);
		assertThat(events.stream(MentorshipInvited.class)).containsExactly(
				new MentorshipInvited(requested.id(), w.programmeId(), w.mia().personId(), w.tom().personId(), true));

		assertThatThrownBy(() -> mentorships.accept(requested.id(), w.tom())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("only Mia Stone can accept");
		assertThatThrownBy(() -> mentorships.accept(requested.id(), w.cy())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> mentorships.mentorship(requested.id(), w.pm())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> mentorships.complete(requested.id(), w.mia())).isInstanceOf(ConflictException.class)
			.hasMessage("This mentorship is requested; only an active mentorship can be completed.");

		Mentorship active = mentorships.accept(requested.id(), w.mia());
		assertThat(active.status()).isEqualTo(MentorshipStatus.ACTIVE);
		assertThat(active.startedAt()).isNotNull();
		assertThat(events.stream(MentorshipStarted.class)).hasSize(1);
		assertThatThrownBy(() -> mentorships.accept(requested.id(), w.mia())).isInstanceOf(ConflictException.class)
			.hasMessage("This mentorship is active; there is nothing to accept.");

		Mentorship proposed = mentorships.proposeAgreement(active.id(), w.tom(), "Honest feedback, prepared agendas", 14, 0);
		assertThat(proposed.agreement().menteeConfirmed()).isTrue();
		assertThat(proposed.agreement().mentorConfirmed()).isFalse();
		assertThat(proposed.agreement().agreed()).isFalse();
		Mentorship agreed = mentorships.confirmAgreement(active.id(), w.mia(), proposed.agreement().version());
		assertThat(agreed.agreement().agreed()).isTrue();

		// Mia changes it: Tom must confirm again, and his old copy no longer counts
		Mentorship changed = mentorships.proposeAgreement(active.id(), w.mia(), "Honest feedback", 7, agreed.agreement().version());
		assertThat(changed.agreement().agreed()).isFalse();
		assertThat(changed.agreement().menteeConfirmed()).isFalse();
		assertThatThrownBy(() -> mentorships.confirmAgreement(active.id(), w.tom(), agreed.agreement().version()))
			.isInstanceOf(ConflictException.class).hasMessageContaining("changed since you read it");
		assertThatThrownBy(() -> mentorships.proposeAgreement(active.id(), w.tom(), "Mine", 10, agreed.agreement().version()))
			.isInstanceOf(ConflictException.class);
		assertThat(mentorships.confirmAgreement(active.id(), w.tom(), changed.agreement().version()).agreement().cadenceDays())
			.isEqualTo(7);
		assertThatThrownBy(() -> mentorships.proposeAgreement(active.id(), w.tom(), "x", 0, changed.agreement().version()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("cadenceDays"));

		Mentorship completed = mentorships.complete(active.id(), w.tom());
		assertThat(completed.status()).isEqualTo(MentorshipStatus.COMPLETED);
		assertThat(events.stream(MentorshipEnded.class)).containsExactly(
				new MentorshipEnded(active.id(), w.programmeId(), w.mia().personId(), w.tom().personId(), true, null, true));
		assertThatThrownBy(() -> mentorships.endEarly(active.id(), w.mia(), "late")).isInstanceOf(ConflictException.class);
	}

	@Test
	void declineWithdrawAndEndEarlyAreRefusedOrDoneWithClearRules() {
		Mentorship requested = mentorships.request(w.programmeId(), w.mia().personId(), w.tom(), null);
		assertThatThrownBy(() -> mentorships.decline(requested.id(), w.tom(), null)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("withdraw the request");
		assertThatThrownBy(() -> mentorships.cancel(requested.id(), w.mia())).isInstanceOf(ConflictException.class);
		assertThat(mentorships.cancel(requested.id(), w.tom()).status()).isEqualTo(MentorshipStatus.CANCELLED);

		Mentorship second = mentorships.request(w.programmeId(), w.mia().personId(), w.tom(), "Again?");
		Mentorship declined = mentorships.decline(second.id(), w.mia(), "Too busy this quarter");
		assertThat(declined.status()).isEqualTo(MentorshipStatus.DECLINED);
		assertThat(declined.closeReason()).isEqualTo("Too busy this quarter");
		assertThat(events.stream(MentorshipDeclined.class)).extracting(MentorshipDeclined::declinedBy, MentorshipDeclined::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(w.tom().personId(), "Request withdrawn"),
					org.assertj.core.groups.Tuple.tuple(w.mia().personId(), "Too busy this quarter"));

		Mentorship active = w.activePair(mentorships);
		assertThatThrownBy(() -> mentorships.endEarly(active.id(), w.tom(), "  ")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason");
		assertThatThrownBy(() -> mentorships.decline(active.id(), w.tom(), null)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("End it early instead");
		Mentorship ended = mentorships.endEarly(active.id(), w.tom(), "I changed teams");
		assertThat(ended.status()).isEqualTo(MentorshipStatus.ENDED_EARLY);
		assertThat(events.stream(MentorshipEnded.class)).extracting(MentorshipEnded::completed, MentorshipEnded::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(false, "I changed teams"));
	}

	@Test
	void aPublishedRunInvitesEveryPairAndBothMustAccept() {
		long runId = 987_000 + (long) (Math.random() * 1000);
		transactions.executeWithoutResult(status -> publisher.publishEvent(new ProposalsPublished(w.programmeId(), runId, List.of(
				new ProposalsPublished.Pair(w.tom().personId(), w.mia().personId(), 0.8, List.of("Teaches what Tom wants to learn")),
				new ProposalsPublished.Pair(w.di().personId(), w.mia().personId(), 0.6, List.of("Shares a language"))), "pm@example.com")));
		List<MentorshipInvited> invited = events.stream(MentorshipInvited.class).toList();
		assertThat(invited).hasSize(2).allMatch(i -> !i.requested() && i.programmeId() == w.programmeId());

		long tomsId = invited.stream().filter(i -> i.menteeId() == w.tom().personId()).findFirst().orElseThrow().mentorshipId();
		Mentorship tomsInvitation = mentorships.mentorship(tomsId, w.tom());
		assertThat(tomsInvitation.status()).isEqualTo(MentorshipStatus.INVITED);
		assertThat(tomsInvitation.matchReasons()).containsExactly("Teaches what Tom wants to learn");
		assertThat(mentorships.accept(tomsId, w.tom()).status()).isEqualTo(MentorshipStatus.INVITED);
		assertThat(events.stream(MentorshipStarted.class)).isEmpty();
		assertThatThrownBy(() -> mentorships.accept(tomsId, w.tom())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already accepted");
		assertThat(mentorships.accept(tomsId, w.mia()).status()).isEqualTo(MentorshipStatus.ACTIVE);
		assertThat(events.stream(MentorshipStarted.class)).hasSize(1);

		long disId = invited.stream().filter(i -> i.menteeId() == w.di().personId()).findFirst().orElseThrow().mentorshipId();
		assertThat(mentorships.decline(disId, w.di(), null).status()).isEqualTo(MentorshipStatus.DECLINED);
		assertThat(mentorships.mine(w.mia())).extracting(MentorshipSummary::id).contains(tomsId, disId);
		assertThat(mentorships.mine(w.cy())).isEmpty();
	}
}
