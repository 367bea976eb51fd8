package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;

/** A short plain-text comment under a post; {@code mine} when the viewer wrote it (and so may delete it). */
public record Comment(long id, long postId, PersonRef author, String body, Instant createdAt, boolean mine) {
}
