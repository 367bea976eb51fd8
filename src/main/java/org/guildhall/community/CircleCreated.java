package org.guildhall.community;

/** A learning circle was created; its creator is its host. */
public record CircleCreated(long circleId, long hostId, long skillId) {
}
