package org.guildhall.programmes;

/** A programme someone takes part in, with their enrolment. */
public record Participation(Programme programme, Enrolment enrolment) {

	/** Whether this mentee should now choose a mentor (self-select open, no mentor yet). */
	public boolean choosingMentor() {
		return enrolment.status() == EnrolmentStatus.ACTIVE && enrolment.role().learns() && !enrolment.placed()
				&& MentorRecommendations.open(programme);
	}
}
