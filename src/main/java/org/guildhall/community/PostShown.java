package org.guildhall.community;

/** A hidden question, answer or article is shown again (search, reputation and expertise take it back in). */
public record PostShown(long postId, PostKind kind) {
}
