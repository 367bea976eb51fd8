package org.guildhall.mentorships;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a mentorship is going, 0–100, with the parts it is made of explained in words. A pair is
 * {@code quiet} when it has not met within its agreed cadence, or never met some days after starting.
 * See docs/mentorships.md for the formula.
 */
public record Health(int score, List<Part> parts, boolean quiet, @Nullable String quietReason) {

	public record Part(String name, int points, int outOf, String explanation) {
	}
}
