package org.guildhall.community;

import org.jspecify.annotations.Nullable;

/**
 * An administrator acted on someone else's comment, kudos or circle post: hid it, showed it again or
 * (a circle post) deleted it. {@code authorId} is the person who wrote it (the giver, for kudos);
 * {@code subject} names it for the audit trail; {@code what} names it for its author;
 * {@code occasion} tells one hide (and the show that undoes it) from another, so that each has its
 * own notification. Published in the moderator's transaction, like {@link PostModerated}.
 */
public record ContentModerated(Kind kind, long id, long authorId, String subject, String what, String link,
		Action action, String moderator, @Nullable String reason, String occasion) {

	/** What was moderated. */
	public enum Kind {
		COMMENT("comment"), KUDOS("kudos"), CIRCLE_POST("circle-post");

		private final String slug;

		Kind(String slug) {
			this.slug = slug;
		}

		public String slug() {
			return slug;
		}
	}

	/** What the administrator did. */
	public enum Action {
		HIDDEN("hidden"), SHOWN("shown"), DELETED("deleted-by-moderator");

		private final String slug;

		Action(String slug) {
			this.slug = slug;
		}
	}

	/** The action's name in the audit trail: {@code comment-hidden}, {@code kudos-shown}, {@code circle-post-deleted-by-moderator}. */
	public String auditName() {
		return kind.slug() + "-" + action.slug;
	}
}
