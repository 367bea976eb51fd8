package org.guildhall.programmes;

import org.jspecify.annotations.Nullable;

/**
 * A programme moved to another status (enrolment opened, matching started, running, closed).
 *
 * @param by the e-mail of who moved it (the manager who took the step, or who published the run that
 *        started it); null when no person did
 */
public record ProgrammeStatusChanged(long programmeId, ProgrammeStatus status, @Nullable String by) {
}
