package org.guildhall.identity;

/** A newly created token: the secret is shown once and stored only as a hash. */
public record IssuedToken(ApiToken token, String secret) {
}
