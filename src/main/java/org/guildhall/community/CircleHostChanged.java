package org.guildhall.community;

/** The host of a circle handed it over to another member. */
public record CircleHostChanged(long circleId, long previousHostId, long newHostId) {
}
