package org.guildhall.community;

/** A question, answer or article was edited; the previous text is kept as a revision. */
public record PostEdited(long postId, PostKind kind, long editorId) {
}
