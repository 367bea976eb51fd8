package org.guildhall.insights;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whether a programme's matching serves every group alike: per department, location and level of
 * the mentees (and, only while the organisation turns it on, per self-reported characteristic of
 * the mentees who gave it with consent), the share matched by the latest run, its mean score, the
 * share matched to a top-3 choice, and how many of the started pairs ended early; each beside the
 * best-served group's, flagged under 0.8 of it (the "four-fifths" rule of thumb). For self-select,
 * how much the requests crowd onto a few mentors. Groups of fewer than five are hidden.
 *
 * @param run the latest run, or null before any
 * @param topChoiceBasis how "matched to a top-3 choice" was counted, or null when nothing could be
 * @param selfReported whether the organisation has self-reported characteristics on (their
 *        breakdowns follow the department, location and level ones)
 */
public record FairnessAudit(long programmeId, String programme, @Nullable RunFigures run, List<Breakdown> breakdowns,
		@Nullable Concentration requests, @Nullable ChoiceBasis topChoiceBasis, boolean selfReported, Instant computedAt) {

	public static final double FLAG_BELOW = 0.8;

	/** The groups flagged (a ratio under {@link #FLAG_BELOW}), each as "name (attribute)". */
	public List<String> flaggedGroups() {
		return breakdowns.stream().flatMap(b -> b.groups().stream().filter(Group::flagged)
			.map(g -> g.name() + " (" + b.attribute().toLowerCase(java.util.Locale.ROOT) + ")")).toList();
	}

	/**
	 * What "a top-3 choice" means for the programme's figures.
	 * <ul>
	 * <li>{@code RUN}: the latest run's proposed mentor was one of the mentee's three best-scoring
	 * mentors among those the run allowed them (the matching engine's own ranking, kept with each
	 * proposal). Pinned pairs the engine did not rank, and runs made before ranks were kept, are
	 * left out.</li>
	 * <li>{@code REQUESTS}: self-select, where mentees ask one mentor at a time: the mentor whose
	 * mentorship started was one of the first three the mentee asked.</li>
	 * </ul>
	 */
	public enum ChoiceBasis {
		RUN, REQUESTS
	}

	/**
	 * @param topChoice of the run's proposals with a rank, those whose mentor was a top-3 choice
	 */
	public record RunFigures(long runId, String objective, int mentees, int matched, @Nullable Double meanScore,
			boolean published, Rate topChoice) {
	}

	/** One attribute (department, location, level, or a self-reported characteristic) and its groups. */
	public record Breakdown(String attribute, boolean selfReported, List<Group> groups) {

		/** A name fit for an HTML id. */
		public String slug() {
			return attribute.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		}
	}

	/**
	 * @param matchRatio the group's match rate over the best group's (null when hidden)
	 * @param scoreRatio the group's mean score over the best group's
	 * @param topChoice of the group's matched mentees with a known rank, the share matched to a top-3 choice
	 * @param topChoiceRatio that share over the best group's
	 * @param keptRatio the group's share of started pairs that did not end early, over the best group's
	 */
	public record Group(String name, Count mentees, Rate matched, @Nullable Double meanScore, @Nullable Double matchRatio,
			@Nullable Double scoreRatio, Rate topChoice, @Nullable Double topChoiceRatio, Count started, Rate endedEarly,
			@Nullable Double keptRatio) {

		public boolean flagged() {
			return below(matchRatio) || below(scoreRatio) || below(topChoiceRatio) || below(keptRatio);
		}

		private static boolean below(@Nullable Double ratio) {
			return ratio != null && ratio < FLAG_BELOW;
		}
	}

	/**
	 * Self-select requests per mentor: {@code topTenthShare} of all requests went to the most asked
	 * tenth of the mentors who were asked at all; {@code gini} 0 means evenly spread, 1 all on one.
	 */
	public record Concentration(long requests, int mentorsAsked, int mentorsEnrolled, double topTenthShare, double gini) {
	}
}
