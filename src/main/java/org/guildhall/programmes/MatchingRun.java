package org.guildhall.programmes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One bulk matching run of a programme: its progress, then its figures. */
public record MatchingRun(long id, long programmeId, State state, String objective, @Nullable String phase, int percent,
		int mentees, int mentors, int matched, @Nullable Double totalScore, @Nullable Double meanScore,
		@Nullable Double minScore, @Nullable Long blockingPairs, @Nullable Integer violations, @Nullable Boolean proven,
		@Nullable String failure, String startedBy, Instant startedAt, @Nullable Instant finishedAt,
		@Nullable Instant publishedAt, @Nullable Integer publishedPairs) {

	public enum State {
		RUNNING, DONE, FAILED
	}

	public boolean published() {
		return publishedAt != null;
	}

	public double matchedShare() {
		return mentees == 0 ? 0 : (double) matched / mentees;
	}
}
