package org.guildhall.mentorships;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A meeting was scheduled, moved or cancelled. {@code calendar} is the iCalendar text to send to
 * the attendee (METHOD:REQUEST, or METHOD:CANCEL when cancelled); its UID stays the same for the
 * life of the meeting so calendars update the one entry.
 */
public record MeetingChanged(long meetingId, long mentorshipId, long organiserId, long attendeeId, Change change,
		Instant startsAt, int minutes, @Nullable String place, String calendar) {

	public enum Change {
		SCHEDULED, RESCHEDULED, CANCELLED
	}
}
