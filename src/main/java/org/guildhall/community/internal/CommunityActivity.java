package org.guildhall.community.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guildhall.community.ActivityKind;
import org.guildhall.community.AnswerAccepted;
import org.guildhall.community.AnswerPosted;
import org.guildhall.community.ArticlePublished;
import org.guildhall.community.KudosGiven;
import org.guildhall.community.PostDeleted;
import org.guildhall.community.PostEdited;
import org.guildhall.community.PostKind;
import org.guildhall.community.PostShown;
import org.guildhall.community.QuestionAsked;
import org.guildhall.community.Topic;
import org.guildhall.community.internal.PostStore.PostRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the activity feed from the community's events, after each change is committed: a
 * question, an answer, an accepted answer, an article, kudos. A deleted post takes its entries (and
 * for a question those of its answers) out of every feed; an edit updates their title and topics.
 * Circle posts and events are written by {@link org.guildhall.community.Circles} itself.
 */
@Component
class CommunityActivity {

	private final ActivityStore activity;
	private final PostStore posts;
	private final JdbcClient jdbc;

	CommunityActivity(ActivityStore activity, PostStore posts, JdbcClient jdbc) {
		this.activity = activity;
		this.posts = posts;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(QuestionAsked event) {
		live(event.questionId()).ifPresent(q -> activity.record(new ActivityStore.Entry(ActivityKind.QUESTION_ASKED,
				createdAt(q.id()), event.askerId(), null, q.id(), null, null, null, title(q), "QUESTION_ASKED:" + q.id(),
				topics(q.id()))));
	}

	@ApplicationModuleListener
	void on(AnswerPosted event) {
		Optional<PostRow> question = live(event.questionId());
		if (question.isPresent() && live(event.answerId()).isPresent()) {
			activity.record(new ActivityStore.Entry(ActivityKind.ANSWER_POSTED, createdAt(event.answerId()),
					event.authorId(), null, event.answerId(), event.questionId(), null, null, title(question.get()),
					"ANSWER_POSTED:" + event.answerId(), topics(event.questionId())));
		}
	}

	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		Optional<PostRow> question = live(event.questionId());
		jdbc.sql("DELETE FROM community_activity WHERE kind = 'ANSWER_ACCEPTED' AND question_id = ?")
			.param(event.questionId()).update();
		if (question.isPresent() && question.get().acceptedAnswerId() != null
				&& question.get().acceptedAnswerId() == event.answerId()) {
			activity.record(new ActivityStore.Entry(ActivityKind.ANSWER_ACCEPTED, Instant.now(), event.askerId(),
					event.answererId(), event.answerId(), event.questionId(), null, null, title(question.get()),
					"ANSWER_ACCEPTED:" + event.answerId(), topics(event.questionId())));
		}
	}

	@ApplicationModuleListener
	void on(ArticlePublished event) {
		live(event.articleId()).ifPresent(a -> activity.record(new ActivityStore.Entry(ActivityKind.ARTICLE_PUBLISHED,
				createdAt(a.id()), event.authorId(), null, a.id(), null, null, null, title(a), "ARTICLE_PUBLISHED:" + a.id(),
				topics(a.id()))));
	}

	@ApplicationModuleListener
	void on(KudosGiven event) {
		record Kudos(String skill, String message, Instant at) {
		}
		jdbc.sql("""
				SELECT s.name, CASE WHEN k.hidden_reason IS NULL THEN k.message ELSE ? END, k.created_at FROM community_kudos k
				JOIN skill s ON s.id = k.skill_id WHERE k.id = ?""")
			.params(org.guildhall.community.Kudos.HIDDEN_MESSAGE, event.kudosId())
			.query((rs, n) -> new Kudos(rs.getString(1), rs.getString(2), PostStore.instant(rs, "created_at")))
			.optional()
			.ifPresent(k -> activity.record(new ActivityStore.Entry(ActivityKind.KUDOS_GIVEN, k.at(), event.giverId(),
					event.receiverId(), null, null, null, event.kudosId(), "Kudos for " + k.skill() + ": " + k.message(),
					"KUDOS_GIVEN:" + event.kudosId(), List.of(event.skillId()))));
	}

	@ApplicationModuleListener
	void on(PostDeleted event) {
		activity.forgetPost(event.postId());
	}

	/**
	 * A post shown again gets its entries back, as they were first written: for a question, those of
	 * its live answers too, and the accepted answer's.
	 */
	@ApplicationModuleListener
	void on(PostShown event) {
		Optional<PostRow> shown = live(event.postId());
		if (shown.isEmpty()) {
			return;
		}
		PostRow post = shown.get();
		switch (post.kind()) {
			case QUESTION -> {
				on(new QuestionAsked(post.id(), post.authorId()));
				jdbc.sql("SELECT id, author_id FROM community_post WHERE question_id = ? AND kind = 'ANSWER' AND deleted_at IS NULL")
					.param(post.id()).query((rs, n) -> new AnswerPosted(rs.getLong(1), post.id(), rs.getLong(2))).list()
					.forEach(this::on);
				acceptedAgain(post);
			}
			case ANSWER -> {
				on(new AnswerPosted(post.id(), post.questionId(), post.authorId()));
				posts.find(post.questionId()).filter(q -> q.acceptedAnswerId() != null && q.acceptedAnswerId() == post.id())
					.ifPresent(this::acceptedAgain);
			}
			case ARTICLE -> on(new ArticlePublished(post.id(), post.authorId(), false));
		}
	}

	private void acceptedAgain(PostRow question) {
		Long accepted = question.acceptedAnswerId();
		if (accepted != null) {
			posts.find(accepted).filter(a -> !a.deleted())
				.ifPresent(a -> on(new AnswerAccepted(a.id(), question.id(), a.authorId(), question.authorId())));
		}
	}

	@ApplicationModuleListener
	void on(PostEdited event) {
		if (event.kind() != PostKind.ANSWER) {
			live(event.postId()).ifPresent(p -> activity.refreshPost(p.id(), title(p), topics(p.id())));
		}
	}

	private Optional<PostRow> live(long postId) {
		return posts.find(postId).filter(p -> !p.deleted());
	}

	private Instant createdAt(long postId) {
		return jdbc.sql("SELECT created_at FROM community_post WHERE id = ?").param(postId)
			.query((rs, n) -> PostStore.instant(rs, "created_at")).single();
	}

	private static String title(PostRow post) {
		return post.title() == null ? "(untitled)" : post.title();
	}

	private List<Long> topics(long postId) {
		return posts.topicsOf(List.of(postId)).getOrDefault(postId, List.of()).stream().map(Topic::skillId).toList();
	}
}
