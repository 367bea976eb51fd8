package org.guildhall.insights;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whether a programme's matching serves every group alike: per department, location and level of
 * the mentees, the share matched by the latest run, its mean score, and how many of the started
 * pairs ended early; each beside the best-served group's, flagged under 0.8 of it (the "four-fifths"
 * rule of thumb). For self-select, how much the requests crowd onto a few mentors. Groups of fewer
 * than five are hidden.
 *
 * @param run the latest run, or null before any
 */
public record FairnessAudit(long programmeId, String programme, @Nullable RunFigures run, List<Breakdown> breakdowns,
		@Nullable Concentration requests, Instant computedAt) {

	public static final double FLAG_BELOW = 0.8;

	public record RunFigures(long runId, String objective, int mentees, int matched, @Nullable Double meanScore,
			boolean published) {
	}

	/** One attribute (department, location or level) and its groups. */
	public record Breakdown(String attribute, List<Group> groups) {
	}

	/**
	 * @param matchRatio the group's match rate over the best group's (null when hidden)
	 * @param scoreRatio the group's mean score over the best group's
	 * @param keptRatio the group's share of started pairs that did not end early, over the best group's
	 */
	public record Group(String name, Count mentees, Rate matched, @Nullable Double meanScore, @Nullable Double matchRatio,
			@Nullable Double scoreRatio, Count started, Rate endedEarly, @Nullable Double keptRatio) {

		public boolean flagged() {
			return matchRatio != null && matchRatio < FLAG_BELOW || scoreRatio != null && scoreRatio < FLAG_BELOW
					|| keptRatio != null && keptRatio < FLAG_BELOW;
		}
	}

	/**
	 * Self-select requests per mentor: {@code topTenthShare} of all requests went to the most asked
	 * tenth of the mentors who were asked at all; {@code gini} 0 means evenly spread, 1 all on one.
	 */
	public record Concentration(long requests, int mentorsAsked, int mentorsEnrolled, double topTenthShare, double gini) {
	}
}
