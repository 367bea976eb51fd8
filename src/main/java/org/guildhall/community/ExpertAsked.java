package org.guildhall.community;

/** A question was routed to an expert who is asked to answer it (ask an expert). */
public record ExpertAsked(long questionId, long expertId, long askerId, String title) {
}
