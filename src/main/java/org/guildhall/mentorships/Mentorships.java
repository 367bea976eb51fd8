package org.guildhall.mentorships;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.guildhall.mentorships.internal.HealthScore;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads mentorships with their two people; every read for a person checks that they belong to it. */
@Repository
class Mentorships {

	static final String REASON_SEPARATOR = "\n";

	private static final String SELECT = """
			SELECT m.*, pr.name AS programme_name, pr.format AS programme_format,
			  a.full_name AS mentor_name, a.title AS mentor_title, a.email AS mentor_email, a.time_zone AS mentor_zone,
			  b.full_name AS mentee_name, b.title AS mentee_title, b.email AS mentee_email, b.time_zone AS mentee_zone
			FROM mentorship m JOIN programme pr ON pr.id = m.programme_id
			  JOIN person a ON a.id = m.mentor_id JOIN person b ON b.id = m.mentee_id""";

	/** Counts for lists: goals and their mean progress, meetings held and planned, ratings. */
	static final String SUMMARY_SELECT = """
			SELECT m.id, m.programme_id, pr.name AS programme_name, pr.format AS programme_format, m.mentor_id, a.full_name AS mentor_name,
			  m.mentee_id, b.full_name AS mentee_name, m.status, m.requested, m.created_at, m.started_at, m.ended_at,
			  m.cadence_days, m.mentor_agreed, m.mentee_agreed,
			  (SELECT COUNT(*) FROM mentorship_goal g WHERE g.mentorship_id = m.id) AS goals,
			  (SELECT COALESCE(AVG(CAST(g.progress AS DOUBLE PRECISION)), 0) FROM mentorship_goal g WHERE g.mentorship_id = m.id) AS goal_progress,
			  (SELECT COUNT(*) FROM meeting x WHERE x.mentorship_id = m.id AND x.cancelled = FALSE AND x.starts_at <= :now) AS held,
			  (SELECT COUNT(*) FROM meeting x WHERE x.mentorship_id = m.id AND x.cancelled = FALSE AND x.starts_at > :now) AS planned,
			  (SELECT MAX(x.starts_at) FROM meeting x WHERE x.mentorship_id = m.id AND x.cancelled = FALSE AND x.starts_at <= :now) AS last_met,
			  (SELECT MIN(x.starts_at) FROM meeting x WHERE x.mentorship_id = m.id AND x.cancelled = FALSE AND x.starts_at > :now) AS next_meeting,
			  (SELECT AVG(CAST(f.rating AS DOUBLE PRECISION)) FROM mentorship_feedback f WHERE f.mentorship_id = m.id) AS mean_rating,
			  (SELECT COUNT(*) FROM mentorship_feedback f WHERE f.mentorship_id = m.id) AS ratings
			FROM mentorship m JOIN programme pr ON pr.id = m.programme_id
			  JOIN person a ON a.id = m.mentor_id JOIN person b ON b.id = m.mentee_id""";

	private final JdbcClient jdbc;
	private final HealthScore health;

	Mentorships(JdbcClient jdbc, HealthScore health) {
		this.jdbc = jdbc;
		this.health = health;
	}

	Optional<Mentorship> find(long id) {
		return jdbc.sql(SELECT + " WHERE m.id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	/** The mentorship if the user is its mentor or mentee; anyone else learns nothing, not even that it exists. */
	Mentorship forParticipant(long id, CurrentUser user) {
		Mentorship mentorship = find(id).orElseThrow(() -> notFound(id));
		if (!user.is(mentorship.mentor().id()) && !user.is(mentorship.mentee().id())) {
			throw notFound(id);
		}
		return mentorship;
	}

	List<MentorshipSummary> summaries(String where, java.util.Map<String, ?> params, Instant now) {
		return jdbc.sql(SUMMARY_SELECT + " " + where).params(params).param("now", Timestamp.from(now))
			.query((rs, n) -> summary(rs, now)).list();
	}

	static NotFoundException notFound(long id) {
		return new NotFoundException("No mentorship with id " + id);
	}

	private MentorshipSummary summary(ResultSet rs, Instant now) throws SQLException {
		MentorshipStatus status = MentorshipStatus.valueOf(rs.getString("status"));
		Integer cadence = (Integer) rs.getObject("cadence_days", Integer.class);
		Instant started = instant(rs, "started_at");
		Instant lastMet = instant(rs, "last_met");
		int goals = rs.getInt("goals");
		double goalProgress = rs.getDouble("goal_progress");
		int held = rs.getInt("held");
		int ratings = rs.getInt("ratings");
		double meanRating = rs.getDouble("mean_rating");
		boolean flash = ProgrammeFormat.valueOf(rs.getString("programme_format")) == ProgrammeFormat.FLASH;
		Health score = started == null ? null
				: health.score(new HealthScore.Facts(status, started, instant(rs, "ended_at"), cadence, goals, goalProgress,
						held, lastMet, ratings, meanRating, flash, rs.getInt("planned")), now);
		if (flash && held == 0 && score != null && !score.quiet()) {
			score = null; // a single session has nothing to score before it has happened; a forgotten one still shows as quiet
		}
		return new MentorshipSummary(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_name"),
				rs.getLong("mentor_id"), rs.getString("mentor_name"), rs.getLong("mentee_id"), rs.getString("mentee_name"),
				status, rs.getBoolean("requested"), instant(rs, "created_at"), started, cadence,
				cadence != null && rs.getBoolean("mentor_agreed") && rs.getBoolean("mentee_agreed"), goals,
				(int) Math.round(goalProgress), held, rs.getInt("planned"), lastMet, score, instant(rs, "next_meeting"));
	}

	private static Mentorship map(ResultSet rs) throws SQLException {
		String reasons = rs.getString("match_reasons");
		double score = rs.getDouble("match_score");
		Double scoreOrNull = rs.wasNull() ? null : score;
		return new Mentorship(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_name"),
				new Participant(rs.getLong("mentor_id"), rs.getString("mentor_name"), rs.getString("mentor_title"),
						rs.getString("mentor_email"), rs.getString("mentor_zone")),
				new Participant(rs.getLong("mentee_id"), rs.getString("mentee_name"), rs.getString("mentee_title"),
						rs.getString("mentee_email"), rs.getString("mentee_zone")),
				MentorshipStatus.valueOf(rs.getString("status")), rs.getBoolean("requested"), rs.getString("request_message"),
				rs.getBoolean("mentor_accepted"), rs.getBoolean("mentee_accepted"), scoreOrNull,
				reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(REASON_SEPARATOR)),
				rs.getInt("planned_weeks"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "ended_at"),
				rs.getString("close_reason"),
				new Agreement(rs.getString("expectations"), (Integer) rs.getObject("cadence_days", Integer.class),
						rs.getBoolean("mentor_agreed"), rs.getBoolean("mentee_agreed"), rs.getLong("agreement_version")),
				ProgrammeFormat.valueOf(rs.getString("programme_format")));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
