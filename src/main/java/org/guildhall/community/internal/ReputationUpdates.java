package org.guildhall.community.internal;

import org.guildhall.community.AnswerAccepted;
import org.guildhall.community.AnswerPosted;
import org.guildhall.community.ArticlePublished;
import org.guildhall.community.Badge;
import org.guildhall.community.CircleCreated;
import org.guildhall.community.CircleHostChanged;
import org.guildhall.community.KudosGiven;
import org.guildhall.community.PostDeleted;
import org.guildhall.community.PostEdited;
import org.guildhall.community.PostShown;
import org.guildhall.community.PostKind;
import org.guildhall.community.Reputation;
import org.guildhall.community.VoteCast;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps reputation and badges in step with the community: after each committed answer, vote,
 * acceptance, kudos, edit or deletion, the people whose evidence changed are computed again. These
 * listeners run outside a transaction of their own because {@link Reputation#recompute} retries
 * in fresh transactions when two updates of one person collide; the event publication registry
 * still records each delivery.
 */
@Component
class ReputationUpdates {

	private final Reputation reputation;
	private final PostStore posts;

	ReputationUpdates(Reputation reputation, PostStore posts) {
		this.reputation = reputation;
		this.posts = posts;
	}

	@Async
	@TransactionalEventListener
	void on(AnswerPosted event) {
		reputation.recompute(event.authorId());
	}

	@Async
	@TransactionalEventListener
	void on(VoteCast event) {
		posts.find(event.postId()).filter(p -> p.kind() == PostKind.ANSWER).ifPresent(p -> reputation.recompute(p.authorId()));
	}

	@Async
	@TransactionalEventListener
	void on(AnswerAccepted event) {
		reputation.recomputeAnswerersOf(event.questionId());
	}

	@Async
	@TransactionalEventListener
	void on(KudosGiven event) {
		reputation.recompute(event.receiverId());
	}

	@Async
	@TransactionalEventListener
	void on(PostDeleted event) {
		switch (event.kind()) {
			case ANSWER -> posts.find(event.postId()).ifPresent(p -> reputation.recompute(p.authorId()));
			case QUESTION -> reputation.recomputeAnswerersOf(event.postId());
			case ARTICLE -> {
			}
		}
	}

	@Async
	@TransactionalEventListener
	void on(PostShown event) {
		switch (event.kind()) {
			case ANSWER -> posts.find(event.postId()).ifPresent(p -> reputation.recompute(p.authorId()));
			case QUESTION -> reputation.recomputeAnswerersOf(event.postId());
			case ARTICLE -> {
			}
		}
	}

	@Async
	@TransactionalEventListener
	void on(PostEdited event) {
		if (event.kind() == PostKind.QUESTION) {
			reputation.recomputeAnswerersOf(event.postId());
		}
	}

	@Async
	@TransactionalEventListener
	void on(ArticlePublished event) {
		reputation.articlePublished(event.authorId());
	}

	@Async
	@TransactionalEventListener
	void on(CircleCreated event) {
		reputation.awardNow(event.hostId(), Badge.CIRCLE_HOST);
	}

	@Async
	@TransactionalEventListener
	void on(CircleHostChanged event) {
		reputation.awardNow(event.newHostId(), Badge.CIRCLE_HOST);
	}
}
