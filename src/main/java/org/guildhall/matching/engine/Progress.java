package org.guildhall.matching.engine;

/** Receives progress of long steps (scoring, solving); implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {

	/** No reporting. */
	Progress NONE = (step, done, total) -> {
	};

	/**
	 * Reports that {@code done} of {@code total} units of {@code step} are finished.
	 */
	void report(String step, long done, long total);
}
