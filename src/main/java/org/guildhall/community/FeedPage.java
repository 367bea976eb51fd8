package org.guildhall.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of the feed, newest first; {@code next} is the cursor for the following (older) page, null at the end. */
public record FeedPage(List<FeedItem> items, @Nullable String next) {
}
