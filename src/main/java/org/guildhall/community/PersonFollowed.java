package org.guildhall.community;

/** Someone started following a colleague. */
public record PersonFollowed(long followerId, long followeeId) {
}
