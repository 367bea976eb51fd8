package org.guildhall.insights.internal;

import java.util.List;

import org.guildhall.community.AnswerAccepted;
import org.guildhall.community.CircleHostChanged;
import org.guildhall.community.CircleJoined;
import org.guildhall.community.CircleLeft;
import org.guildhall.community.ExpertSessionAgreed;
import org.guildhall.community.KudosGiven;
import org.guildhall.community.LearningLinks;
import org.guildhall.community.PostDeleted;
import org.guildhall.mentorships.AgreementChanged;
import org.guildhall.mentorships.FeedbackGiven;
import org.guildhall.mentorships.GoalChanged;
import org.guildhall.mentorships.MeetingChanged;
import org.guildhall.mentorships.MentorshipDeclined;
import org.guildhall.mentorships.MentorshipEnded;
import org.guildhall.mentorships.MentorshipFacts;
import org.guildhall.mentorships.MentorshipInvited;
import org.guildhall.mentorships.MentorshipStarted;
import org.guildhall.people.CharacteristicsAnswered;
import org.guildhall.people.CharacteristicsConfigured;
import org.guildhall.people.PeopleFacts;
import org.guildhall.people.PeopleImported;
import org.guildhall.people.PersonErased;
import org.guildhall.people.PersonHistory;
import org.guildhall.people.PersonHistoryEntry;
import org.guildhall.people.PersonHistoryRecorded;
import org.guildhall.people.ProfileUpdated;
import org.guildhall.people.SkillMerged;
import org.guildhall.programmes.EnrolmentChanged;
import org.guildhall.programmes.ProgrammeFacts;
import org.guildhall.programmes.ProgrammeSaved;
import org.guildhall.programmes.ProgrammeStatusChanged;
import org.guildhall.programmes.ProposalsPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model current: each event names what changed, and the listener reads that
 * thing's current facts from its owner and replaces the model's copy. Listeners run after the
 * owner's transaction committed, in their own, and the event publication registry keeps any that
 * did not finish (a crash) for a retry. Because they replace rather than add, a repeated or late
 * event does no harm.
 */
@Component
class ReadModelFeed {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadModelFeed.class);

	static final int HISTORY_PAGE = 20_000;

	private final ReadModel model;
	private final PeopleFacts people;
	private final PersonHistory history;
	private final ProgrammeFacts programmes;
	private final MentorshipFacts mentorships;
	private final LearningLinks links;
	private final CharacteristicsCopy characteristics;

	ReadModelFeed(ReadModel model, PeopleFacts people, PersonHistory history, ProgrammeFacts programmes,
			MentorshipFacts mentorships, LearningLinks links, CharacteristicsCopy characteristics) {
		this.characteristics = characteristics;
		this.model = model;
		this.people = people;
		this.history = history;
		this.programmes = programmes;
		this.mentorships = mentorships;
		this.links = links;
	}

	// people: an import changes many people at once, so the whole people side is copied again

	@ApplicationModuleListener
	void on(PeopleImported event) {
		model.lock();
		refreshAllPeople();
	}

	@ApplicationModuleListener
	void on(PersonHistoryRecorded event) {
		model.lock();
		catchUpHistory();
		model.markStale();
	}

	@ApplicationModuleListener
	void on(ProfileUpdated event) {
		model.lock();
		model.people(people.people(List.of(event.personId())));
		model.skills(event.personId(), people.skillsOf(event.personId()));
		model.markStale();
	}

	/** The person is copied again as the people module keeps them now ("Former colleague"), without skills or answers. */
	@ApplicationModuleListener
	void on(PersonErased event) {
		model.lock();
		model.people(people.people(List.of(event.personId())));
		model.skills(event.personId(), people.skillsOf(event.personId()));
		characteristics.refresh(event.personId());
		model.markStale();
	}

	@ApplicationModuleListener
	void on(SkillMerged event) {
		model.lock();
		refreshAllPeople();
	}

	// self-reported characteristics (given with consent, only ever counted in groups)

	@ApplicationModuleListener
	void on(CharacteristicsAnswered event) {
		model.lock();
		characteristics.refresh(event.personId());
	}

	@ApplicationModuleListener
	void on(CharacteristicsConfigured event) {
		model.lock();
		characteristics.refreshAll();
	}

	// programmes

	@ApplicationModuleListener
	void on(ProgrammeSaved event) {
		model.lock();
		refreshProgramme(event.programmeId());
	}

	@ApplicationModuleListener
	void on(ProgrammeStatusChanged event) {
		model.lock();
		refreshProgramme(event.programmeId());
	}

	@ApplicationModuleListener
	void on(EnrolmentChanged event) {
		model.lock();
		programmes.enrolment(event.programmeId(), event.personId()).ifPresent(e -> model.enrolments(List.of(e)));
	}

	// mentorships

	@ApplicationModuleListener
	void on(ProposalsPublished event) {
		model.lock();
		// the invitations' own events follow; the enrolments may have changed with the run
		model.enrolments(programmes.enrolments(event.programmeId()));
	}

	@ApplicationModuleListener
	void on(MentorshipInvited event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	@ApplicationModuleListener
	void on(MentorshipStarted event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	@ApplicationModuleListener
	void on(MentorshipDeclined event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	@ApplicationModuleListener
	void on(MentorshipEnded event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	@ApplicationModuleListener
	void on(MeetingChanged event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	@ApplicationModuleListener
	void on(GoalChanged event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	@ApplicationModuleListener
	void on(FeedbackGiven event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	@ApplicationModuleListener
	void on(AgreementChanged event) {
		model.lock();
		refreshPair(event.mentorshipId());
	}

	// community links

	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		model.lock();
		refreshLinks("answer:" + event.questionId());
	}

	@ApplicationModuleListener
	void on(KudosGiven event) {
		model.lock();
		refreshLinks("kudos:" + event.kudosId());
	}

	@ApplicationModuleListener
	void on(CircleJoined event) {
		model.lock();
		refreshLinks("circle:" + event.circleId());
	}

	@ApplicationModuleListener
	void on(CircleLeft event) {
		model.lock();
		refreshLinks("circle:" + event.circleId());
	}

	@ApplicationModuleListener
	void on(CircleHostChanged event) {
		model.lock();
		refreshLinks("circle:" + event.circleId());
	}

	@ApplicationModuleListener
	void on(ExpertSessionAgreed event) {
		model.lock();
		refreshLinks("expert:" + event.requestId());
	}

	@ApplicationModuleListener
	void on(PostDeleted event) {
		model.lock();
		String source = links.sourceOfPost(event.postId());
		if (source != null) {
			refreshLinks(source);
		}
	}

	// everyone at once (an HR import, a merged skill)

	void refreshAllPeople() {
		// everyone is compared with the copy and only who changed is written: an import changes a few
		// people of many, and rewriting them all held the feed's lock for minutes on H2
		ReadModel.Sync sync = model.sync(ReadModel.PERSON, ReadModel.SKILL);
		Batches.of(people::forEachPerson, sync::people);
		Batches.of(people::forEachSkill, sync::skills);
		String changes = sync.finish();
		if (sync.changedAny()) {
			model.peopleChanged();
		}
		log.debug("People copied again: {}", changes);
		catchUpHistory();
		model.markStale();
	}

	/** Copies the people module's history entries past the watermark, a page at a time. */
	void catchUpHistory() {
		while (true) {
			List<PersonHistoryEntry> page = history.after(model.historyWatermark(), HISTORY_PAGE);
			model.history(page);
			if (page.size() < HISTORY_PAGE) {
				return;
			}
		}
	}

	void refreshProgramme(long programmeId) {
		programmes.programme(programmeId).ifPresent(model::programme);
	}

	void refreshPair(long mentorshipId) {
		mentorships.of(mentorshipId).ifPresentOrElse(m -> model.pairs(List.of(m)), () -> model.forgetPair(mentorshipId));
		model.markStale();
	}

	void refreshLinks(String source) {
		model.links(source, links.of(source));
	}
}
