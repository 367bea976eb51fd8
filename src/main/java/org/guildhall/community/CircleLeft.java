package org.guildhall.community;

/** Someone left a circle or was removed from it. */
public record CircleLeft(long circleId, long personId) {
}
