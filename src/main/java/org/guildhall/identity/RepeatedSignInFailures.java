package org.guildhall.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Wrong passwords were tried on an account so often that it now has to wait before the next try
 * (from that address, or from browsers it does not know): the owner should hear of it.
 *
 * @param personId the owner's person in the directory, if the account has one
 * @param address where the last failed attempt came from
 */
public record RepeatedSignInFailures(long accountId, @Nullable Long personId, String address, Instant at) {
}
