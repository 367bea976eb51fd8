package org.guildhall.community;

/** An article (or a lesson learned) was published. */
public record ArticlePublished(long articleId, long authorId, boolean lessonLearned) {
}
