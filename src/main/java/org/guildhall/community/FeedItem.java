package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, as the feed shows it: who did it, to whom (the receiver of kudos, the
 * author of an accepted answer's question), the title of the thing, where it is ({@code link}) and,
 * for circle items, the circle's name.
 */
public record FeedItem(long id, ActivityKind kind, Instant occurredAt, PersonRef actor, @Nullable PersonRef subject,
		String title, String link, @Nullable String circleName) {
}
