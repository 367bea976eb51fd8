package org.guildhall.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** An account as administrators see it. */
public record Account(long id, String email, String displayName, @Nullable Long personId, Set<Role> roles,
		boolean enabled, boolean hasPassword) {
}
