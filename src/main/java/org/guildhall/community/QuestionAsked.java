package org.guildhall.community;

/** A question was asked. */
public record QuestionAsked(long questionId, long askerId) {
}
