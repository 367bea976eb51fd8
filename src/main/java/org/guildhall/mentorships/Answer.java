package org.guildhall.mentorships;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One person's answer to a check-in or survey: a rating from 1 to 5 and an optional comment. */
public record Answer(int rating, @Nullable String comment, Instant answeredAt) {
}
