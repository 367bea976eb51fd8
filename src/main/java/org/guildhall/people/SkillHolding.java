package org.guildhall.people;

/** PLACEHOLDER until the people-history branch lands. */
public record SkillHolding(long personId, long skillId, String skillName, int proficiency, boolean canTeach,
		boolean wantsToLearn) {
}
