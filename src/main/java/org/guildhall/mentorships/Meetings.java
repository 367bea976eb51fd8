package org.guildhall.mentorships;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guildhall.shared.Calendars;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of a mentorship: scheduled by either person (the organiser; the other is the attendee),
 * moved or cancelled by either. Every change publishes {@link MeetingChanged} with an iCalendar
 * invitation that keeps the meeting's UID and raises its SEQUENCE. After a meeting has started it
 * takes notes: shared notes both people see and edit, and one private note per person that only
 * its author ever sees.
 */
@Service
public class Meetings {

	public static final int MAX_NOTES = 8000;
	public static final int MAX_MEETINGS = 200;
	/** Meetings may be recorded up to this long after they happened, and planned up to two years ahead. */
	public static final Duration RECORD_PAST = Duration.ofDays(90);
	public static final Duration PLAN_AHEAD = Duration.ofDays(730);

	private final JdbcClient jdbc;
	private final Mentorships mentorships;
	private final CheckIns checkIns;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	Meetings(JdbcClient jdbc, Mentorships mentorships, CheckIns checkIns, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.mentorships = mentorships;
		this.checkIns = checkIns;
		this.events = events;
	}

	/** What a meeting is: when, how long, where (a room or a link). */
	public record Schedule(@Nullable Instant startsAt, @Nullable Integer minutes, @Nullable String place) {
	}

	/**
	 * Schedules one meeting for the mentor's whole group (group programmes only, by the mentor): one
	 * calendar event with every mentee of an active mentorship of the group as attendee and one UID,
	 * recorded for each of their mentorships so that each pair's cadence and health count it. Notes and
	 * check-ins on it stay each pair's own. Each mentee receives the invitation.
	 */
	@Transactional
	public Meeting scheduleForGroup(long mentorshipId, CurrentUser user, Schedule schedule) {
		Mentorship m = active(mentorshipId, user, "schedule meetings");
		requireGroupMentor(m, user, "schedules");
		Instant now = clock.instant();
		Schedule clean = check(schedule, now);
		List<Long> group = jdbc.sql("SELECT id FROM mentorship WHERE programme_id = ? AND mentor_id = ? AND status = 'ACTIVE' ORDER BY id")
			.params(m.programmeId(), m.mentor().id()).query(Long.class).list();
		for (long member : group) {
			long count = jdbc.sql("SELECT COUNT(*) FROM meeting WHERE mentorship_id = ?").param(member).query(Long.class).single();
			if (count >= MAX_MEETINGS) {
				throw new ConflictException("A mentorship of the group already has " + MAX_MEETINGS + " meetings, the most there can be.");
			}
		}
		String uid = UUID.randomUUID() + "@guildhall";
		for (long member : group) {
			jdbc.sql("""
					INSERT INTO meeting (mentorship_id, organiser_id, starts_at, minutes, place, uid, for_group, created_at)
					VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)""")
				.params(member, user.personId(), Timestamp.from(clean.startsAt()), clean.minutes(), clean.place(), uid,
						Timestamp.from(now))
				.update();
		}
		publishGroup(uid, MeetingChanged.Change.SCHEDULED, now);
		long meetingId = jdbc.sql("SELECT id FROM meeting WHERE uid = ? AND mentorship_id = ?").params(uid, mentorshipId)
			.query(Long.class).single();
		return meeting(m, meetingId, user.personId(), now);
	}

	/** Schedules a meeting of an active mentorship; the other person receives the invitation. */
	@Transactional
	public Meeting schedule(long mentorshipId, CurrentUser user, Schedule schedule) {
		Mentorship m = active(mentorshipId, user, "schedule meetings");
		Instant now = clock.instant();
		Schedule clean = check(schedule, now);
		long count = jdbc.sql("SELECT COUNT(*) FROM meeting WHERE mentorship_id = ?").param(mentorshipId).query(Long.class).single();
		if (count >= MAX_MEETINGS) {
			throw new ConflictException("A mentorship can have at most " + MAX_MEETINGS + " meetings.");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meeting (mentorship_id, organiser_id, starts_at, minutes, place, uid, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(mentorshipId, user.personId(), Timestamp.from(clean.startsAt()), clean.minutes(), clean.place(),
					UUID.randomUUID() + "@guildhall", Timestamp.from(now))
			.update(key, "id");
		long meetingId = key.getKeyAs(Number.class).longValue();
		publish(m, meetingId, MeetingChanged.Change.SCHEDULED, now);
		return meeting(m, meetingId, user.personId(), now);
	}

	/**
	 * Moves a meeting or changes its length or place. {@code sequence} is the meeting's sequence as
	 * read: if the other person changed it meanwhile, this is refused rather than overwriting theirs.
	 */
	@Transactional
	public Meeting reschedule(long mentorshipId, long meetingId, CurrentUser user, Schedule schedule, int sequence) {
		Mentorship m = active(mentorshipId, user, "move meetings");
		Instant now = clock.instant();
		Schedule clean = check(schedule, now);
		Row current = row(mentorshipId, meetingId);
		if (current.forGroup()) {
			requireGroupMentor(m, user, "moves");
			int moved = jdbc.sql("""
					UPDATE meeting SET starts_at = ?, minutes = ?, place = ?, sequence = sequence + 1
					WHERE uid = ? AND sequence = ? AND cancelled = FALSE
					  AND mentorship_id IN (SELECT id FROM mentorship WHERE status = 'ACTIVE')""")
				.params(Timestamp.from(clean.startsAt()), clean.minutes(), clean.place(), current.uid(), sequence).update();
			if (moved == 0) {
				throw new ConflictException("This meeting was changed or cancelled since you read it; reload and try again.");
			}
			publishGroup(current.uid(), MeetingChanged.Change.RESCHEDULED, now);
			return meeting(m, meetingId, user.personId(), now);
		}
		int changed = jdbc.sql("""
				UPDATE meeting SET starts_at = ?, minutes = ?, place = ?, sequence = sequence + 1
				WHERE id = ? AND mentorship_id = ? AND sequence = ? AND cancelled = FALSE""")
			.params(Timestamp.from(clean.startsAt()), clean.minutes(), clean.place(), meetingId, mentorshipId, sequence)
			.update();
		if (changed == 0) {
			throw new ConflictException("This meeting was changed or cancelled since you read it; reload and try again.");
		}
		publish(m, meetingId, MeetingChanged.Change.RESCHEDULED, now);
		return meeting(m, meetingId, user.personId(), now);
	}

	/** Cancels a meeting: the calendar entry is withdrawn with METHOD:CANCEL and the same UID. */
	@Transactional
	public Meeting cancel(long mentorshipId, long meetingId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		if (!m.status().live() && !m.status().finished()) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; it has no meetings to cancel.");
		}
		Instant now = clock.instant();
		Row current = row(mentorshipId, meetingId);
		if (current.forGroup()) {
			requireGroupMentor(m, user, "cancels");
			int cancelled = jdbc.sql("""
					UPDATE meeting SET cancelled = TRUE, sequence = sequence + 1 WHERE uid = ? AND cancelled = FALSE
					  AND mentorship_id IN (SELECT id FROM mentorship WHERE status IN ('ACTIVE', 'COMPLETED', 'ENDED_EARLY'))""")
				.param(current.uid()).update();
			if (cancelled == 0) {
				throw new ConflictException("This meeting is already cancelled.");
			}
			publishGroup(current.uid(), MeetingChanged.Change.CANCELLED, now);
			return meeting(m, meetingId, user.personId(), now);
		}
		int changed = jdbc.sql("UPDATE meeting SET cancelled = TRUE, sequence = sequence + 1 WHERE id = ? AND mentorship_id = ? AND cancelled = FALSE")
			.params(meetingId, mentorshipId).update();
		if (changed == 0) {
			throw new ConflictException("This meeting is already cancelled.");
		}
		publish(m, meetingId, MeetingChanged.Change.CANCELLED, now);
		return meeting(m, meetingId, user.personId(), now);
	}

	/** The meeting's current iCalendar file: a REQUEST, or a CANCEL once cancelled. */
	@Transactional(readOnly = true)
	public String calendar(long mentorshipId, long meetingId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		return calendar(m, row(mentorshipId, meetingId), clock.instant());
	}

	/** The names of the others in the mentorship's group (group programmes): the mentor's other mentees, never their data. */
	@Transactional(readOnly = true)
	public List<String> groupOf(Mentorship m) {
		if (!m.inGroup()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT p.full_name FROM mentorship g JOIN person p ON p.id = g.mentee_id
				WHERE g.programme_id = ? AND g.mentor_id = ? AND g.id <> ? AND g.status IN ('INVITED', 'REQUESTED', 'ACTIVE')
				ORDER BY p.full_name, g.id""")
			.params(m.programmeId(), m.mentor().id(), m.id()).query(String.class).list();
	}

	/**
	 * Replaces the shared notes of a meeting that has started; both people see and edit them.
	 * {@code version} is the notes' version as read, so one person never silently overwrites the other.
	 */
	@Transactional
	public Meeting shareNotes(long mentorshipId, long meetingId, CurrentUser user, @Nullable String text, long version) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		String clean = Texts.optional("text", text, MAX_NOTES);
		Instant now = clock.instant();
		notesAllowed(m, row(mentorshipId, meetingId), now);
		int changed = jdbc.sql("""
				UPDATE meeting SET shared_notes = ?, shared_notes_version = shared_notes_version + 1
				WHERE id = ? AND mentorship_id = ? AND shared_notes_version = ?""")
			.params(clean, meetingId, mentorshipId, version).update();
		if (changed == 0) {
			throw new ConflictException(m.other(user.personId()).fullName()
					+ " changed the shared notes since you opened them; copy your text, reload and merge.");
		}
		return meeting(m, meetingId, user.personId(), now);
	}

	/** Writes (or with empty text, deletes) the caller's private note on a meeting; nobody else ever reads it. */
	@Transactional
	public Meeting writePrivateNote(long mentorshipId, long meetingId, CurrentUser user, @Nullable String text) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		String clean = Texts.optional("text", text, MAX_NOTES);
		Instant now = clock.instant();
		notesAllowed(m, row(mentorshipId, meetingId), now);
		long me = user.personId();
		if (clean == null) {
			jdbc.sql("DELETE FROM private_note WHERE meeting_id = ? AND author_id = ?").params(meetingId, me).update();
		}
		else if (jdbc.sql("UPDATE private_note SET text = ?, updated_at = ? WHERE meeting_id = ? AND author_id = ?")
			.params(clean, Timestamp.from(now), meetingId, me).update() == 0) {
			try {
				jdbc.sql("INSERT INTO private_note (meeting_id, author_id, text, updated_at) VALUES (?, ?, ?, ?)")
					.params(meetingId, me, clean, Timestamp.from(now)).update();
			}
			catch (DuplicateKeyException e) {
				throw new ConflictException("Your note was saved from elsewhere at the same moment; reload and try again.");
			}
		}
		return meeting(m, meetingId, me, now);
	}

	/** The caller's own private note on a meeting, or null. */
	@Transactional(readOnly = true)
	public @Nullable String privateNote(long mentorshipId, long meetingId, CurrentUser user) {
		mentorships.forParticipant(mentorshipId, user);
		row(mentorshipId, meetingId);
		return jdbc.sql("SELECT text FROM private_note WHERE meeting_id = ? AND author_id = ?")
			.params(meetingId, user.personId()).query(String.class).optional().orElse(null);
	}

	/** One meeting as one of the pair sees it. */
	@Transactional(readOnly = true)
	public Meeting meeting(long mentorshipId, long meetingId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		return meeting(m, meetingId, user.personId(), clock.instant());
	}

	List<Meeting> of(Mentorship m, long viewerId, Instant now, Map<String, Feedback> checkIns) {
		Map<Long, String> mine = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT n.meeting_id, n.text FROM private_note n JOIN meeting x ON x.id = n.meeting_id
				WHERE x.mentorship_id = ? AND n.author_id = ?""")
			.params(m.id(), viewerId).query(rs -> {
				mine.put(rs.getLong(1), rs.getString(2));
			});
		return jdbc.sql("SELECT * FROM meeting WHERE mentorship_id = ? ORDER BY starts_at, id").param(m.id())
			.query((rs, n) -> {
				Row row = row(rs);
				return view(m, row, mine.get(row.id()), now, checkIns.getOrDefault(CheckIns.subject(row.id()),
						new Feedback(CheckIns.subject(row.id()), null, false, null)));
			})
			.list();
	}

	private Meeting meeting(Mentorship m, long meetingId, long viewerId, Instant now) {
		Row row = row(m.id(), meetingId);
		String note = jdbc.sql("SELECT text FROM private_note WHERE meeting_id = ? AND author_id = ?")
			.params(meetingId, viewerId).query(String.class).optional().orElse(null);
		return view(m, row, note, now, checkIns.checkIns(m.id(), viewerId).getOrDefault(CheckIns.subject(meetingId),
				new Feedback(CheckIns.subject(meetingId), null, false, null)));
	}

	private static Meeting view(Mentorship m, Row row, @Nullable String myNote, Instant now, Feedback checkIn) {
		return new Meeting(row.id(), row.organiserId(), row.startsAt(), row.minutes(), row.place(), row.uid(), row.sequence(),
				row.cancelled(), row.startsAt().atZone(zone(m.mentor().timeZone())), row.startsAt().atZone(zone(m.mentee().timeZone())),
				row.sharedNotes(), row.sharedNotesVersion(), myNote, !row.startsAt().isAfter(now), checkIn, row.forGroup());
	}

	/** The columns of a meeting row. */
	record Row(long id, long organiserId, Instant startsAt, int minutes, @Nullable String place, String uid, int sequence,
			boolean cancelled, @Nullable String sharedNotes, long sharedNotesVersion, boolean forGroup) {
	}

	Row row(long mentorshipId, long meetingId) {
		return jdbc.sql("SELECT * FROM meeting WHERE id = ? AND mentorship_id = ?").params(meetingId, mentorshipId)
			.query((rs, n) -> row(rs)).optional()
			.orElseThrow(() -> new NotFoundException("No meeting with id " + meetingId + " in this mentorship"));
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getLong("organiser_id"), rs.getTimestamp("starts_at").toInstant(),
				rs.getInt("minutes"), rs.getString("place"), rs.getString("uid"), rs.getInt("sequence"),
				rs.getBoolean("cancelled"), rs.getString("shared_notes"), rs.getLong("shared_notes_version"), rs.getBoolean("for_group"));
	}

	private void publish(Mentorship m, long meetingId, MeetingChanged.Change change, Instant now) {
		Row row = row(m.id(), meetingId);
		long attendee = row.organiserId() == m.mentor().id() ? m.mentee().id() : m.mentor().id();
		events.publishEvent(new MeetingChanged(meetingId, m.id(), row.organiserId(), attendee, change, row.startsAt(),
				row.minutes(), row.place(), calendar(m, row, now)));
	}

	/** Tells every mentee of a group meeting (each active mentorship holding the UID) about the change. */
	private void publishGroup(String uid, MeetingChanged.Change change, Instant now) {
		List<long[]> rows = jdbc.sql("""
				SELECT x.id, x.mentorship_id FROM meeting x JOIN mentorship g ON g.id = x.mentorship_id
				WHERE x.uid = ? AND g.status = 'ACTIVE' ORDER BY x.mentorship_id""")
			.param(uid).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
		for (long[] r : rows) {
			Mentorship member = mentorships.find(r[1]).orElseThrow();
			Row row = row(member.id(), r[0]);
			events.publishEvent(new MeetingChanged(row.id(), member.id(), row.organiserId(), member.mentee().id(), change,
					row.startsAt(), row.minutes(), row.place(), calendar(member, row, now)));
		}
	}

	private String calendar(Mentorship m, Row row, Instant now) {
		if (row.forGroup()) {
			// one event for the whole group: the mentor organises, every mentee still in the group attends
			List<Calendars.Person> attendees = jdbc.sql("""
					SELECT p.email, p.full_name FROM meeting x JOIN mentorship g ON g.id = x.mentorship_id
					  JOIN person p ON p.id = g.mentee_id
					WHERE x.uid = ? AND (g.status IN ('ACTIVE', 'COMPLETED') OR g.id = ?) ORDER BY p.full_name, p.id""")
				.params(row.uid(), m.id()).query((rs, n) -> new Calendars.Person(rs.getString(1), rs.getString(2))).list();
			return Calendars.invitation(new Calendars.Meeting(row.uid(), row.sequence(), row.cancelled(), row.startsAt(),
					row.minutes(), row.place(), null, "Group mentoring with " + m.mentor().fullName(),
					"Group mentoring meeting arranged in Guildhall.", new Calendars.Person(m.mentor().email(), m.mentor().fullName()),
					attendees), now);
		}
		Participant organiser = row.organiserId() == m.mentor().id() ? m.mentor() : m.mentee();
		Participant attendee = organiser == m.mentor() ? m.mentee() : m.mentor();
		return Calendars.invitation(new Calendars.Meeting(row.uid(), row.sequence(), row.cancelled(), row.startsAt(), row.minutes(),
				row.place(), null, "Mentoring: " + m.mentor().fullName() + " and " + m.mentee().fullName(),
				"Mentoring meeting arranged in Guildhall.", new Calendars.Person(organiser.email(), organiser.fullName()),
				List.of(new Calendars.Person(attendee.email(), attendee.fullName()))), now);
	}

	private Mentorship active(long mentorshipId, CurrentUser user, String action) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		if (m.status() != MentorshipStatus.ACTIVE) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; you can " + action
					+ " only while it is active.");
		}
		return m;
	}

	private static void requireGroupMentor(Mentorship m, CurrentUser user, String action) {
		if (!m.inGroup()) {
			throw new ConflictException("Group meetings are for group programmes; schedule a meeting with "
					+ m.other(user.personId()).fullName() + " instead.");
		}
		if (!user.is(m.mentor().id())) {
			throw new ConflictException("Only the mentor, " + m.mentor().fullName() + ", " + action + " the group's meetings.");
		}
	}

	private static void notesAllowed(Mentorship m, Row row, Instant now) {
		if (!m.status().finished() && m.status() != MentorshipStatus.ACTIVE) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; it has no meetings to take notes on.");
		}
		if (row.cancelled()) {
			throw new ConflictException("This meeting was cancelled; there is nothing to take notes on.");
		}
		if (row.startsAt().isAfter(now)) {
			throw new ConflictException("Notes open when the meeting starts.");
		}
	}

	private static Schedule check(Schedule schedule, Instant now) {
		List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
		if (schedule.startsAt() == null) {
			problems.add(new InvalidInputException.FieldProblem("startsAt", "say when the meeting starts"));
		}
		else if (schedule.startsAt().isBefore(now.minus(RECORD_PAST)) || schedule.startsAt().isAfter(now.plus(PLAN_AHEAD))) {
			problems.add(new InvalidInputException.FieldProblem("startsAt",
					"must be within the last 90 days (to record a meeting held) or the next two years"));
		}
		if (schedule.minutes() == null || schedule.minutes() < 5 || schedule.minutes() > 480) {
			problems.add(new InvalidInputException.FieldProblem("minutes", "must be from 5 to 480 minutes"));
		}
		String place = null;
		try {
			place = Texts.optional("place", schedule.place(), 500);
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Schedule(schedule.startsAt(), schedule.minutes(), place);
	}

	static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException e) {
			return ZoneOffset.UTC;
		}
	}
}
