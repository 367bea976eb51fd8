package org.guildhall.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A change to a post. Answers have no title or topics (leave them null); {@code version} is the
 * version that was read, so that an edit made meanwhile is not overwritten. {@code reason} is
 * required when an administrator edits someone else's post (it goes to the author and the audit trail).
 */
public record PostEdit(@Nullable String title, @Nullable String body, @Nullable List<String> topics, long version,
		@Nullable String reason) {

	/** An edit without a reason, as an author makes it. */
	public PostEdit(@Nullable String title, @Nullable String body, @Nullable List<String> topics, long version) {
		this(title, body, topics, version, null);
	}
}
