package org.guildhall.community;

/** A question, answer or article was deleted (hidden everywhere, kept for the record). */
public record PostDeleted(long postId, PostKind kind, long deletedByAccountId) {
}
