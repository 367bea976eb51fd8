package org.guildhall.community;

/** An expert asked about a question offered its asker a flash session, with times to pick from. */
public record ExpertSessionOffered(long requestId, long questionId, long expertId, long askerId, String title) {
}
