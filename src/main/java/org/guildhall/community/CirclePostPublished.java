package org.guildhall.community;

/** A member posted in a circle. */
public record CirclePostPublished(long postId, long circleId, long authorId) {
}
