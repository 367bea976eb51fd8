package org.guildhall.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A meeting of a circle: when, how long, where (a place, a link or both), how many said yes or
 * maybe, and the viewer's own answer (null when they have not answered).
 */
public record CircleEvent(long id, long circleId, String title, Instant startsAt, int durationMinutes,
		@Nullable String place, @Nullable String link, int yes, int maybe, @Nullable Rsvp myAnswer) {
}
