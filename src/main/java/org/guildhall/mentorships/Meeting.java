package org.guildhall.mentorships;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A meeting as one of the pair sees it: its start in the mentor's and the mentee's own time zone,
 * the shared notes both see, the viewer's own private note (never the other person's), and the
 * check-in after it. {@code forGroup}: the mentor's meeting with their whole group (one calendar
 * event; notes and check-ins stay this pair's).
 */
public record Meeting(long id, long organiserId, Instant startsAt, int minutes, @Nullable String place, String uid,
		int sequence, boolean cancelled, ZonedDateTime mentorLocal, ZonedDateTime menteeLocal,
		@Nullable String sharedNotes, long sharedNotesVersion, @Nullable String myPrivateNote, boolean past,
		Feedback checkIn, boolean forGroup) {
}
