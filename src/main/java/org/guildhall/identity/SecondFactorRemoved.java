package org.guildhall.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A second factor (authenticator app or passkey, or all of them) was removed from an account: the
 * owner should hear of it, as someone who had their password could otherwise weaken their sign-in.
 *
 * @param personId the owner's person in the directory, if the account has one
 * @param factor what was removed, as the owner would name it
 * @param removedBy the e-mail of who removed it (the owner or an administrator)
 */
public record SecondFactorRemoved(long accountId, @Nullable Long personId, String factor, String removedBy, Instant at) {
}
