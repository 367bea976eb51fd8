package org.guildhall.community;

/** Someone became a member of a circle (joined an open one, or the host approved their request). */
public record CircleJoined(long circleId, long personId) {
}
