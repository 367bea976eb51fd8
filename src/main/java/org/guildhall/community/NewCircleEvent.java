package org.guildhall.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A circle event to schedule: a title (3–120 characters), a start in the future, a duration of 5 to
 * 1,440 minutes, and a place (at most 200 characters) or an http(s) link (at most 500), or both.
 */
public record NewCircleEvent(@Nullable String title, @Nullable Instant startsAt, @Nullable Integer durationMinutes,
		@Nullable String place, @Nullable String link) {
}
