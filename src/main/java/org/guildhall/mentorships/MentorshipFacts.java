package org.guildhall.mentorships;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentorships as facts for read models (insights): one mentorship when an event says it changed,
 * or all of them for a rebuild. No access check here: callers are modules that aggregate and must
 * apply their own rules before showing anything to a person.
 */
@Service
public class MentorshipFacts {

	private static final String SELECT = """
			SELECT id, programme_id, run_id, mentor_id, mentee_id, status, requested, created_at, started_at, ended_at,
			  close_reason, cadence_days, planned_weeks, match_score FROM mentorship""";

	private final JdbcClient jdbc;

	MentorshipFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One mentorship, if it exists. */
	@Transactional(readOnly = true)
	public Optional<MentorshipFact> of(long mentorshipId) {
		Optional<Row> row = jdbc.sql(SELECT + " WHERE id = ?").param(mentorshipId).query((rs, n) -> row(rs)).optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Details details = new Details();
		jdbc.sql("SELECT mentorship_id, progress FROM mentorship_goal WHERE mentorship_id = ?").param(mentorshipId)
			.query(rs -> {
				details.goal(rs);
			});
		jdbc.sql("SELECT mentorship_id, starts_at FROM meeting WHERE mentorship_id = ? AND cancelled = FALSE ORDER BY starts_at")
			.param(mentorshipId).query(rs -> {
				details.meeting(rs);
			});
		jdbc.sql("""
				SELECT f.mentorship_id, f.subject, f.rating, CASE WHEN f.author_id = m.mentor_id THEN 1 ELSE 0 END AS by_mentor
				FROM mentorship_feedback f JOIN mentorship m ON m.id = f.mentorship_id WHERE f.mentorship_id = ?
				ORDER BY f.subject, f.author_id""").param(mentorshipId).query(rs -> {
					details.rating(rs);
				});
		return Optional.of(details.fact(row.get()));
	}

	/**
	 * Every mentorship, in id order. Reads four tables once each (no query per mentorship), so a
	 * rebuild over tens of thousands of mentorships takes seconds.
	 */
	@Transactional(readOnly = true)
	public void forEach(Consumer<MentorshipFact> each) {
		Details details = new Details();
		jdbc.sql("SELECT mentorship_id, progress FROM mentorship_goal").query(rs -> {
			details.goal(rs);
		});
		jdbc.sql("SELECT mentorship_id, starts_at FROM meeting WHERE cancelled = FALSE ORDER BY mentorship_id, starts_at")
			.query(rs -> {
				details.meeting(rs);
			});
		jdbc.sql("""
				SELECT f.mentorship_id, f.subject, f.rating, CASE WHEN f.author_id = m.mentor_id THEN 1 ELSE 0 END AS by_mentor
				FROM mentorship_feedback f JOIN mentorship m ON m.id = f.mentorship_id ORDER BY f.mentorship_id, f.subject, f.author_id""")
			.query(rs -> {
				details.rating(rs);
			});
		List<Row> rows = jdbc.sql(SELECT + " ORDER BY id").query((rs, n) -> row(rs)).list();
		rows.forEach(row -> each.accept(details.fact(row)));
	}

	private record Row(long id, long programmeId, @Nullable Long runId, long mentorId, long menteeId,
			MentorshipStatus status, boolean requested, Instant createdAt, @Nullable Instant startedAt,
			@Nullable Instant endedAt, @Nullable String closeReason, @Nullable Integer cadenceDays, int plannedWeeks,
			@Nullable Double matchScore) {
	}

	private static Row row(ResultSet rs) throws SQLException {
		long run = rs.getLong("run_id");
		Long runId = rs.wasNull() ? null : run;
		int cadence = rs.getInt("cadence_days");
		Integer cadenceDays = rs.wasNull() ? null : cadence;
		double score = rs.getDouble("match_score");
		Double matchScore = rs.wasNull() ? null : score;
		return new Row(rs.getLong("id"), rs.getLong("programme_id"), runId, rs.getLong("mentor_id"),
				rs.getLong("mentee_id"), MentorshipStatus.valueOf(rs.getString("status")), rs.getBoolean("requested"),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("close_reason"),
				cadenceDays, rs.getInt("planned_weeks"), matchScore);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** Goals, meetings and ratings gathered per mentorship before the rows are turned into facts. */
	private static final class Details {
		final Map<Long, int[]> goals = new HashMap<>();
		final Map<Long, List<Instant>> meetings = new HashMap<>();
		final Map<Long, List<MentorshipFact.Rating>> ratings = new HashMap<>();

		void goal(ResultSet rs) throws SQLException {
			int[] counts = goals.computeIfAbsent(rs.getLong(1), k -> new int[2]);
			counts[0]++;
			if (rs.getInt(2) >= 100) {
				counts[1]++;
			}
		}

		void meeting(ResultSet rs) throws SQLException {
			meetings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
		}

		void rating(ResultSet rs) throws SQLException {
			String subject = rs.getString(2);
			MentorshipFact.FeedbackKind kind = subject.startsWith("meeting:") ? MentorshipFact.FeedbackKind.CHECK_IN
					: MentorshipFact.FeedbackKind.valueOf(subject);
			ratings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new MentorshipFact.Rating(kind, rs.getInt(4) == 1, rs.getInt(3)));
		}

		MentorshipFact fact(Row r) {
			int[] g = goals.getOrDefault(r.id(), new int[2]);
			return new MentorshipFact(r.id(), r.programmeId(), r.runId(), r.mentorId(), r.menteeId(), r.status(),
					r.requested(), r.createdAt(), r.startedAt(), r.endedAt(), r.closeReason(), r.cadenceDays(),
					r.plannedWeeks(), r.matchScore(), g[0], g[1], List.copyOf(meetings.getOrDefault(r.id(), List.of())),
					List.copyOf(ratings.getOrDefault(r.id(), List.of())));
		}
	}
}
