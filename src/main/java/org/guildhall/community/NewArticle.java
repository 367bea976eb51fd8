package org.guildhall.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** An article to publish, in Markdown; a lesson learned is an article about something that went wrong or right. */
public record NewArticle(@Nullable String title, @Nullable String body, @Nullable List<String> topics,
		boolean lessonLearned) {
}
