package org.guildhall.mentorships.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guildhall.mentorships.Health;
import org.guildhall.mentorships.MentorshipStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The health score of a mentorship, 0–100, from three parts (the formula is in docs/mentorships.md):
 * meeting cadence against the agreement (40), goal progress (30) and check-in and survey ratings (30).
 */
@Component
public class HealthScore {

	public static final int CADENCE_POINTS = 40;
	public static final int GOAL_POINTS = 30;
	public static final int RATING_POINTS = 30;

	private final int defaultCadenceDays;
	private final int quietAfterDays;

	public HealthScore(@Value("${guildhall.mentorships.default-cadence-days:14}") int defaultCadenceDays,
			@Value("${guildhall.mentorships.quiet-after-days:21}") int quietAfterDays) {
		this.defaultCadenceDays = defaultCadenceDays;
		this.quietAfterDays = quietAfterDays;
	}

	/**
	 * What the score is computed from; {@code lastMetAt} is the start of the latest meeting held.
	 * {@code singleSession} marks a flash mentorship: one meeting, no cadence.
	 */
	public record Facts(MentorshipStatus status, Instant startedAt, @Nullable Instant endedAt,
			@Nullable Integer cadenceDays, int goals, double meanGoalProgress, int meetingsHeld,
			@Nullable Instant lastMetAt, int ratings, double meanRating, boolean singleSession, int meetingsPlanned) {

		/** Facts of a mentorship that meets at a cadence (not a flash session). */
		public Facts(MentorshipStatus status, Instant startedAt, @Nullable Instant endedAt, @Nullable Integer cadenceDays,
				int goals, double meanGoalProgress, int meetingsHeld, @Nullable Instant lastMetAt, int ratings, double meanRating) {
			this(status, startedAt, endedAt, cadenceDays, goals, meanGoalProgress, meetingsHeld, lastMetAt, ratings, meanRating,
					false, 0);
		}
	}

	public int quietAfterDays() {
		return quietAfterDays;
	}

	public int cadenceOrDefault(@Nullable Integer cadenceDays) {
		return cadenceDays == null ? defaultCadenceDays : cadenceDays;
	}

	public Health score(Facts facts, Instant now) {
		Instant until = facts.endedAt() != null && facts.endedAt().isBefore(now) ? facts.endedAt() : now;
		long daysRunning = Math.max(0, Duration.between(facts.startedAt(), until).toDays());
		int cadence = cadenceOrDefault(facts.cadenceDays());
		String assumed = facts.cadenceDays() == null ? " (no cadence agreed yet: every " + cadence + " days assumed)" : "";

		long expected = daysRunning / cadence;
		Health.Part meetings;
		if (facts.singleSession()) {
			meetings = session(facts, daysRunning);
		}
		else if (expected == 0) {
			// "running for 0 days, 2 held" read as nonsense: say when it started and count meetings in words
			String running = daysRunning == 0 ? "Started today" : "Started " + days(daysRunning) + " ago";
			meetings = new Health.Part("Meeting cadence", CADENCE_POINTS, CADENCE_POINTS,
					running + ", within the first cadence of " + cadence + " days" + assumed + "; "
							+ (facts.meetingsHeld() == 0 ? "no meeting held yet." : meetings(facts.meetingsHeld()) + " held so far."));
		}
		else {
			double share = Math.min(1.0, (double) facts.meetingsHeld() / expected);
			meetings = new Health.Part("Meeting cadence", (int) Math.round(CADENCE_POINTS * share), CADENCE_POINTS,
					facts.meetingsHeld() + " of " + expected + " expected meetings held in " + days(daysRunning)
							+ " (every " + cadence + " days" + (assumed.isEmpty() ? ", as agreed" : assumed) + ").");
		}

		Health.Part goals = facts.goals() == 0
				? new Health.Part("Goal progress", 0, GOAL_POINTS, "No goals set yet.")
				: new Health.Part("Goal progress", (int) Math.round(GOAL_POINTS * facts.meanGoalProgress() / 100.0), GOAL_POINTS,
						facts.goals() + (facts.goals() == 1 ? " goal, " : " goals, ") + Math.round(facts.meanGoalProgress())
								+ "% done on average.");

		Health.Part ratings = facts.ratings() == 0
				? new Health.Part("Check-ins and surveys", RATING_POINTS / 2, RATING_POINTS,
						"No check-in or survey answered yet (counted as neutral).")
				: new Health.Part("Check-ins and surveys",
						(int) Math.round(RATING_POINTS * (facts.meanRating() - 1) / 4.0), RATING_POINTS,
						"Mean rating " + String.format(java.util.Locale.ROOT, "%.1f", facts.meanRating()) + " of 5 from "
								+ facts.ratings() + (facts.ratings() == 1 ? " answer." : " answers."));

		String quiet = quietReason(facts, now, cadence);
		List<Health.Part> parts = List.of(meetings, goals, ratings);
		return new Health(parts.stream().mapToInt(Health.Part::points).sum(), parts, quiet != null, quiet);
	}

	/** A flash mentorship's one session instead of a cadence: full points once held, planned, or while still new. */
	private Health.Part session(Facts facts, long daysRunning) {
		if (facts.meetingsHeld() > 0) {
			return new Health.Part("The session", CADENCE_POINTS, CADENCE_POINTS, "The flash session was held.");
		}
		if (facts.meetingsPlanned() > 0) {
			return new Health.Part("The session", CADENCE_POINTS, CADENCE_POINTS, "The flash session is planned.");
		}
		if (daysRunning <= quietAfterDays) {
			return new Health.Part("The session", CADENCE_POINTS, CADENCE_POINTS,
					"No session planned yet, " + days(daysRunning) + " after starting.");
		}
		return new Health.Part("The session", 0, CADENCE_POINTS,
				"No session held or planned in the " + days(daysRunning) + " since starting.");
	}

	/**
	 * Why an active pair counts as quiet, or null when it does not. A flash pair has no cadence: it
	 * is quiet only when no session was held or planned some days after it started.
	 */
	public @Nullable String quietReason(Facts facts, Instant now, int cadence) {
		if (facts.status() != MentorshipStatus.ACTIVE) {
			return null;
		}
		if (facts.singleSession()) {
			long since = Duration.between(facts.startedAt(), now).toDays();
			return facts.meetingsHeld() == 0 && facts.meetingsPlanned() == 0 && since > quietAfterDays
					? "No flash session held or planned in the " + days(since) + " since starting." : null;
		}
		if (facts.lastMetAt() == null) {
			long since = Duration.between(facts.startedAt(), now).toDays();
			return since > quietAfterDays ? "Never met in the " + days(since) + " since starting." : null;
		}
		long since = Duration.between(facts.lastMetAt(), now).toDays();
		return since > cadence ? "Last met " + days(since) + " ago; the cadence is every " + cadence + " days." : null;
	}

	private static String meetings(int count) {
		return count == 1 ? "1 meeting" : count + " meetings";
	}

	private static String days(long days) {
		return days == 1 ? "1 day" : days + " days";
	}
}
