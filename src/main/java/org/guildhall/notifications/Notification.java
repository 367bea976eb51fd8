package org.guildhall.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One thing a person was told: a title, a line or two of detail and the page it is about. */
public record Notification(long id, Category category, String title, String body, String link, Instant createdAt,
		@Nullable Instant readAt) {

	public boolean read() {
		return readAt != null;
	}
}
