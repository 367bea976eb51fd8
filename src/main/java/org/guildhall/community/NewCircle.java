package org.guildhall.community;

import org.jspecify.annotations.Nullable;

/**
 * A learning circle to create, or the new details of one: a name (3–100 characters, unique), a
 * description (at most 2,000), a topic (a skill of the taxonomy) and how people join.
 */
public record NewCircle(@Nullable String name, @Nullable String description, @Nullable String topic,
		@Nullable Admission admission) {
}
