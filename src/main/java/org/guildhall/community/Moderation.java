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
 * What an administrator may do to other people's questions, answers and articles, besides editing
 * and deleting them ({@link Contributions}): hide a post with a reason, and show it again. A hidden
 * post is gone for everyone else as a deleted one is (threads, lists, feeds, search, reputation and
 * expertise), its author is told why, and administrators find it with the reason in the moderation
 * list. Every action publishes {@link PostModerated}, which the audit trail records in the same
 * transaction. Only administrators moderate; anyone else gets 403 and nothing changes.
 */
@Service
public class Moderation {

	public static final int REASON_MIN = 3;
	public static final int REASON_MAX = 500;

	private final PostStore posts;
	private final ApplicationEventPublisher events;

	Moderation(PostStore posts, ApplicationEventPublisher events) {
		this.posts = posts;
		this.events = events;
	}

	/** Hides a live post (and, for a question, its answers with it) for a reason of 3–500 characters. */
	@Transactional
	public void hide(long postId, @Nullable String reason, CurrentUser moderator) {
		requireAdmin(moderator);
		PostRow post = posts.find(postId).filter(p -> !p.deleted())
			.orElseThrow(() -> new NotFoundException("No post with id " + postId));
		List<FieldProblem> problems = new ArrayList<>();
		String clean = Texts.check("reason", reason, REASON_MIN, REASON_MAX, problems);
		if (!problems.isEmpty() || clean == null) {
			throw new InvalidInputException(problems);
		}
		if (!posts.hide(post, moderator.email(), clean)) {
			throw new NotFoundException("No post with id " + postId);
		}
		// the same side effects as a deletion: out of search, feeds and reputation
		events.publishEvent(new PostDeleted(postId, post.kind(), moderator.accountId()));
		events.publishEvent(new PostModerated(postId, post.kind(), post.questionId(), post.authorId(), post.title(), post.version(),
				PostModerated.Action.HIDDEN, moderator.email(), clean));
	}

	/** Shows a hidden post again, as it was before (a deleted post cannot be brought back). */
	@Transactional
	public void show(long postId, CurrentUser moderator) {
		requireAdmin(moderator);
		PostRow post = posts.find(postId).orElseThrow(() -> new NotFoundException("No post with id " + postId));
		String reason = posts.hiddenReason(postId).orElseThrow(() -> new NotFoundException("Post " + postId + " is not hidden"));
		posts.show(postId);
		events.publishEvent(new PostShown(postId, post.kind()));
		events.publishEvent(new PostModerated(postId, post.kind(), post.questionId(), post.authorId(), post.title(), post.version(),
				PostModerated.Action.SHOWN, moderator.email(), "hidden before: " + reason));
	}

	/** Hidden posts, most recently hidden first, with who hid them and why (administrators only). */
	@Transactional(readOnly = true)
	public List<HiddenPost> hidden(CurrentUser viewer) {
		requireAdmin(viewer);
		return posts.hidden(200);
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators moderate posts");
		}
	}
}
