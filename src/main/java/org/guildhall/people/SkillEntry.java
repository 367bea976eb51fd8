package org.guildhall.people;

/** One skill on a profile: how well the person knows it and whether they teach it or want to learn it. */
public record SkillEntry(long skillId, String name, int proficiency, boolean canTeach, boolean wantsToLearn) {
}
