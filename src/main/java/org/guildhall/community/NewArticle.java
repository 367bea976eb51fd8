package org.guildhall.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An article to publish, in Markdown; a lesson learned is an article about something that went
 * wrong or right. A lesson learned may name the mentorship it comes from ({@code mentorshipId});
 * only the mentee of that mentorship may do so (see {@link LessonSources}).
 */
public record NewArticle(@Nullable String title, @Nullable String body, @Nullable List<String> topics,
		boolean lessonLearned, @Nullable Long mentorshipId) {

	public NewArticle(@Nullable String title, @Nullable String body, @Nullable List<String> topics, boolean lessonLearned) {
		this(title, body, topics, lessonLearned, null);
	}
}
