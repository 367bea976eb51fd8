package org.guildhall.community;

/** An answer was posted to a question. */
public record AnswerPosted(long answerId, long questionId, long authorId) {
}
