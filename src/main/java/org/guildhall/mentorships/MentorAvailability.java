package org.guildhall.mentorships;

import org.jspecify.annotations.Nullable;

/**
 * A person's mentoring as it stands now, for their profile: whether they are open to mentoring,
 * how many people they mentor (requests and invitations included), how many direct-request places
 * are free, the viewer's own live mentorship with them, if any, and whether the two share a
 * reporting line (then the viewer cannot ask: mentors come from outside it).
 */
public record MentorAvailability(long personId, String fullName, boolean open, int capacity, int mentoringNow, int freePlaces,
		@Nullable Mentorship withViewer, boolean inViewersReportingLine) {

	/** Whether the viewer may ask this person to be their mentor now. */
	public boolean mayAsk(boolean viewerIsThePerson) {
		return open && freePlaces > 0 && withViewer == null && !viewerIsThePerson && !inViewersReportingLine;
	}
}
