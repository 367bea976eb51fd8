package org.guildhall.community;

import java.util.ArrayList;
import java.util.List;

import org.guildhall.community.internal.PostStore;
import org.guildhall.community.internal.PostStore.PostRow;
import org.guildhall.community.internal.Texts;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What works the same on questions, answers and articles: reading one, editing with history,
 * deleting, voting and commenting. Only the author or an administrator may edit or delete; nobody
 * votes on their own post; deleted posts are gone for everyone (kept in the database for the record).
 */
@Service
public class Contributions {

	private final PostStore posts;
	private final ApplicationEventPublisher events;

	Contributions(PostStore posts, ApplicationEventPublisher events) {
		this.posts = posts;
		this.events = events;
	}

	/** One live post as the viewer sees it. */
	@Transactional(readOnly = true)
	public Post post(long postId, CurrentUser viewer) {
		return posts.load(List.of(postId), viewer).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("No post with id " + postId));
	}

	/**
	 * Changes a post's text (and, for questions and articles, title and topics). The version must be
	 * the one the editor read; the new text becomes the next revision. An administrator editing
	 * someone else's post moderates: a reason is required, the post shows "edited by a moderator"
	 * until its author edits it again, and {@link PostModerated} tells the author and the audit trail.
	 */
	@Transactional
	public Post edit(long postId, PostEdit edit, CurrentUser editor) {
		PostRow post = live(postId);
		requireAuthorOrAdmin(post, editor, "edit");
		List<FieldProblem> problems = new ArrayList<>();
		String title = null;
		List<Topic> topics = null;
		int max = post.kind() == PostKind.ARTICLE ? Texts.ARTICLE_MAX : Texts.BODY_MAX;
		if (post.kind() != PostKind.ANSWER) {
			title = Texts.check("title", edit.title(), Texts.TITLE_MIN, Texts.TITLE_MAX, problems);
			topics = posts.resolveTopics(edit.topics(), true, problems);
		}
		String body = Texts.check("body", edit.body(), 1, max, problems);
		boolean byModerator = !editor.is(post.authorId());
		String reason = byModerator ? Texts.check("reason", edit.reason(), Moderation.REASON_MIN, Moderation.REASON_MAX, problems) : null;
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long editorId = editor.personId() != null ? editor.personId() : post.authorId();
		posts.edit(post, title, body, topics, edit.version(), editorId, byModerator);
		events.publishEvent(new PostEdited(postId, post.kind(), editorId));
		if (byModerator) {
			events.publishEvent(new PostModerated(postId, post.kind(), post.questionId(), post.authorId(), post.title(), post.version(),
					PostModerated.Action.EDITED, editor.email(), reason));
		}
		return post(postId, editor);
	}

	/** Hides a post everywhere (lists, threads, search). Deleting a question hides its answers too. */
	@Transactional
	public void delete(long postId, CurrentUser user) {
		PostRow post = live(postId);
		requireAuthorOrAdmin(post, user, "delete");
		posts.softDelete(post, user.accountId());
		events.publishEvent(new PostDeleted(postId, post.kind(), user.accountId()));
		if (!user.is(post.authorId())) {
			events.publishEvent(new PostModerated(postId, post.kind(), post.questionId(), post.authorId(), post.title(), post.version(),
					PostModerated.Action.DELETED, user.email(), null));
		}
	}

	/**
	 * Every version of a live post, newest first; anyone who can read the post can read its history,
	 * except what a moderator edited away: the versions before an administrator's edit of someone
	 * else's post are shown only to the author and administrators.
	 */
	@Transactional(readOnly = true)
	public List<Revision> revisions(long postId, CurrentUser viewer) {
		PostRow post = live(postId);
		List<Revision> all = posts.revisions(postId);
		if (viewer.is(post.authorId()) || viewer.isAdmin()) {
			return all;
		}
		List<Revision> shown = new ArrayList<>();
		for (Revision revision : all) { // newest first: stop after the latest moderator's edit
			shown.add(revision);
			if (revision.editedBy().id() != post.authorId()) {
				break;
			}
		}
		return shown;
	}

	/**
	 * Votes a post up or down, or takes the vote back ({@code vote} null). Voting twice the same way
	 * counts once, however fast the clicks. Returns the post's score.
	 */
	public int vote(long postId, @Nullable Vote vote, CurrentUser voter) {
		long voterId = Participants.personOf(voter);
		PostRow post = live(postId);
		if (post.authorId() == voterId) {
			throw new InvalidInputException("vote", "you cannot vote on your own post");
		}
		int value = vote == null ? 0 : vote.value();
		int score = posts.vote(postId, voterId, value);
		events.publishEvent(new VoteCast(postId, voterId, value));
		return score;
	}

	/** Adds a plain-text comment (at most 1,000 characters) under a live post. */
	@Transactional
	public Comment comment(long postId, @Nullable String text, CurrentUser author) {
		long authorId = Participants.personOf(author);
		live(postId);
		List<FieldProblem> problems = new ArrayList<>();
		String body = Texts.check("body", text, 1, Texts.COMMENT_MAX, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = posts.addComment(postId, authorId, body);
		events.publishEvent(new CommentAdded(id, postId, authorId));
		return post(postId, author).comments().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Deletes one's own comment, for good; returns the post it was under. Only its author may: an
	 * administrator hides someone else's comment instead ({@link Moderation#hideComment}).
	 */
	@Transactional
	public long deleteComment(long commentId, CurrentUser author) {
		PostStore.CommentRow comment = posts.findComment(commentId).filter(c -> !c.deleted())
			.orElseThrow(() -> new NotFoundException("No comment with id " + commentId));
		if (!author.is(comment.authorId())) {
			throw new AccessDeniedException("Only its author may delete a comment");
		}
		posts.deleteComment(commentId);
		return comment.postId();
	}

	/** The post a live comment is under, as the viewer sees it. */
	@Transactional(readOnly = true)
	public Post postOfComment(long commentId, CurrentUser viewer) {
		PostStore.CommentRow comment = posts.findComment(commentId).filter(c -> !c.deleted())
			.orElseThrow(() -> new NotFoundException("No comment with id " + commentId));
		return post(comment.postId(), viewer);
	}

	private PostRow live(long postId) {
		PostRow post = posts.find(postId).filter(p -> !p.deleted())
			.orElseThrow(() -> new NotFoundException("No post with id " + postId));
		if (post.questionId() != null && posts.find(post.questionId()).map(PostRow::deleted).orElse(true)) {
			throw new NotFoundException("No post with id " + postId);
		}
		return post;
	}

	private static void requireAuthorOrAdmin(PostRow post, CurrentUser user, String action) {
		if (!user.is(post.authorId()) && !user.isAdmin()) {
			throw new AccessDeniedException("Only the author or an administrator may " + action + " this post");
		}
	}
}
