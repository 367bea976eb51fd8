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
		/** Applying failed or was interrupted; nothing was changed. */
		FAILED,
		DISCARDED;

		public boolean running() {
			return this == PREVIEWING || this == APPLYING;
		}
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
