package org.guildhall.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How one programme, or all the programmes a viewer may see, are doing: the mentees' way from
 * enrolment to the end, the pairs, how often they meet against what they agreed, goals,
 * satisfaction, why pairs end early, and the weeks' trend. Every count of people hides groups
 * smaller than {@link Count#MIN_GROUP}.
 *
 * @param people the mentees in scope; when fewer than five, every figure is hidden
 */
public record ProgrammeDashboard(InsightFilter filter, String scope, List<ProgrammeRef> programmes, long people,
		Funnel funnel, Rate matchRate, TimeToMatch timeToMatch, Pairs pairs, Cadence cadence, GoalFigures goals,
		Satisfaction satisfaction, List<Reason> earlyEndings, List<Week> trend, List<GroupRow> byDepartment,
		Instant computedAt) {

	public boolean suppressed() {
		return people < Count.MIN_GROUP;
	}

	public record ProgrammeRef(long id, String name, String format, String status) {
	}

	/** Mentees at each step: enrolled, matched (offered a mentor), started, completed, ended early. */
	public record Funnel(Count enrolled, Count matched, Count started, Count completed, Count endedEarly,
			Count waitingForApproval, Count withdrawn) {
	}

	/** Days from enrolment to the first mentor offered, for the matched mentees. */
	public record TimeToMatch(Count matched, @Nullable Double medianDays, @Nullable Double p90Days) {
	}

	/** Pairs by state; quiet pairs are active pairs that stopped meeting (the health page's rule). */
	public record Pairs(Count waiting, Count active, Count quiet, Count completed, Count endedEarly) {
	}

	/**
	 * Meetings held against the agreed cadence, for pairs that have run for at least one cadence:
	 * on cadence (at least 80% of the meetings the agreement implies), behind (40–80%), far behind.
	 */
	public record Cadence(Count agreed, Count onCadence, Count behind, Count farBehind, Count noAgreement,
			Rate onCadenceShare) {
	}

	public record GoalFigures(Count set, Count achieved, Rate completion, Rate pairsWithAnAchievedGoal) {
	}

	/** Ratings of surveys and flash check-ins, 1 to 5: shown only as a distribution of at least five answers. */
	public record Satisfaction(Count answers, @Nullable Double mean, List<Count> distribution, Count fromMentees,
			Count fromMentors) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "EarlyEndingReason") // mentorships has a Reason too: one schema name each
	public record Reason(String category, Count pairs) {
	}

	/** One week (Monday to Sunday, UTC): what happened in it. */
	public record Week(LocalDate monday, Count enrolled, Count matched, Count started, Count ended, Count meetings) {
	}

	public record GroupRow(String group, Count enrolled, Count matched, Rate matchRate, Count started, Count completed,
			Count endedEarly) {
	}
}
