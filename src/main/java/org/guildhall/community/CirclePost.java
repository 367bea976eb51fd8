package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;

/** A post inside a circle, for members only; {@code bodyHtml} is the Markdown rendered and sanitised. */
public record CirclePost(long id, long circleId, PersonRef author, String body, String bodyHtml, Instant createdAt,
		boolean mayDelete) {
}
