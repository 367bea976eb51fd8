package org.guildhall.community.internal;

import org.guildhall.people.ProfileUpdated;
import org.guildhall.people.SkillMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the declarations in the expert finder's evidence in step with profiles, and the mentoring
 * given with what mentees want to learn. These listeners run synchronously, inside the transaction
 * that changed the profile or the taxonomy, so the evidence commits with the change or not at all
 * (changes to posts and kudos are handled where they are written, in {@link PostStore} and
 * {@code KudosBoard}; mentorships that start or end are reported by the mentorships module through
 * {@code ExpertFinder.mentoringChanged}). An HR import rebuilds the search index, and with it all of
 * the evidence.
 */
@Component
class ExpertiseUpdates {

	private final ExpertiseStore expertise;

	ExpertiseUpdates(ExpertiseStore expertise) {
		this.expertise = expertise;
	}

	@EventListener
	void on(ProfileUpdated event) {
		expertise.recomputeWithMentorsOf(event.personId());
	}

	@EventListener
	void on(SkillMerged event) {
		expertise.recomputeAfterMerge(event.suggestedSkillId(), event.intoSkillId());
	}
}
