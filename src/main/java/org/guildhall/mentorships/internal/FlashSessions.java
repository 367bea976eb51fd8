package org.guildhall.mentorships.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.guildhall.mentorships.MentorshipEnded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Flash mentoring is one session: an active flash mentorship completes by itself once its session
 * was held and both people checked in on it, or some days after the session even without the
 * check-ins. Runs inside the caller's transaction; every completion publishes {@link MentorshipEnded}.
 */
@Component
public class FlashSessions {

	/** The reason shown on a flash mentorship that completed by itself. */
	public static final String COMPLETED_REASON = "Completed by itself after the flash session.";

	private static final String DONE = """
			m.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM programme p WHERE p.id = m.programme_id AND p.format = 'FLASH')
			AND EXISTS (SELECT 1 FROM meeting x WHERE x.mentorship_id = m.id AND x.cancelled = FALSE AND x.starts_at <= :now
			  AND (x.starts_at <= :cutoff OR (SELECT COUNT(*) FROM mentorship_feedback f WHERE f.mentorship_id = m.id
			    AND f.subject = CONCAT('meeting:', CAST(x.id AS VARCHAR(20)))) >= 2))""";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Duration completeAfter;

	public FlashSessions(JdbcClient jdbc, ApplicationEventPublisher events,
			@Value("${guildhall.mentorships.flash-complete-after-days:3}") int completeAfterDays) {
		this.jdbc = jdbc;
		this.events = events;
		this.completeAfter = Duration.ofDays(Math.max(1, completeAfterDays));
	}

	/** The active flash mentorships that are done at {@code now} (for the scheduled job). */
	public List<Long> due(Instant now) {
		return jdbc.sql("SELECT m.id FROM mentorship m WHERE " + DONE + " ORDER BY m.id")
			.param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(now.minus(completeAfter)))
			.query(Long.class).list();
	}

	/** Completes the mentorship if it is an active flash mentorship that is done; true when this call completed it. */
	public boolean completeIfDone(long mentorshipId, Instant now) {
		List<long[]> done = new ArrayList<>();
		jdbc.sql("SELECT m.id, m.programme_id, m.mentor_id, m.mentee_id FROM mentorship m WHERE m.id = :id AND " + DONE)
			.param("id", mentorshipId).param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(now.minus(completeAfter)))
			.query(rs -> {
				done.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
			});
		if (done.isEmpty()) {
			return false;
		}
		int changed = jdbc.sql("UPDATE mentorship SET status = 'COMPLETED', ended_at = ?, close_reason = ? WHERE id = ? AND status = 'ACTIVE'")
			.params(Timestamp.from(now), COMPLETED_REASON, mentorshipId).update();
		if (changed == 0) {
			return false;
		}
		long[] m = done.get(0);
		events.publishEvent(new MentorshipEnded(m[0], m[1], m[2], m[3], true, null, false));
		return true;
	}
}
