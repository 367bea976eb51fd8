package org.guildhall.mentorships;

import org.guildhall.community.LessonSources;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the community publish a mentee's "lesson learned" from their mentorship: only the mentee of
 * an active or completed mentorship may name it (an invitation or a declined request has taught
 * nothing yet).
 */
@Component
class MentorshipLessons implements LessonSources {

	private final Mentorships mentorships;

	MentorshipLessons(Mentorships mentorships) {
		this.mentorships = mentorships;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isMentee(long mentorshipId, long personId) {
		return mentorships.find(mentorshipId)
			.filter(m -> m.mentee().id() == personId)
			.filter(m -> m.status() == MentorshipStatus.ACTIVE || m.status() == MentorshipStatus.COMPLETED
					|| m.status() == MentorshipStatus.ENDED_EARLY)
			.isPresent();
	}
}
