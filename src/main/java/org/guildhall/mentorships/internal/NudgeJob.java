package org.guildhall.mentorships.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.guildhall.mentorships.MentorshipStatus;
import org.guildhall.mentorships.NudgeDue;
import org.guildhall.mentorships.SurveyKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds pairs that need a reminder and publishes {@link NudgeDue} for each: active pairs that have
 * not met within their cadence (or never met some days after starting), surveys and check-ins
 * waiting for an answer, invitations and requests waiting longer than a few days.
 *
 * <p>Each reminder is sent at most once per mentorship, reason and period: the {@code nudge_sent}
 * row is written in the same transaction as the event's publication, and its primary key makes a
 * second run (or a second node) skip a reminder already sent. ShedLock keeps two nodes from running
 * the job at the same time in the first place.
 */
@Component
public class NudgeJob {

	private static final Logger log = LoggerFactory.getLogger(NudgeJob.class);
	/** Check-ins are asked for meetings held in this window only, not for old ones. */
	static final Duration CHECK_IN_WINDOW = Duration.ofDays(14);

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final HealthScore health;
	private final FlashSessions flash;
	private final TransactionTemplate eachNudge;
	private final int waitingDays;
	private final Clock clock = Clock.systemUTC();

	public NudgeJob(JdbcClient jdbc, ApplicationEventPublisher events, HealthScore health, FlashSessions flash,
			PlatformTransactionManager transactions, @Value("${guildhall.mentorships.nudges.waiting-days:3}") int waitingDays) {
		this.jdbc = jdbc;
		this.events = events;
		this.health = health;
		this.flash = flash;
		this.eachNudge = new TransactionTemplate(transactions);
		this.eachNudge.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.waitingDays = Math.max(1, waitingDays);
	}

	@Scheduled(cron = "${guildhall.mentorships.nudges.cron:0 0 * * * *}")
	@SchedulerLock(name = "mentorship-nudges", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void scheduled() {
		Instant now = clock.instant();
		int completed = completeFlashSessions(now).size();
		if (completed > 0) {
			log.info("Completed {} flash mentorships after their session", completed);
		}
		int sent = sendDue(now).size();
		if (sent > 0) {
			log.info("Sent {} mentorship nudges", sent);
		}
	}

	/**
	 * Completes every active flash mentorship whose session is done (held and both checked in, or held
	 * some days ago), each in its own transaction; returns the ids this call completed.
	 */
	public List<Long> completeFlashSessions(Instant now) {
		List<Long> completed = new ArrayList<>();
		for (long id : flash.due(now)) {
			if (Boolean.TRUE.equals(eachNudge.execute(status -> flash.completeIfDone(id, now)))) {
				completed.add(id);
			}
		}
		return completed;
	}

	/** A reminder to send once: the key (mentorship, reason, period) and the event. */
	record Nudge(String period, NudgeDue event) {
	}

	/** Publishes every reminder due at {@code now} that was not sent before; returns those this call sent. */
	public List<NudgeDue> sendDue(Instant now) {
		List<Nudge> due = new ArrayList<>();
		waiting(now, due);
		active(now, due);
		List<NudgeDue> sent = new ArrayList<>();
		for (Nudge nudge : due) {
			if (send(nudge, now)) {
				sent.add(nudge.event());
			}
		}
		return sent;
	}

	private boolean send(Nudge nudge, Instant now) {
		try {
			return Boolean.TRUE.equals(eachNudge.execute(status -> {
				jdbc.sql("INSERT INTO nudge_sent (mentorship_id, reason, period, sent_at) VALUES (?, ?, ?, ?)")
					.params(nudge.event().mentorshipId(), nudge.event().reason().name(), nudge.period(), Timestamp.from(now))
					.update();
				events.publishEvent(nudge.event());
				return true;
			}));
		}
		catch (DataIntegrityViolationException alreadySent) {
			return false;
		}
	}

	private void waiting(Instant now, List<Nudge> due) {
		jdbc.sql("""
				SELECT id, programme_id, mentor_id, mentee_id, status, mentor_accepted, mentee_accepted, created_at
				FROM mentorship WHERE status IN ('INVITED', 'REQUESTED') AND created_at < ?""")
			.param(Timestamp.from(now.minus(Duration.ofDays(waitingDays))))
			.query(rs -> {
				long days = Duration.between(rs.getTimestamp("created_at").toInstant(), now).toDays();
				boolean requested = MentorshipStatus.valueOf(rs.getString("status")) == MentorshipStatus.REQUESTED;
				List<Long> recipients = new ArrayList<>();
				if (requested || !rs.getBoolean("mentor_accepted")) {
					recipients.add(rs.getLong("mentor_id"));
				}
				if (!requested && !rs.getBoolean("mentee_accepted")) {
					recipients.add(rs.getLong("mentee_id"));
				}
				if (recipients.isEmpty()) {
					return;
				}
				due.add(new Nudge("waiting-" + days / waitingDays, new NudgeDue(rs.getLong("id"), rs.getLong("programme_id"),
						List.copyOf(recipients), requested ? NudgeDue.Reason.REQUEST_WAITING : NudgeDue.Reason.INVITATION_WAITING,
						(requested ? "A mentoring request" : "A mentoring invitation") + " has waited " + days
								+ " days for an answer.")));
			});
	}

	private record Active(long id, long programmeId, long mentorId, long menteeId, Instant startedAt, @Nullable Integer cadence,
			int plannedWeeks, @Nullable Instant lastMet, boolean flash, int planned) {
	}

	private void active(Instant now, List<Nudge> due) {
		Timestamp at = Timestamp.from(now);
		List<Active> pairs = jdbc.sql("""
				SELECT m.id, m.programme_id, m.mentor_id, m.mentee_id, m.started_at, m.cadence_days, m.planned_weeks, p.format,
				  (SELECT MAX(x.starts_at) FROM meeting x WHERE x.mentorship_id = m.id AND x.cancelled = FALSE AND x.starts_at <= ?) AS last_met,
				  (SELECT COUNT(*) FROM meeting x WHERE x.mentorship_id = m.id AND x.cancelled = FALSE AND x.starts_at > ?) AS planned
				FROM mentorship m JOIN programme p ON p.id = m.programme_id WHERE m.status = 'ACTIVE'""")
			.params(at, at)
			.query((rs, n) -> {
				Timestamp last = rs.getTimestamp("last_met");
				return new Active(rs.getLong("id"), rs.getLong("programme_id"), rs.getLong("mentor_id"), rs.getLong("mentee_id"),
						rs.getTimestamp("started_at").toInstant(), rs.getObject("cadence_days", Integer.class),
						rs.getInt("planned_weeks"), last == null ? null : last.toInstant(), "FLASH".equals(rs.getString("format")),
						rs.getInt("planned"));
			})
			.list();
		if (pairs.isEmpty()) {
			return;
		}
		Map<String, Set<Long>> answered = new HashMap<>();
		jdbc.sql("""
				SELECT f.mentorship_id, f.subject, f.author_id FROM mentorship_feedback f JOIN mentorship m ON m.id = f.mentorship_id
				WHERE m.status = 'ACTIVE' AND f.subject IN ('MIDPOINT', 'FINAL')""")
			.query(rs -> {
				answered.computeIfAbsent(rs.getLong(1) + "/" + rs.getString(2), k -> new HashSet<>()).add(rs.getLong(3));
			});
		for (Active pair : pairs) {
			int cadence = health.cadenceOrDefault(pair.cadence());
			HealthScore.Facts facts = new HealthScore.Facts(MentorshipStatus.ACTIVE, pair.startedAt(), null, pair.cadence(), 0, 0,
					pair.lastMet() == null ? 0 : 1, pair.lastMet(), 0, 0, pair.flash(), pair.planned());
			String quiet = health.quietReason(facts, now, cadence);
			if (pair.flash()) {
				// one session, no cadence and no separate surveys: only a reminder to plan the session at all
				if (quiet != null) {
					due.add(new Nudge("flash-unplanned", new NudgeDue(pair.id(), pair.programmeId(),
							List.of(pair.mentorId(), pair.menteeId()), NudgeDue.Reason.NOT_MET, quiet)));
				}
				continue;
			}
			if (quiet != null) {
				Instant since = pair.lastMet() != null ? pair.lastMet() : pair.startedAt();
				long periods = Duration.between(since, now).toDays() / cadence;
				due.add(new Nudge((pair.lastMet() != null ? "met-" + pair.lastMet().getEpochSecond() : "never") + "-" + periods,
						new NudgeDue(pair.id(), pair.programmeId(), List.of(pair.mentorId(), pair.menteeId()),
								NudgeDue.Reason.NOT_MET, quiet)));
			}
			for (SurveyKind kind : SurveyKind.values()) {
				Instant dueAt = kind.dueAt(pair.startedAt(), pair.plannedWeeks());
				if (now.isBefore(dueAt)) {
					continue;
				}
				Set<Long> done = answered.getOrDefault(pair.id() + "/" + kind.name(), Set.of());
				List<Long> recipients = List.of(pair.mentorId(), pair.menteeId()).stream().filter(p -> !done.contains(p)).toList();
				if (!recipients.isEmpty()) {
					due.add(new Nudge(kind.name(), new NudgeDue(pair.id(), pair.programmeId(), recipients, NudgeDue.Reason.SURVEY_DUE,
							"The " + kind.label().toLowerCase(java.util.Locale.ROOT) + " is due.")));
				}
			}
		}
		checkInsDue(now, due);
	}

	private void checkInsDue(Instant now, List<Nudge> due) {
		Map<Long, Set<Long>> answered = new HashMap<>();
		Map<Long, long[]> meetings = new HashMap<>();
		jdbc.sql("""
				SELECT x.id, m.id AS mentorship_id, m.programme_id, m.mentor_id, m.mentee_id, f.author_id
				FROM meeting x JOIN mentorship m ON m.id = x.mentorship_id
				  LEFT JOIN mentorship_feedback f ON f.mentorship_id = m.id AND f.subject = CONCAT('meeting:', CAST(x.id AS VARCHAR(20)))
				WHERE m.status = 'ACTIVE' AND x.cancelled = FALSE AND x.starts_at <= ? AND x.starts_at > ?""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(CHECK_IN_WINDOW)))
			.query(rs -> {
				long meeting = rs.getLong("id");
				meetings.put(meeting, new long[] {rs.getLong("mentorship_id"), rs.getLong("programme_id"), rs.getLong("mentor_id"),
						rs.getLong("mentee_id")});
				long author = rs.getLong("author_id");
				if (!rs.wasNull()) {
					answered.computeIfAbsent(meeting, k -> new HashSet<>()).add(author);
				}
			});
		meetings.forEach((meeting, row) -> {
			Set<Long> done = answered.getOrDefault(meeting, Set.of());
			List<Long> recipients = List.of(row[2], row[3]).stream().filter(p -> !done.contains(p)).toList();
			if (!recipients.isEmpty()) {
				due.add(new Nudge("meeting:" + meeting, new NudgeDue(row[0], row[1], recipients, NudgeDue.Reason.CHECK_IN_DUE,
						"A short check-in after your meeting waits for your answer.")));
			}
		});
	}
}
