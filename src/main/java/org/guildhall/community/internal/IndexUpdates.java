package org.guildhall.community.internal;

import java.util.List;

import org.guildhall.community.AnswerPosted;
import org.guildhall.community.ArticlePublished;
import org.guildhall.community.PostDeleted;
import org.guildhall.community.PostEdited;
import org.guildhall.community.PostShown;
import org.guildhall.community.PostKind;
import org.guildhall.community.QuestionAsked;
import org.guildhall.people.PeopleImported;
import org.guildhall.people.ProfileUpdated;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the database: after each committed change to a post or a
 * profile the affected documents are read again; an HR import or start-up rebuilds everything.
 */
@Component
class IndexUpdates {

	private final SearchIndex index;

	IndexUpdates(SearchIndex index) {
		this.index = index;
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildAtStartUp() {
		index.startRebuild();
	}

	@ApplicationModuleListener
	void on(QuestionAsked event) {
		index.refreshPosts(List.of(event.questionId()));
	}

	@ApplicationModuleListener
	void on(AnswerPosted event) {
		index.refreshPosts(List.of(event.answerId()));
	}

	@ApplicationModuleListener
	void on(ArticlePublished event) {
		index.refreshPosts(List.of(event.articleId()));
	}

	@ApplicationModuleListener
	void on(PostEdited event) {
		index.refreshPosts(List.of(event.postId()));
		if (event.kind() == PostKind.QUESTION) {
			index.refreshAnswersOf(event.postId());
		}
	}

	@ApplicationModuleListener
	void on(PostDeleted event) {
		index.refreshPosts(List.of(event.postId()));
		if (event.kind() == PostKind.QUESTION) {
			index.refreshAnswersOf(event.postId());
		}
	}

	@ApplicationModuleListener
	void on(PostShown event) {
		index.refreshPosts(List.of(event.postId()));
		if (event.kind() == PostKind.QUESTION) {
			index.refreshAnswersOf(event.postId());
		}
	}

	@ApplicationModuleListener
	void on(ProfileUpdated event) {
		index.refreshPeople(List.of(event.personId()));
	}

	@ApplicationModuleListener
	void on(PeopleImported event) {
		index.startRebuild();
	}
}
