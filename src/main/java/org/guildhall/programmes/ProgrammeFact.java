package org.guildhall.programmes;

import java.time.Instant;

/** A programme as read models need it: who owns it, its format, status and planned length. */
public record ProgrammeFact(long id, String name, ProgrammeFormat format, ProgrammeStatus status, int durationWeeks,
		long ownerAccountId, Instant createdAt) {
}
