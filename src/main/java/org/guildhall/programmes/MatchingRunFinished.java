package org.guildhall.programmes;

/** A bulk matching run finished with proposals (or failed, when {@code succeeded} is false). */
public record MatchingRunFinished(long programmeId, long runId, boolean succeeded) {
}
