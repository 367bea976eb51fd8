package org.guildhall.shared;

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
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.jspecify.annotations.Nullable;

/**
 * iCalendar (RFC 5545) invitations to one meeting: METHOD:REQUEST with UID, ORGANIZER, ATTENDEE and
 * SEQUENCE. A change keeps the UID with a higher SEQUENCE, and a cancellation is METHOD:CANCEL with
 * the same UID, so the attendee's calendar updates or removes its one entry. Used for mentoring
 * meetings, flash mentoring sessions and circle events.
 */
public final class Calendars {

	private Calendars() {
	}

	/** Someone taking part: e-mail, display name and, for attendees, their answer so far. */
	public record Person(String email, String name, Answer answer) {

		public Person(String email, String name) {
			this(email, name, Answer.NEEDS_ACTION);
		}
	}

	/** An attendee's participation status (PARTSTAT). */
	public enum Answer {
		NEEDS_ACTION, ACCEPTED, TENTATIVE, DECLINED
	}

	/**
	 * One meeting. {@code uid} must stay the same for the life of the meeting (for example
	 * {@code "circle-event-42@guildhall"}); {@code sequence} grows with each change.
	 */
	public record Meeting(String uid, int sequence, boolean cancelled, Instant startsAt, int minutes, @Nullable String place,
			@Nullable String link, String summary, String description, Person organiser, List<Person> attendees) {
	}

	/** The meeting as an iCalendar text (METHOD:REQUEST, or METHOD:CANCEL when cancelled). */
	public static String invitation(Meeting meeting, Instant stamp) {
		VEvent event = new VEvent(meeting.startsAt(), Duration.ofMinutes(meeting.minutes()), meeting.summary());
		event.add(new Uid(meeting.uid()));
		// ical4j's VEvent constructor already stamps the event with the clock's time; RFC 5545 allows
		// one DTSTAMP per component, so ours (the application clock's) replaces it
		event.replace(new DtStamp(stamp));
		event.add(new Sequence(meeting.sequence()));
		Property status = meeting.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED;
		event.add(status);
		String where = meeting.place() != null ? meeting.place() : meeting.link();
		if (where != null) {
			event.add(new Location(where));
		}
		if (meeting.link() != null) {
			event.add(new Url(URI.create(meeting.link())));
		}
		event.add(new Description(meeting.description()));
		Organizer organizer = new Organizer(mailto(meeting.organiser().email()));
		organizer.add(new Cn(meeting.organiser().name()));
		event.add(organizer);
		for (Person attendee : meeting.attendees()) {
			Attendee guest = new Attendee(mailto(attendee.email()));
			guest.add(new Cn(attendee.name()));
			guest.add(Role.REQ_PARTICIPANT);
			guest.add(switch (attendee.answer()) {
				case NEEDS_ACTION -> PartStat.NEEDS_ACTION;
				case ACCEPTED -> PartStat.ACCEPTED;
				case TENTATIVE -> PartStat.TENTATIVE;
				case DECLINED -> PartStat.DECLINED;
			});
			guest.add(Rsvp.TRUE);
			event.add(guest);
		}
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Guildhall//Guildhall//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(meeting.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
		calendar.add(event);
		return calendar.toString();
	}

	private static URI mailto(String email) {
		return URI.create("mailto:" + email.replace(" ", ""));
	}
}
