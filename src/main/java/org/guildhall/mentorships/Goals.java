package org.guildhall.mentorships;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentee's goals for a mentorship, with milestones and progress. The mentee owns them: only the
 * mentee adds and edits them; the mentor sees them (on the mentorship page) and cannot change them.
 */
@Service
public class Goals {

	public static final int MAX_GOALS = 20;
	public static final int MAX_MILESTONES = 20;

	private final JdbcClient jdbc;
	private final Mentorships mentorships;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	Goals(JdbcClient jdbc, Mentorships mentorships, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.mentorships = mentorships;
	}

	/** Adds a goal; only the mentee of an active mentorship may. */
	@Transactional
	public Goal add(long mentorshipId, CurrentUser mentee, @Nullable String title, @Nullable String description) {
		owned(mentorshipId, mentee);
		String cleanTitle = Texts.required("title", title, 200, "name the goal");
		String cleanDescription = Texts.optional("description", description, 2000);
		long count = jdbc.sql("SELECT COUNT(*) FROM mentorship_goal WHERE mentorship_id = ?").param(mentorshipId)
			.query(Long.class).single();
		if (count >= MAX_GOALS) {
			throw new ConflictException("A mentorship can have at most " + MAX_GOALS + " goals.");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO mentorship_goal (mentorship_id, title, description, created_at) VALUES (?, ?, ?, ?)")
			.params(mentorshipId, cleanTitle, cleanDescription, Timestamp.from(clock.instant())).update(key, "id");
		long goalId = key.getKeyAs(Number.class).longValue();
		events.publishEvent(new GoalChanged(mentorshipId, goalId, 0));
		return goal(mentorshipId, goalId);
	}

	/**
	 * Changes a goal's title, description and progress (0–100; 100 marks it achieved). {@code version}
	 * is the goal's version as read: a change made meanwhile (say, in another tab) is not overwritten.
	 */
	@Transactional
	public Goal update(long mentorshipId, long goalId, CurrentUser mentee, @Nullable String title,
			@Nullable String description, @Nullable Integer progress, long version) {
		owned(mentorshipId, mentee);
		String cleanTitle = Texts.required("title", title, 200, "name the goal");
		String cleanDescription = Texts.optional("description", description, 2000);
		if (progress == null || progress < 0 || progress > 100) {
			throw new InvalidInputException("progress", "must be a percentage from 0 to 100");
		}
		goal(mentorshipId, goalId);
		int changed = jdbc.sql("""
				UPDATE mentorship_goal SET title = ?, description = ?, progress = ?,
				  achieved_at = CASE WHEN ? = 100 THEN COALESCE(achieved_at, ?) ELSE NULL END, version = version + 1
				WHERE id = ? AND mentorship_id = ? AND version = ?""")
			.params(cleanTitle, cleanDescription, progress, progress, Timestamp.from(clock.instant()), goalId, mentorshipId, version)
			.update();
		if (changed == 0) {
			throw new ConflictException("This goal changed since you read it; reload and make your change again.");
		}
		events.publishEvent(new GoalChanged(mentorshipId, goalId, progress));
		return goal(mentorshipId, goalId);
	}

	/** Adds a milestone to a goal, optionally with a due date. */
	@Transactional
	public Goal addMilestone(long mentorshipId, long goalId, CurrentUser mentee, @Nullable String title, @Nullable LocalDate dueOn) {
		owned(mentorshipId, mentee);
		String cleanTitle = Texts.required("title", title, 200, "name the milestone");
		if (dueOn != null && (dueOn.getYear() < 2000 || dueOn.getYear() > 2100)) {
			throw new InvalidInputException("dueOn", "must be a date between 2000 and 2100");
		}
		Goal goal = goal(mentorshipId, goalId);
		if (goal.milestones().size() >= MAX_MILESTONES) {
			throw new ConflictException("A goal can have at most " + MAX_MILESTONES + " milestones.");
		}
		jdbc.sql("INSERT INTO goal_milestone (goal_id, title, due_on) VALUES (?, ?, ?)")
			.params(goalId, cleanTitle, dueOn == null ? null : Date.valueOf(dueOn)).update();
		return goal(mentorshipId, goalId);
	}

	/** Marks a milestone done or not done. */
	@Transactional
	public Goal markMilestone(long mentorshipId, long goalId, long milestoneId, CurrentUser mentee, boolean done) {
		owned(mentorshipId, mentee);
		goal(mentorshipId, goalId);
		int changed = jdbc.sql("UPDATE goal_milestone SET done = ? WHERE id = ? AND goal_id = ?")
			.params(done, milestoneId, goalId).update();
		if (changed == 0) {
			throw new NotFoundException("No milestone with id " + milestoneId + " in this goal");
		}
		return goal(mentorshipId, goalId);
	}

	/** The goals of a mentorship, for its two people. */
	@Transactional(readOnly = true)
	public List<Goal> goals(long mentorshipId, CurrentUser viewer) {
		mentorships.forParticipant(mentorshipId, viewer);
		return of(mentorshipId);
	}

	List<Goal> of(long mentorshipId) {
		Map<Long, List<Goal.Milestone>> milestones = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT ms.* FROM goal_milestone ms JOIN mentorship_goal g ON g.id = ms.goal_id
				WHERE g.mentorship_id = ? ORDER BY ms.id""")
			.param(mentorshipId)
			.query(rs -> {
				Date due = rs.getDate("due_on");
				milestones.computeIfAbsent(rs.getLong("goal_id"), k -> new ArrayList<>())
					.add(new Goal.Milestone(rs.getLong("id"), rs.getString("title"), due == null ? null : due.toLocalDate(),
							rs.getBoolean("done")));
			});
		return jdbc.sql("SELECT * FROM mentorship_goal WHERE mentorship_id = ? ORDER BY id").param(mentorshipId)
			.query((rs, n) -> new Goal(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
					rs.getInt("progress"), Mentorships.instant(rs, "achieved_at"), rs.getLong("version"),
					List.copyOf(milestones.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
	}

	private Goal goal(long mentorshipId, long goalId) {
		return of(mentorshipId).stream().filter(g -> g.id() == goalId).findFirst()
			.orElseThrow(() -> new NotFoundException("No goal with id " + goalId + " in this mentorship"));
	}

	private Mentorship owned(long mentorshipId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		if (!user.is(m.mentee().id())) {
			throw new AccessDeniedException("Goals belong to the mentee, " + m.mentee().fullName() + "; only they change them.");
		}
		if (m.status() != MentorshipStatus.ACTIVE) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; goals change only while it is active.");
		}
		return m;
	}
}
