package org.guildhall.community;

/** A colleague thanked another for a skill. */
public record KudosGiven(long kudosId, long giverId, long receiverId, long skillId) {
}
