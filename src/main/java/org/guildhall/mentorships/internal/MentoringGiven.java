package org.guildhall.mentorships.internal;

import org.guildhall.community.ExpertFinder;
import org.guildhall.mentorships.MentorshipEnded;
import org.guildhall.mentorships.MentorshipStarted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mentoring given is evidence for the community's expert finder: when a mentorship starts or ends,
 * the mentor's evidence is rewritten. Synchronous listeners, so this happens inside the transaction
 * that changed the mentorship (whoever published the event: a person's answer, the flash-session
 * job) and commits with it or not at all. The listener lives here, not in the community module,
 * because the mentorships module already depends on the community one; listening there would make
 * a cycle.
 */
@Component
class MentoringGiven {

	private final ExpertFinder experts;

	MentoringGiven(ExpertFinder experts) {
		this.experts = experts;
	}

	@EventListener
	void on(MentorshipStarted event) {
		experts.mentoringChanged(event.mentorId());
	}

	@EventListener
	void on(MentorshipEnded event) {
		experts.mentoringChanged(event.mentorId());
	}
}
