package org.guildhall.mentorships;

import java.util.List;

/**
 * A reminder is due for the people of a mentorship: they have not met within their agreed cadence,
 * a survey waits for their answer, or an invitation or request waits for an answer. Published at
 * most once per reason and mentorship per reminder period by the scheduled nudge job.
 */
public record NudgeDue(long mentorshipId, long programmeId, List<Long> recipientIds, Reason reason, String detail) {

	public enum Reason {
		NOT_MET, SURVEY_DUE, CHECK_IN_DUE, INVITATION_WAITING, REQUEST_WAITING
	}
}
