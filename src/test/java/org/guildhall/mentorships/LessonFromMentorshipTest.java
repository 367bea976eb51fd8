package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.guildhall.community.KnowledgeBase;
import org.guildhall.community.NewArticle;
import org.guildhall.community.Post;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A mentee publishes what the pair learned as a community lesson; nobody else can name the mentorship. */
@GuildhallTest
class LessonFromMentorshipTest {

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	KnowledgeBase articles;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Test
	void onlyTheMenteeOfARunningOrFinishedMentorshipPublishesALessonFromIt() {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 2);
		Mentorship waiting = mentorships.request(w.programmeId(), w.mia().personId(), w.di(), "Please?");
		assertThatThrownBy(() -> articles.publish(lesson(waiting.id()), w.di()))
			.as("a request not yet accepted has taught nothing").isInstanceOf(InvalidInputException.class);

		Mentorship active = w.activePair(mentorships);
		assertThatThrownBy(() -> articles.publish(lesson(active.id()), w.mia())).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).message()).contains("not the mentee"));
		assertThatThrownBy(() -> articles.publish(lesson(active.id()), w.cy())).isInstanceOf(InvalidInputException.class);

		Post published = articles.publish(lesson(active.id()), w.tom());
		assertThat(published.lessonLearned()).isTrue();
	}

	private static NewArticle lesson(long mentorshipId) {
		return new NewArticle("Agendas make short meetings work", "We wrote the agenda the day before.", List.of("Java"),
				true, mentorshipId);
	}
}
