package org.guildhall.community;

import org.jspecify.annotations.Nullable;

/**
 * An administrator acted on someone else's question, answer or article: hid it, showed it again,
 * edited it or deleted it. {@code moderator} is the administrator's e-mail; {@code reason} is what
 * they gave (always given for hiding and editing); {@code version} is the post's version the action
 * started from, so each action on a post has its own. Published in the moderator's transaction.
 */
public record PostModerated(long postId, PostKind kind, @Nullable Long questionId, long authorId, @Nullable String title,
		long version, Action action, String moderator, @Nullable String reason) {

	/** What the administrator did. */
	public enum Action {
		HIDDEN("post-hidden"), SHOWN("post-shown"), EDITED("post-edited-by-moderator"), DELETED("post-deleted-by-moderator");

		private final String auditName;

		Action(String auditName) {
			this.auditName = auditName;
		}

		/** The action's name in the audit trail. */
		public String auditName() {
			return auditName;
		}
	}
}
