package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;
import org.jspecify.annotations.Nullable;

/** A post an administrator hid, as administrators see it in the moderation list. */
public record HiddenPost(long id, PostKind kind, @Nullable Long questionId, @Nullable String title, String excerpt,
		PersonRef author, String reason, String hiddenBy, Instant hiddenAt) {
}
