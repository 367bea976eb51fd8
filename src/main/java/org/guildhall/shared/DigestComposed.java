package org.guildhall.shared;

/**
 * A module that nothing may depend on (insights) composed a periodic digest for one person; the
 * notifications module delivers it in the app and by e-mail. It lives here, not in insights, so
 * that notifications can listen without depending on insights. {@code sourceKey} names the digest
 * ("insights-digest:2026-12") so that a person gets each one once; {@code link} is a path inside
 * Guildhall.
 */
public record DigestComposed(long recipientPersonId, String sourceKey, String title, String body, String link) {
}
