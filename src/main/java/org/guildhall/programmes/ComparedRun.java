package org.guildhall.programmes;

/**
 * A finished run beside the others made on the same enrolments with another objective, with the
 * share of its ranked pairs whose mentor was one of the mentee's three best-scoring mentors.
 *
 * @param ranked the run's proposals the matching engine ranked for the mentee (pinned pairs may not be)
 * @param topThree of those, the ones with a top-3 mentor
 */
public record ComparedRun(MatchingRun run, int ranked, int topThree) {

	/** The top-3 share from 0 to 1, or null when no proposal was ranked. */
	public Double topThreeShare() {
		return ranked == 0 ? null : (double) topThree / ranked;
	}

	/** What the run's objective aims at, in one sentence. */
	public String explanation() {
		return Objectives.explain(run.objective());
	}
}
