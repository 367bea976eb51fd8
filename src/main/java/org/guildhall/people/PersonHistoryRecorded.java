package org.guildhall.people;

import java.time.LocalDate;

/** PLACEHOLDER until the people-history branch lands. */
public record PersonHistoryRecorded(long fromSequence, long toSequence, int entries, LocalDate effectiveOn) {
}
