package org.guildhall.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The state of the search index: whether a rebuild runs and how far it got. */
public record IndexStatus(State state, long done, long total, long documents, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable String failure) {

	public enum State {
		EMPTY, REBUILDING, READY, FAILED
	}

	/** Per cent done of the running or last rebuild. */
	public int percent() {
		return total == 0 ? (state == State.REBUILDING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
	}
}
