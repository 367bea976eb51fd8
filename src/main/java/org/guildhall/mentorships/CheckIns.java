package org.guildhall.mentorships;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.mentorships.internal.FlashSessions;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A short check-in after each meeting and the mid-point and final surveys: a rating from 1 to 5 and
 * a comment from each person. Each side's answer stays hidden from the other until both have
 * answered; an answer cannot be changed once given.
 */
@Service
public class CheckIns {

	public static final int MAX_COMMENT = 2000;

	private final JdbcClient jdbc;
	private final Mentorships mentorships;
	private final FlashSessions flash;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	CheckIns(JdbcClient jdbc, Mentorships mentorships, FlashSessions flash, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.mentorships = mentorships;
		this.flash = flash;
	}

	/**
	 * Answers the check-in after a meeting that has started. In a flash mentorship this is the final
	 * survey: the second check-in on the session completes the mentorship.
	 */
	@Transactional
	public Feedback checkIn(long mentorshipId, long meetingId, CurrentUser user, @Nullable Integer rating, @Nullable String comment) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		int cleanRating = Texts.rating(rating);
		String cleanComment = Texts.optional("comment", comment, MAX_COMMENT);
		requireStarted(m, "check in");
		Object[] meeting = jdbc.sql("SELECT starts_at, cancelled FROM meeting WHERE id = ? AND mentorship_id = ?")
			.params(meetingId, mentorshipId).query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getBoolean(2)})
			.optional().orElseThrow(() -> new NotFoundException("No meeting with id " + meetingId + " in this mentorship"));
		if ((Boolean) meeting[1]) {
			throw new ConflictException("This meeting was cancelled; there is nothing to check in on.");
		}
		if (((Instant) meeting[0]).isAfter(clock.instant())) {
			throw new ConflictException("The check-in opens when the meeting starts.");
		}
		answer(mentorshipId, subject(meetingId), user.personId(), cleanRating, cleanComment);
		if (m.flash()) {
			flash.completeIfDone(mentorshipId, clock.instant());
		}
		return checkIns(mentorshipId, user.personId()).get(subject(meetingId));
	}

	/**
	 * Answers the mid-point or final survey of a mentorship that has started, once it is due: the
	 * mid-point after half the planned weeks, the final one a week before the end or once finished.
	 */
	@Transactional
	public Feedback survey(long mentorshipId, SurveyKind kind, CurrentUser user, @Nullable Integer rating, @Nullable String comment) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		int cleanRating = Texts.rating(rating);
		String cleanComment = Texts.optional("comment", comment, MAX_COMMENT);
		requireStarted(m, "answer surveys");
		if (m.flash()) {
			throw new ConflictException("A flash mentorship has no separate surveys: the check-in after the session is its final survey.");
		}
		if (!due(m, kind, clock.instant())) {
			throw new ConflictException("The " + kind.label().toLowerCase(java.util.Locale.ROOT) + " opens on "
					+ java.time.LocalDate.ofInstant(kind.dueAt(m.startedAt(), m.plannedWeeks()), java.time.ZoneOffset.UTC)
					+ " (UTC); the pair answers it then.");
		}
		answer(mentorshipId, kind.name(), user.personId(), cleanRating, cleanComment);
		return checkIns(mentorshipId, user.personId()).get(kind.name());
	}

	/** The check-in of one meeting as the caller sees it. */
	@Transactional(readOnly = true)
	public Feedback checkInOf(long mentorshipId, long meetingId, CurrentUser user) {
		mentorships.forParticipant(mentorshipId, user);
		return checkIns(mentorshipId, user.personId()).getOrDefault(subject(meetingId), new Feedback(subject(meetingId), null, false, null));
	}

	/** A survey as the caller sees it. */
	@Transactional(readOnly = true)
	public Feedback surveyOf(long mentorshipId, SurveyKind kind, CurrentUser user) {
		mentorships.forParticipant(mentorshipId, user);
		return checkIns(mentorshipId, user.personId()).getOrDefault(kind.name(), new Feedback(kind.name(), null, false, null));
	}

	static String subject(long meetingId) {
		return "meeting:" + meetingId;
	}

	/** Every check-in and survey of the mentorship as {@code viewerId} sees it, by subject. */
	Map<String, Feedback> checkIns(long mentorshipId, long viewerId) {
		Map<String, Answer> mine = new LinkedHashMap<>();
		Map<String, Answer> theirs = new LinkedHashMap<>();
		jdbc.sql("SELECT subject, author_id, rating, comment, answered_at FROM mentorship_feedback WHERE mentorship_id = ?")
			.param(mentorshipId).query(rs -> {
				Answer answer = new Answer(rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant());
				(rs.getLong(2) == viewerId ? mine : theirs).put(rs.getString(1), answer);
			});
		Map<String, Feedback> all = new LinkedHashMap<>();
		java.util.Set<String> subjects = new java.util.LinkedHashSet<>(mine.keySet());
		subjects.addAll(theirs.keySet());
		for (String subject : subjects) {
			Answer own = mine.get(subject);
			Answer other = theirs.get(subject);
			all.put(subject, new Feedback(subject, own, other != null, own != null ? other : null));
		}
		return all;
	}

	List<MentorshipDetail.Survey> surveys(Mentorship m, long viewerId, Instant now) {
		Map<String, Feedback> answers = checkIns(m.id(), viewerId);
		List<MentorshipDetail.Survey> surveys = new ArrayList<>();
		if (m.flash()) {
			return surveys; // the check-in after the session is the final survey
		}
		boolean open = m.startedAt() != null && (m.status() == MentorshipStatus.ACTIVE || m.status().finished());
		for (SurveyKind kind : SurveyKind.values()) {
			surveys.add(new MentorshipDetail.Survey(kind, open && due(m, kind, now), open,
					answers.getOrDefault(kind.name(), new Feedback(kind.name(), null, false, null)),
					m.startedAt() == null ? null : kind.dueAt(m.startedAt(), m.plannedWeeks())));
		}
		return surveys;
	}

	/** Whether a survey is due: the mid-point after half the planned weeks, the final one a week before the end or once finished. */
	static boolean due(Mentorship m, SurveyKind kind, Instant now) {
		if (m.startedAt() == null) {
			return false;
		}
		return !now.isBefore(kind.dueAt(m.startedAt(), m.plannedWeeks())) || (kind == SurveyKind.FINAL && m.status().finished());
	}

	private void answer(long mentorshipId, String subject, long authorId, int rating, @Nullable String comment) {
		try {
			jdbc.sql("""
					INSERT INTO mentorship_feedback (mentorship_id, subject, author_id, rating, comment, answered_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(mentorshipId, subject, authorId, rating, comment, Timestamp.from(clock.instant())).update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("You have already answered this; answers cannot be changed.");
		}
		events.publishEvent(new FeedbackGiven(mentorshipId, authorId));
	}

	private static void requireStarted(Mentorship m, String action) {
		if (m.status() != MentorshipStatus.ACTIVE && !m.status().finished()) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; you can " + action
					+ " once it is active.");
		}
	}
}
