package org.guildhall.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A badge a person earned, on which topic for per-topic badges, and when. */
public record EarnedBadge(Badge badge, @Nullable Topic topic, Instant earnedAt) {

	public String title() {
		return badge.title();
	}

	public String description() {
		return badge.description();
	}
}
