package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Reads the .ics text a meeting produces, as a calendar program would (held to RFC 5545 by two parsers). */
final class CalendarFiles {

	private CalendarFiles() {
	}

	/** The one event of the calendar, after checking its METHOD. */
	static VEvent event(String ics, String method) throws Exception {
		Calendar calendar = org.guildhall.testing.CalendarFiles.parse(ics);
		assertThat(calendar.<Property>getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
		return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
	}

	static String value(VEvent event, String property) {
		return event.<Property>getProperty(property).orElseThrow().getValue();
	}

	/** Every ATTENDEE (mailto address) of the event. */
	static List<String> attendees(VEvent event) {
		return event.<Property>getProperties(Property.ATTENDEE).stream().map(Property::getValue).toList();
	}
}
