package org.guildhall.community;

import java.time.Instant;

/** The host scheduled a circle event. */
public record CircleEventScheduled(long eventId, long circleId, long scheduledBy, String title, Instant startsAt) {
}
