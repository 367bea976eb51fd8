package org.guildhall.programmes;

/** A programme was created or its design changed (name, format, duration). */
public record ProgrammeSaved(long programmeId) {
}
