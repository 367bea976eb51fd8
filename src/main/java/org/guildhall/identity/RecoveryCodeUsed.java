package org.guildhall.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Someone signed in to an account with one of its one-time recovery codes: the owner should hear
 * of it (it may not have been them) and how many codes are left.
 *
 * @param personId the owner's person in the directory, if the account has one
 */
public record RecoveryCodeUsed(long accountId, @Nullable Long personId, int codesLeft, String address, Instant at) {
}
