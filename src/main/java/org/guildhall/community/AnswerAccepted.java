package org.guildhall.community;

/** The asker accepted an answer to their question. */
public record AnswerAccepted(long answerId, long questionId, long answererId, long askerId) {
}
