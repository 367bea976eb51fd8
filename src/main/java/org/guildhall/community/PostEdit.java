package org.guildhall.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A change to a post. Answers have no title or topics (leave them null); {@code version} is the
 * version that was read, so that an edit made meanwhile is not overwritten.
 */
public record PostEdit(@Nullable String title, @Nullable String body, @Nullable List<String> topics, long version) {
}
