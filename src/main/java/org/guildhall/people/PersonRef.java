package org.guildhall.people;

import org.jspecify.annotations.Nullable;

/** A short reference to a person, enough to show a link. */
public record PersonRef(long id, String fullName, @Nullable String title) {
}
