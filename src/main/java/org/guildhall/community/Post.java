package org.guildhall.community;

import java.time.Instant;
import java.util.List;

import org.guildhall.people.PersonRef;
import org.jspecify.annotations.Nullable;

/**
 * A question, answer or article as a reader sees it. {@code bodyHtml} is the Markdown body rendered
 * and sanitised, safe to insert into a page; {@code myVote} is the reader's own vote (0 for none);
 * {@code editedByModerator} whether the latest version is an administrator's edit of someone else's post.
 */
public record Post(long id, PostKind kind, @Nullable Long questionId, @Nullable String title, String body,
		String bodyHtml, PersonRef author, List<Topic> topics, boolean lessonLearned, int score, int myVote,
		boolean accepted, Instant createdAt, @Nullable Instant editedAt, long version, List<Comment> comments,
		boolean mayEdit, boolean editedByModerator) {
}
