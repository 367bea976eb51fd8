package org.guildhall.people;

import java.time.LocalDate;

/**
 * Entries were appended to the person history (by an HR import): those with a sequence from
 * {@code fromSequence} to {@code toSequence}, both included, {@code entries} in all, each effective
 * on {@code effectiveOn}. Published inside the transaction that wrote them, so a listener after
 * commit can read them with {@link PersonHistory#after}{@code (fromSequence - 1, limit)}.
 */
public record PersonHistoryRecorded(long fromSequence, long toSequence, int entries, LocalDate effectiveOn) {
}
