package org.guildhall.mentorships;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.guildhall.programmes.ProposalsPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a published matching run into invitations, inside the publishing transaction (a plain
 * {@link EventListener}, not an asynchronous module listener): every pair is invited or, if anything
 * fails, none is. The mentor places were reserved by the programme before it published. Rows are
 * written in JDBC batches so that 10,000 pairs take seconds.
 */
@Component
class PublishedProposals {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbcTemplate;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	PublishedProposals(JdbcTemplate jdbcTemplate, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void invite(ProposalsPublished published) {
		if (published.pairs().isEmpty()) {
			return;
		}
		int weeks = jdbc.sql("SELECT duration_weeks FROM programme WHERE id = ?").param(published.programmeId())
			.query(Integer.class).single();
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>(published.pairs().size());
		for (ProposalsPublished.Pair pair : published.pairs()) {
			String reasons = String.join(Mentorships.REASON_SEPARATOR,
					pair.reasons().stream().map(r -> r.replace('\n', ' ')).toList());
			rows.add(new Object[] {published.programmeId(), published.runId(), pair.mentorId(), pair.menteeId(), pair.score(),
					reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons, weeks, now});
		}
		for (int from = 0; from < rows.size(); from += BATCH) {
			jdbcTemplate.batchUpdate("""
					INSERT INTO mentorship (programme_id, run_id, mentor_id, mentee_id, status, requested, match_score,
					  match_reasons, planned_weeks, created_at)
					VALUES (?, ?, ?, ?, 'INVITED', FALSE, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
		jdbc.sql("SELECT id, mentor_id, mentee_id FROM mentorship WHERE programme_id = ? AND run_id = ? AND status = 'INVITED' ORDER BY id")
			.params(published.programmeId(), published.runId())
			.query(rs -> {
				events.publishEvent(new MentorshipInvited(rs.getLong(1), published.programmeId(), rs.getLong(2), rs.getLong(3), false));
			});
	}
}
