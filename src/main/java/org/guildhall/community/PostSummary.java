package org.guildhall.community;

import java.time.Instant;
import java.util.List;

import org.guildhall.people.PersonRef;

/** A line in a list of questions or articles. */
public record PostSummary(long id, PostKind kind, String title, String excerpt, PersonRef author, List<Topic> topics,
		int score, int answerCount, boolean answered, boolean lessonLearned, Instant createdAt) {
}
