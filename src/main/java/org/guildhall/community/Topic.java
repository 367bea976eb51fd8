package org.guildhall.community;

/** A topic of a post or the skill of a kudos: a skill of the taxonomy. */
public record Topic(long skillId, String name) {
}
