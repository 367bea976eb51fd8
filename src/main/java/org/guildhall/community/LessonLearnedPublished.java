package org.guildhall.community;

/** A mentee published a lesson learned from their mentorship. */
public record LessonLearnedPublished(long articleId, long authorId, long mentorshipId) {
}
