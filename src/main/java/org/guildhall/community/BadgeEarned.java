package org.guildhall.community;

import org.jspecify.annotations.Nullable;

/** Someone earned a badge (each badge once, per topic for the per-topic ones). */
public record BadgeEarned(long personId, Badge badge, @Nullable Long skillId) {
}
