package org.guildhall.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A skill of the taxonomy, with its other spellings. Suggested skills await an administrator. */
public record Skill(long id, String name, @Nullable String category, boolean suggested, List<String> aliases) {
}
