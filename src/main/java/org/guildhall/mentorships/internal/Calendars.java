package org.guildhall.mentorships.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.jspecify.annotations.Nullable;

/**
 * iCalendar (RFC 5545) invitations for meetings: METHOD:REQUEST with UID, ORGANIZER, ATTENDEE (one per
 * mentee for a group meeting) and
 * SEQUENCE; a change keeps the UID with a higher SEQUENCE, and a cancellation is METHOD:CANCEL with
 * the same UID, so the attendee's calendar updates or removes its one entry.
 */
public final class Calendars {

	private Calendars() {
	}

	/** Who takes part: e-mail and display name. */
	public record Person(String email, String name) {
	}

	public static String invitation(String uid, int sequence, boolean cancelled, Instant startsAt, int minutes,
			@Nullable String place, String summary, Person organiser, List<Person> attendees, Instant stamp) {
		VEvent event = new VEvent(startsAt, Duration.ofMinutes(minutes), summary);
		event.add(new Uid(uid));
		event.add(new DtStamp(stamp));
		event.add(new Sequence(sequence));
		Property status = cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED;
		event.add(status);
		if (place != null) {
			event.add(new Location(place));
		}
		event.add(new Description(attendees.size() > 1 ? "Group mentoring meeting arranged in Guildhall."
				: "Mentoring meeting arranged in Guildhall."));
		Organizer organizer = new Organizer(mailto(organiser.email()));
		organizer.add(new Cn(organiser.name()));
		event.add(organizer);
		for (Person attendee : attendees) {
			Attendee guest = new Attendee(mailto(attendee.email()));
			guest.add(new Cn(attendee.name()));
			guest.add(Role.REQ_PARTICIPANT);
			guest.add(PartStat.NEEDS_ACTION);
			guest.add(Rsvp.TRUE);
			event.add(guest);
		}
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Guildhall//Mentorships//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
		calendar.add(event);
		return calendar.toString();
	}

	private static URI mailto(String email) {
		return URI.create("mailto:" + email.replace(" ", ""));
	}
}
