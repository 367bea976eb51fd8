package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;
import org.jspecify.annotations.Nullable;

/**
 * A post, comment or kudos an administrator hid, as administrators see it in the moderation list.
 * {@code id} is the hidden item's own id (a comment's, a kudos'); {@code questionId} and
 * {@code title} place it: for a comment, the question or article it is under; for kudos, whom it
 * thanks for what. The author of kudos is its giver.
 */
public record HiddenPost(long id, Kind kind, @Nullable Long questionId, @Nullable String title, String excerpt,
		PersonRef author, String reason, String hiddenBy, Instant hiddenAt) {

	/** What is hidden. */
	public enum Kind {
		QUESTION, ANSWER, ARTICLE, COMMENT, KUDOS
	}
}
