package org.guildhall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Calendar;

import org.guildhall.testing.CalendarFiles;
import org.junit.jupiter.api.Test;

/**
 * Every kind of .ics Guildhall makes (an invitation, a change, a cancellation; with a room, a
 * link, or neither) is valid RFC 5545 for ical4j's strict validator and for biweekly.
 */
class CalendarsTest {

	private static final Instant STAMP = Instant.parse("2026-12-07T10:15:00Z");

	private static Calendars.Meeting meeting(int sequence, boolean cancelled, String place, String link) {
		return new Calendars.Meeting("meeting-7@guildhall", sequence, cancelled, Instant.parse("2026-12-09T14:00:00Z"), 45,
				place, link, "Mentoring: Ann Okafor and Bo Ek", "Agenda: first goals", new Calendars.Person("bo@example.com", "Bo Ek"),
				List.of(new Calendars.Person("ann@example.com", "Ann Okafor", Calendars.Answer.ACCEPTED),
						new Calendars.Person("cy@example.com", "Cy Berg")));
	}

	@Test
	void everyVariantReadsCleanlyInTwoIndependentParsers() {
		for (Calendars.Meeting m : List.of(meeting(0, false, "Room 4", null), meeting(1, false, null, "https://meet.example.com/abc"),
				meeting(2, false, null, null), meeting(3, true, "Room 4", "https://meet.example.com/abc"))) {
			String ics = Calendars.invitation(m, STAMP);
			Calendar calendar = CalendarFiles.parse(ics);
			assertThat(CalendarFiles.value(CalendarFiles.event(calendar), "UID")).isEqualTo("meeting-7@guildhall");
		}
	}

	@Test
	void anEventHasExactlyOneDtstampTheTimeTheFileWasMade() {
		String ics = Calendars.invitation(meeting(0, false, "Room 4", null), STAMP);
		assertThat(Pattern.compile("^DTSTAMP", Pattern.MULTILINE).matcher(ics).results().count())
			.as("RFC 5545 3.6.1: DTSTAMP MUST NOT occur more than once\n" + ics).isEqualTo(1);
		assertThat(ics).contains("DTSTAMP:20261207T101500Z");
		assertThat(ics).as("lines end in CRLF").contains("\r\n").doesNotContainPattern("[^\r]\n");
	}
}
