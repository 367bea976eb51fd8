package org.guildhall.people;

/**
 * A suggested skill was folded into an approved one: everyone who declared the suggestion now
 * declares {@code intoSkillId} (at the higher proficiency if they had both).
 */
public record SkillMerged(long suggestedSkillId, long intoSkillId) {
}
