package org.guildhall.community;

import java.time.Instant;

/**
 * One "learned from" link between two people that the community saw happen: {@code learner}
 * learned from {@code teacher}. {@code source} names what made the link ({@code answer:<questionId>},
 * {@code kudos:<kudosId>}, {@code circle:<circleId>}, {@code expert:<requestId>}), so a read model can
 * replace the links of one source when it changes.
 */
public record LearningLink(String source, Kind kind, long learnerId, long teacherId, Instant at) {

	public enum Kind {
		/** The asker accepted the teacher's answer. */
		ANSWER,
		/** The learner thanked the teacher for a skill. */
		KUDOS,
		/** The learner is a member of a circle the teacher hosts. */
		CIRCLE,
		/** The teacher agreed an ask-an-expert session with the learner. */
		EXPERT_SESSION
	}
}
