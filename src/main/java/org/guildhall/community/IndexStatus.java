package org.guildhall.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of the search index: whether a rebuild runs and how far it got ({@code done} of
 * {@code total} documents written), and how far semantic search has come: {@code withVectors}
 * documents have an embedding, {@code awaitingVectors} wait for the background embedder.
 */
public record IndexStatus(State state, long done, long total, long documents, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable String failure, boolean semantic, long withVectors, long awaitingVectors,
		@Nullable String semanticFailure) {

	public enum State {
		EMPTY, REBUILDING, READY, FAILED
	}

	/** Per cent done of the running or last rebuild. */
	public int percent() {
		return total == 0 ? (state == State.REBUILDING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
	}

	/** Per cent of the documents in the index that have a vector. */
	public int vectorPercent() {
		long all = withVectors + awaitingVectors;
		return all == 0 ? 100 : (int) Math.min(100, withVectors * 100 / all);
	}
}
