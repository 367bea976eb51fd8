package org.guildhall.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A question to ask: a title, a body in Markdown and one to five topics (skill names or aliases). */
public record NewQuestion(@Nullable String title, @Nullable String body, @Nullable List<String> topics) {
}
