package org.guildhall.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A personal access token as its owner sees it later: never the secret itself, only its first characters. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean usable(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
