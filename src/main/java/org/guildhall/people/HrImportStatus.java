package org.guildhall.people;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Where an HR import stands: its preview figures, its progress and its outcome.
 *
 * @param effectiveOn the day it applies as of, once it is being applied
 */
public record HrImportStatus(long id, String fileName, State state, @Nullable String phase, int totalRows,
		int processedRows, int toCreate, int toUpdate, int toDeactivate, int unchanged, int errorCount,
		@Nullable String failure, String requestedBy, Instant createdAt, @Nullable Instant finishedAt,
		@Nullable LocalDate effectiveOn) {

	public enum State {
		/** The file is being read and compared. */
		PREVIEWING,
		/** The preview is ready and can be applied. */
		PREVIEWED,
		/** The file has errors and cannot be applied. */
		INVALID,
		APPLYING, APPLIED,
		/**
		 * Preparing or applying failed or was interrupted (its node stopped); nothing was changed. An
		 * import whose apply failed can be applied again.
		 */
		FAILED,
		DISCARDED;

		public boolean running() {
			return this == PREVIEWING || this == APPLYING;
		}
	}

	/**
	 * Whether it can be applied: a clean preview, or an import whose apply failed (rolled back, its
	 * file kept) and is tried again against the people as they are now.
	 */
	public boolean applicable() {
		return state == State.PREVIEWED || (state == State.FAILED && effectiveOn != null);
	}

	/** Whether it can be discarded: a finished preview, or a failed import, that was not applied. */
	public boolean discardable() {
		return state == State.PREVIEWED || state == State.INVALID || state == State.FAILED;
	}

	/** Progress from 0 to 100 for the running phase. */
	public int percent() {
		if (!state.running()) {
			return 100;
		}
		int total = state == State.APPLYING ? toCreate + toUpdate + toDeactivate : totalRows;
		return total <= 0 ? 0 : Math.min(100, (int) (100L * processedRows / total));
	}

	/** One problem in the file. */
	public record Issue(@Nullable Integer line, @Nullable String column, String message) {
	}

	/** One planned change, as shown in the preview. */
	public record PlannedChange(String kind, @Nullable Integer line, String employeeId, String summary) {
	}
}
