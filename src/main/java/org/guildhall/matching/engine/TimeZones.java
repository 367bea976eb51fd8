package org.guildhall.matching.engine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/** Time zones as standard UTC offsets, taken at one fixed date so results never depend on today. */
final class TimeZones {

	/** A person without a time zone. */
	static final int UNKNOWN = Integer.MIN_VALUE;

	private static final Instant REFERENCE = Instant.parse("2025-01-15T12:00:00Z");

	private TimeZones() {
	}

	/**
	 * Offset in minutes of an IANA zone or UTC offset, or {@link #UNKNOWN} for {@code null}.
	 *
	 * @param role and {@code id} name the person in the message when the zone is not one
	 */
	static int offsetMinutes(String zone, String role, String id) {
		if (zone == null || zone.isBlank()) {
			return UNKNOWN;
		}
		try {
			return ZoneId.of(zone.trim()).getRules().getStandardOffset(REFERENCE).getTotalSeconds() / 60;
		}
		catch (DateTimeException e) {
			throw new InvalidProblemException(role + " '" + id + "': timeZone: '" + zone + "' is not a time zone (use e.g. Europe/Berlin or UTC+05:30)");
		}
	}

	/** Hours in which two 09:00–17:00 working days overlap (0–8). */
	static double overlapHours(int a, int b) {
		if (a == UNKNOWN || b == UNKNOWN) {
			return 0;
		}
		int diff = Math.abs(a - b) % (24 * 60);
		diff = Math.min(diff, 24 * 60 - diff);
		return Math.max(0, 8 * 60 - diff) / 60.0;
	}
}
