package org.guildhall.community;

/** A comment was added under a post. */
public record CommentAdded(long commentId, long postId, long authorId) {
}
