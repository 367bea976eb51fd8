package org.guildhall.community;

/**
 * An expert's open request was closed because the asker no longer needs it: a session was agreed
 * with another expert, or an answer to the question was accepted.
 */
public record ExpertRequestClosed(long requestId, long questionId, long expertId, long askerId, String title, Reason reason) {

	public enum Reason {
		SESSION_AGREED_WITH_ANOTHER_EXPERT, ANSWER_ACCEPTED
	}
}
