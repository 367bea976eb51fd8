package org.guildhall.programmes;

/** A programme moved to another status (enrolment opened, matching started, running, closed). */
public record ProgrammeStatusChanged(long programmeId, ProgrammeStatus status) {
}
