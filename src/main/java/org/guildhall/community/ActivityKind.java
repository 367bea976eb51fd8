package org.guildhall.community;

/** What an item of the activity feed reports. */
public enum ActivityKind {
	QUESTION_ASKED, ANSWER_POSTED, ANSWER_ACCEPTED, ARTICLE_PUBLISHED, KUDOS_GIVEN, CIRCLE_POST, CIRCLE_EVENT
}
