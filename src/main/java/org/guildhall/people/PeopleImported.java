package org.guildhall.people;

import org.jspecify.annotations.Nullable;

/**
 * An HR import was applied: people were created, updated or deactivated.
 *
 * @param appliedBy the e-mail of the administrator who applied it; null when the application itself
 *        did (the demo data, the command line)
 */
public record PeopleImported(long importId, int created, int updated, int deactivated, @Nullable String appliedBy) {
}
