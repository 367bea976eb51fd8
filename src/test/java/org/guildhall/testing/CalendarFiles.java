package org.guildhall.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.ValidationWarnings;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Reads an iCalendar text back the way a calendar client would, for assertions. Every text is held
 * to RFC 5545 twice over: ical4j's strict parser and validator (with the iTIP rules of its METHOD),
 * and biweekly, an independent parser, must both read it without a warning and agree on the event.
 */
public final class CalendarFiles {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private CalendarFiles() {
	}

	/** The parsed calendar; fails the test if the text is not valid iCalendar (RFC 5545) for either parser. */
	public static Calendar parse(String ics) {
		Calendar calendar = strictIcal4j(ics);
		ICalendar second = biweekly(ics);
		if (second.getEvents().size() != calendar.getComponents("VEVENT").size()) {
			throw new AssertionError("the two parsers read a different number of events\n" + ics);
		}
		for (int i = 0; i < second.getEvents().size(); i++) {
			biweekly.component.VEvent other = second.getEvents().get(i);
			VEvent event = calendar.<VEvent>getComponents("VEVENT").get(i);
			if (!other.getUid().getValue().equals(value(event, "UID"))
					|| !other.getDateStart().getValue().toInstant().equals(start(event))) {
				throw new AssertionError("the two parsers disagree on UID or DTSTART\n" + ics);
			}
		}
		return calendar;
	}

	private static Calendar strictIcal4j(String ics) {
		try {
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			ValidationResult result = calendar.validate(true);
			if (result.hasErrors()) {
				throw new AssertionError("ical4j finds the text invalid: " + result + "\n" + ics);
			}
			return calendar;
		}
		catch (ValidationException e) {
			throw new AssertionError("ical4j finds the text invalid: " + e.getMessage() + "\n" + ics, e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ParserException e) {
			throw new AssertionError("not a valid iCalendar text: " + e.getMessage() + "\n" + ics, e);
		}
	}

	private static ICalendar biweekly(String ics) {
		List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
		List<ICalendar> calendars = Biweekly.parse(ics).warnings(warnings).all();
		if (calendars.size() != 1) {
			throw new AssertionError("biweekly reads " + calendars.size() + " calendars\n" + ics);
		}
		if (warnings.stream().anyMatch(w -> !w.isEmpty())) {
			throw new AssertionError("biweekly warns while parsing: " + warnings + "\n" + ics);
		}
		ValidationWarnings problems = calendars.get(0).validate(ICalVersion.V2_0);
		if (!problems.isEmpty()) {
			throw new AssertionError("biweekly finds the text invalid: " + problems + "\n" + ics);
		}
		return calendars.get(0);
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
