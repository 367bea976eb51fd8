package org.guildhall.community;

/** Someone voted on a post (value +1 or -1, 0 when they took their vote back). */
public record VoteCast(long postId, long voterId, int value) {
}
