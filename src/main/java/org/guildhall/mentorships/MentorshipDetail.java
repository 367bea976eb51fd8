package org.guildhall.mentorships;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything one of the pair sees about their mentorship. {@code group}: in a group programme, the
 * names of the mentor's other mentees (nothing else about them); empty otherwise.
 */
public record MentorshipDetail(Mentorship mentorship, Role viewerRole, List<Goal> goals, List<Meeting> meetings,
		List<Survey> surveys, @Nullable Health health, List<String> group) {

	public enum Role {
		MENTOR, MENTEE
	}

	/**
	 * A survey as the viewer sees it, whether it is due now, and when it opens ({@code opensAt}: half
	 * the planned weeks in for the mid-point, a week before the planned end for the final one).
	 */
	public record Survey(SurveyKind kind, boolean due, boolean open, Feedback feedback, java.time.@Nullable Instant opensAt) {
	}
}
