package org.guildhall.community;

/** What a post is: a question, an answer to a question, or an article (which may be a lesson learned). */
public enum PostKind {
	QUESTION, ANSWER, ARTICLE
}
