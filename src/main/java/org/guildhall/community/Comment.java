package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;

/** A short plain-text comment under a post. */
public record Comment(long id, long postId, PersonRef author, String body, Instant createdAt) {
}
