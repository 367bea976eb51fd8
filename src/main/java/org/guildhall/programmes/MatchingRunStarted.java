package org.guildhall.programmes;

/** A programme manager started a bulk matching run with an objective ({@code OPTIMAL}, {@code FAIR} or {@code STABLE}). */
public record MatchingRunStarted(long programmeId, long runId, String objective, String startedBy) {
}
