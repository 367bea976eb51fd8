package org.guildhall.notifications.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guildhall.mentorships.MeetingChanged;
import org.guildhall.mentorships.MentorshipDeclined;
import org.guildhall.mentorships.MentorshipEnded;
import org.guildhall.mentorships.MentorshipInvited;
import org.guildhall.mentorships.MentorshipStarted;
import org.guildhall.mentorships.NudgeDue;
import org.guildhall.notifications.Category;
import org.guildhall.notifications.internal.Notifier.Attachment;
import org.guildhall.notifications.internal.Notifier.Message;
import org.guildhall.notifications.internal.Recipients.Names;
import org.guildhall.people.Profile;
import org.guildhall.programmes.MatchingRunFinished;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Mentorship and programme events turned into notifications for the people concerned. Each runs
 * after the publishing transaction committed and is kept in the event publication registry until
 * it completes. The listener itself is not one transaction: each notification is written in its
 * own ({@link Notifier#notify}), and a look-up that finds nothing (a draft programme, a deleted
 * question) cannot doom the others. A listener that fails half-way is delivered again, and the
 * notifications already written are not repeated (their source key).
 */
@Component
class MentoringListeners {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
	private static final Pattern METHOD = Pattern.compile("(?m)^METHOD:([A-Za-z-]+)\\s*$");

	private final Notifier notifier;
	private final Recipients recipients;
	private final ProgrammeManagement programmes;
	private final MatchingRuns runs;

	MentoringListeners(Notifier notifier, Recipients recipients, ProgrammeManagement programmes, MatchingRuns runs) {
		this.notifier = notifier;
		this.recipients = recipients;
		this.programmes = programmes;
		this.runs = runs;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MentorshipInvited event) {
		Names names = recipients.names(List.of(event.mentorId(), event.menteeId()));
		String mentee = names.of(event.menteeId());
		String mentor = names.of(event.mentorId());
		String link = mentorship(event.mentorshipId());
		String programme = programmeName(event.programmeId());
		String key = "mentorship-invited:" + event.mentorshipId();
		if (event.requested()) {
			notifier.notify(new Message(event.mentorId(), Category.MENTORING, key, mentee + " asks you to be their mentor",
					mentee + " would like you as their mentor in " + programme + ". Accept or decline the request on the mentorship page.",
					link));
			return;
		}
		notifier.notify(new Message(event.mentorId(), Category.MENTORING, key, "You are invited to mentor " + mentee,
				programme + " matched you with " + mentee + " as their mentor. Accept or decline on the mentorship page.", link));
		notifier.notify(new Message(event.menteeId(), Category.MENTORING, key, "You are matched with " + mentor + " as your mentor",
				programme + " matched you with " + mentor + ". Accept or decline on the mentorship page.", link));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MentorshipStarted event) {
		Names names = recipients.names(List.of(event.mentorId(), event.menteeId()));
		String key = "mentorship-started:" + event.mentorshipId();
		String link = mentorship(event.mentorshipId());
		notifier.notify(new Message(event.mentorId(), Category.MENTORING, key,
				"Your mentorship of " + names.of(event.menteeId()) + " has started",
				"You and " + names.of(event.menteeId()) + " both accepted. Agree how often you meet and set the first goals.", link));
		notifier.notify(new Message(event.menteeId(), Category.MENTORING, key,
				"Your mentorship with " + names.of(event.mentorId()) + " has started",
				"You and " + names.of(event.mentorId()) + " both accepted. Agree how often you meet and set your first goals.", link));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MentorshipDeclined event) {
		Names names = recipients.names(List.of(event.mentorId(), event.menteeId(), event.declinedBy()));
		String who = names.of(event.declinedBy());
		String reason = event.reason() == null || event.reason().isBlank() ? "No reason was given."
				: "Their reason: " + event.reason().strip();
		String key = "mentorship-declined:" + event.mentorshipId();
		for (long person : List.of(event.mentorId(), event.menteeId())) {
			if (person != event.declinedBy()) {
				notifier.notify(new Message(person, Category.MENTORING, key, who + " declined the mentorship",
						who + " declined the mentorship in " + programmeName(event.programmeId()) + ". " + reason,
						mentorship(event.mentorshipId())));
			}
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MentorshipEnded event) {
		Names names = recipients.names(List.of(event.mentorId(), event.menteeId()));
		String key = "mentorship-ended:" + event.mentorshipId();
		String reason = event.reason() == null || event.reason().isBlank() ? "" : " Reason: " + event.reason().strip();
		for (long person : List.of(event.mentorId(), event.menteeId())) {
			String other = names.of(person == event.mentorId() ? event.menteeId() : event.mentorId());
			String title = event.completed() ? "Your mentorship with " + other + " is complete"
					: "Your mentorship with " + other + " ended early";
			String survey = event.finalSurvey() ? " Please share your feedback in the final survey." : "";
			String body = event.completed() ? "Congratulations on finishing." + survey
					: "The mentorship ended before its planned end." + reason + survey;
			notifier.notify(new Message(person, Category.MENTORING, key, title, body, mentorship(event.mentorshipId())));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MeetingChanged event) {
		String organiser = recipients.names(List.of(event.organiserId())).of(event.organiserId());
		ZoneId zone = recipients.active(event.attendeeId()).map(MentoringListeners::zoneOf).orElse(ZoneOffset.UTC);
		String when = WHEN.format(ZonedDateTime.ofInstant(event.startsAt(), zone)) + " (" + zone.getId() + ")";
		String details = when + ", " + event.minutes() + " minutes"
				+ (event.place() == null || event.place().isBlank() ? "" : ", " + event.place().strip());
		String method = method(event.calendar(), event.change());
		String title = switch (event.change()) {
			case SCHEDULED -> organiser + " invited you to a meeting on " + when;
			case RESCHEDULED -> organiser + " moved your meeting to " + when;
			case CANCELLED -> organiser + " cancelled the meeting on " + when;
		};
		String body = switch (event.change()) {
			case SCHEDULED -> "Meeting: " + details + ". The invitation is attached; add it to your calendar.";
			case RESCHEDULED -> "The meeting is now: " + details + ". The updated invitation is attached.";
			case CANCELLED -> "The meeting (" + details + ") is cancelled. The attached cancellation removes it from your calendar.";
		};
		String key = "meeting:" + event.meetingId() + ":" + event.change() + ":" + Sha256.hex(event.calendar()).substring(0, 16);
		notifier.notify(new Message(event.attendeeId(), Category.MENTORING, key, title, body, mentorship(event.mentorshipId()),
				new Attachment("invite.ics", "text/calendar; charset=UTF-8; method=" + method, event.calendar())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NudgeDue event) {
		String title = switch (event.reason()) {
			case NOT_MET -> "Time to meet: your mentoring pair has not met for a while";
			case SURVEY_DUE -> "A mentoring survey waits for your answer";
			case CHECK_IN_DUE -> "Your check-in after the last meeting is due";
			case INVITATION_WAITING -> "A mentoring invitation waits for your answer";
			case REQUEST_WAITING -> "A mentee's request waits for your answer";
		};
		// nudges repeat by design, at most once per reason and period: the day keeps a redelivery from repeating one
		String key = "nudge:" + event.mentorshipId() + ":" + event.reason() + ":" + java.time.LocalDate.now(ZoneOffset.UTC);
		for (long person : event.recipientIds()) {
			notifier.notify(new Message(person, Category.MENTORING, key, title,
					event.detail().isBlank() ? title + "." : event.detail(), mentorship(event.mentorshipId())));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MatchingRunFinished event) {
		String startedBy;
		try {
			startedBy = runs.latest(event.programmeId(), Recipients.RUN_READER).filter(r -> r.id() == event.runId())
				.map(r -> r.startedBy()).orElse(null);
		}
		catch (NotFoundException e) {
			return;
		}
		if (startedBy == null) {
			return; // a newer run already replaced it, or it is gone: its starter hears about the newer one
		}
		recipients.personWithEmail(startedBy).ifPresent(person -> {
			String programme = programmeName(event.programmeId());
			notifier.notify(new Message(person, Category.MENTORING, "matching-run:" + event.runId(),
					event.succeeded() ? "The matching run for " + programme + " finished"
							: "The matching run for " + programme + " failed",
					event.succeeded() ? "Review the proposed pairs, pin or forbid pairs and re-run, then publish."
							: "Nothing was proposed. The programme page says why; change the pins and bans or try again.",
					"/programmes/" + event.programmeId()));
		});
	}

	private String programmeName(long programmeId) {
		try {
			return programmes.programme(programmeId, Recipients.SYSTEM).name();
		}
		catch (NotFoundException e) {
			return "the programme";
		}
	}

	private static String mentorship(long mentorshipId) {
		return "/mentorships/" + mentorshipId;
	}

	private static ZoneId zoneOf(Profile profile) {
		try {
			return ZoneId.of(profile.timeZone());
		}
		catch (DateTimeException e) {
			return ZoneOffset.UTC;
		}
	}

	/** The iCalendar METHOD the text declares (REQUEST or CANCEL), else the one its change implies. */
	static String method(String calendar, MeetingChanged.@Nullable Change change) {
		Matcher matcher = METHOD.matcher(calendar);
		if (matcher.find()) {
			return matcher.group(1).toUpperCase(Locale.ROOT);
		}
		return change == MeetingChanged.Change.CANCELLED ? "CANCEL" : "REQUEST";
	}
}
