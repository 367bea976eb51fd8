package org.guildhall.people;

/** An HR import was applied: people were created, updated or deactivated. */
public record PeopleImported(long importId, int created, int updated, int deactivated) {
}
