package org.guildhall.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Reads an iCalendar text back the way a calendar client would, for assertions. */
public final class CalendarFiles {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private CalendarFiles() {
	}

	/** The parsed calendar; fails the test if the text is not valid iCalendar. */
	public static Calendar parse(String ics) {
		try {
			return new CalendarBuilder().build(new StringReader(ics));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ParserException e) {
			throw new AssertionError("not a valid iCalendar text: " + e.getMessage() + "\n" + ics, e);
		}
	}

	/** The calendar's one event. */
	public static VEvent event(Calendar calendar) {
		List<VEvent> events = calendar.getComponents("VEVENT");
		if (events.size() != 1) {
			throw new AssertionError("expected one VEVENT, found " + events.size());
		}
		return events.get(0);
	}

	/** The value of a property of the event, e.g. "UID" or "ORGANIZER". */
	public static String value(VEvent event, String name) {
		return event.<Property>getProperty(name).orElseThrow(() -> new AssertionError("no " + name + " in the event")).getValue();
	}

	/** When the event starts (DTSTART in UTC, as written by Guildhall). */
	public static Instant start(VEvent event) {
		return UTC.parse(value(event, "DTSTART"), Instant::from);
	}

	/** How long the event lasts, from DURATION or DTEND. */
	public static Duration length(VEvent event) {
		return event.<Property>getProperty("DURATION").map(d -> Duration.parse(d.getValue()))
			.orElseGet(() -> Duration.between(start(event), UTC.parse(value(event, "DTEND"), Instant::from)));
	}

	/** Every ATTENDEE with its PARTSTAT, as "mailto:someone@example.com PARTSTAT". */
	public static List<String> attendees(VEvent event) {
		return event.<Property>getProperties("ATTENDEE").stream()
			.map(a -> a.getValue() + " " + a.getParameter("PARTSTAT").map(p -> p.getValue()).orElse("?"))
			.toList();
	}
}
