package org.guildhall.people;

/**
 * One skill on a person's profile, read in bulk through {@link PeopleFacts}.
 *
 * @param proficiency 1 (beginner) to 5 (expert)
 */
public record SkillHolding(long personId, long skillId, String skillName, int proficiency, boolean canTeach,
		boolean wantsToLearn) {
}
