package org.guildhall.community;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.guildhall.community.internal.ActivityStore;
import org.guildhall.community.internal.PostStore;
import org.guildhall.community.internal.PostStore.PostRow;
import org.guildhall.community.internal.Texts;
import org.guildhall.shared.ConflictException;
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
 * and deleting them ({@link Contributions}): hide a post with a reason, and show it again; the same
 * for comments, and for the message of a kudos. A hidden
 * post is gone for everyone else as a deleted one is (threads, lists, feeds, search, reputation and
 * expertise), its author is told why, and administrators find it with the reason in the moderation
 * list. Every action publishes {@link PostModerated}, which the audit trail records in the same
 * transaction. Only administrators moderate; anyone else gets 403 and nothing changes.
 */
@Service
public class Moderation {

	public static final int REASON_MIN = 3;
	public static final int REASON_MAX = 500;

	private static final int HIDDEN_LIMIT = 200;

	private final PostStore posts;
	private final KudosBoard kudos;
	private final ActivityStore activity;
	private final ApplicationEventPublisher events;

	Moderation(PostStore posts, KudosBoard kudos, ActivityStore activity, ApplicationEventPublisher events) {
		this.posts = posts;
		this.kudos = kudos;
		this.activity = activity;
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

	/**
	 * Hides someone's comment for a reason of 3–500 characters: it leaves the thread for everyone
	 * (its author too), its author is told why, and it is listed under moderation until shown again.
	 */
	@Transactional
	public void hideComment(long commentId, @Nullable String reason, CurrentUser moderator) {
		requireAdmin(moderator);
		PostStore.CommentRow comment = posts.findComment(commentId).filter(c -> !c.deleted())
			.orElseThrow(() -> new NotFoundException("No comment with id " + commentId));
		String clean = reason(reason);
		if (!posts.hideComment(commentId, moderator.email(), clean)) {
			throw new NotFoundException("No comment with id " + commentId);
		}
		PostStore.CommentRow hidden = posts.findComment(commentId).orElseThrow();
		events.publishEvent(commentModerated(comment, ContentModerated.Action.HIDDEN, moderator, clean, hidden.deletedAt()));
	}

	/** Shows a hidden comment again (a comment its author deleted cannot be brought back). */
	@Transactional
	public void showComment(long commentId, CurrentUser moderator) {
		requireAdmin(moderator);
		PostStore.CommentRow comment = posts.findComment(commentId).filter(c -> c.hiddenReason() != null)
			.orElseThrow(() -> new NotFoundException("Comment " + commentId + " is not hidden"));
		if (!posts.showComment(commentId)) {
			throw new NotFoundException("Comment " + commentId + " is not hidden");
		}
		events.publishEvent(commentModerated(comment, ContentModerated.Action.SHOWN, moderator,
				"hidden before: " + comment.hiddenReason(), comment.deletedAt()));
	}

	/**
	 * Hides the message of someone's kudos for a reason of 3–500 characters. The kudos itself stays
	 * (the receiver was thanked for the skill, and it still counts); its message reads
	 * {@link Kudos#HIDDEN_MESSAGE} for everyone, on profiles, in feeds and in the API.
	 */
	@Transactional
	public void hideKudos(long kudosId, @Nullable String reason, CurrentUser moderator) {
		requireAdmin(moderator);
		KudosBoard.ModeratedKudos kudos = this.kudos.forModeration(kudosId)
			.orElseThrow(() -> new NotFoundException("No kudos with id " + kudosId));
		String clean = reason(reason);
		if (!this.kudos.hide(kudosId, moderator.email(), clean)) {
			throw new ConflictException("The message of kudos " + kudosId + " is already hidden");
		}
		KudosBoard.ModeratedKudos hidden = this.kudos.forModeration(kudosId).orElseThrow();
		activity.retitleItem(ActivityKind.KUDOS_GIVEN, kudosId, "Kudos for " + kudos.skill() + ": " + Kudos.HIDDEN_MESSAGE);
		events.publishEvent(kudosModerated(kudos, ContentModerated.Action.HIDDEN, moderator, clean, hidden.hiddenAt()));
	}

	/** Shows a hidden kudos message again, everywhere it was. */
	@Transactional
	public void showKudos(long kudosId, CurrentUser moderator) {
		requireAdmin(moderator);
		KudosBoard.ModeratedKudos kudos = this.kudos.forModeration(kudosId).filter(k -> k.hiddenAt() != null)
			.orElseThrow(() -> new NotFoundException("Kudos " + kudosId + " is not hidden"));
		String reason = this.kudos.hidden(Integer.MAX_VALUE).stream().filter(h -> h.id() == kudosId).map(HiddenPost::reason)
			.findFirst().orElse("");
		if (!this.kudos.show(kudosId)) {
			throw new NotFoundException("Kudos " + kudosId + " is not hidden");
		}
		activity.retitleItem(ActivityKind.KUDOS_GIVEN, kudosId, "Kudos for " + kudos.skill() + ": " + kudos.message());
		events.publishEvent(kudosModerated(kudos, ContentModerated.Action.SHOWN, moderator, "hidden before: " + reason,
				kudos.hiddenAt()));
	}

	/** Hidden posts, comments and kudos messages, most recently hidden first, with who hid them and why (administrators only; at most 200). */
	@Transactional(readOnly = true)
	public List<HiddenPost> hidden(CurrentUser viewer) {
		requireAdmin(viewer);
		List<HiddenPost> all = new ArrayList<>(posts.hidden(HIDDEN_LIMIT));
		all.addAll(posts.hiddenComments(HIDDEN_LIMIT));
		all.addAll(kudos.hidden(HIDDEN_LIMIT));
		all.sort(Comparator.comparing(HiddenPost::hiddenAt).reversed().thenComparing(HiddenPost::id, Comparator.reverseOrder()));
		return all.size() > HIDDEN_LIMIT ? List.copyOf(all.subList(0, HIDDEN_LIMIT)) : all;
	}

	private static String reason(@Nullable String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		String clean = Texts.check("reason", reason, REASON_MIN, REASON_MAX, problems);
		if (!problems.isEmpty() || clean == null) {
			throw new InvalidInputException(problems);
		}
		return clean;
	}

	private ContentModerated commentModerated(PostStore.CommentRow comment, ContentModerated.Action action, CurrentUser moderator,
			String reason, @Nullable Instant hiddenAt) {
		PostRow post = posts.find(comment.postId()).orElseThrow();
		long pageId = post.questionId() != null ? post.questionId() : post.id();
		String page = (post.kind() == PostKind.ARTICLE ? "/community/articles/" : "/community/questions/") + pageId;
		String under = post.kind().name().toLowerCase(Locale.ROOT) + " " + post.id();
		return new ContentModerated(ContentModerated.Kind.COMMENT, comment.id(), comment.authorId(),
				"comment " + comment.id() + " under " + under + " by person " + comment.authorId(),
				"your comment \"" + (comment.body().length() > 80 ? comment.body().substring(0, 79) + "…" : comment.body()) + "\"", action == ContentModerated.Action.SHOWN ? page : "/notifications",
				action, moderator.email(), reason, String.valueOf(hiddenAt == null ? 0 : hiddenAt.toEpochMilli()));
	}

	private static ContentModerated kudosModerated(KudosBoard.ModeratedKudos kudos, ContentModerated.Action action,
			CurrentUser moderator, String reason, @Nullable Instant hiddenAt) {
		return new ContentModerated(ContentModerated.Kind.KUDOS, kudos.id(), kudos.giverId(),
				"kudos " + kudos.id() + " for " + kudos.skill() + " to person " + kudos.receiverId() + " by person " + kudos.giverId(),
				"the message of your kudos for " + kudos.skill(), "/community/people/" + kudos.receiverId() + "/kudos",
				action, moderator.email(), reason, String.valueOf(hiddenAt == null ? 0 : hiddenAt.toEpochMilli()));
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators moderate posts");
		}
	}
}
