package org.guildhall.community;

import java.time.Instant;
import java.util.List;

import org.guildhall.community.internal.ActivityStore;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity feed: what happened in the topics a person follows, in their circles and among the
 * people they follow — questions, answers, accepted answers, articles, kudos, circle posts and
 * events — newest first. Pages are cut by a cursor on (time, id), so a page is one indexed query
 * however far back one reads, and nothing is skipped or repeated when new items arrive.
 */
@Service
public class Feed {

	public static final int MAX_PAGE = 50;

	private final ActivityStore activity;

	Feed(ActivityStore activity) {
		this.activity = activity;
	}

	/** A page of the user's feed before the cursor (null: the newest), at most {@value #MAX_PAGE} items. */
	@Transactional(readOnly = true)
	public FeedPage page(@Nullable String before, int size, CurrentUser user) {
		if (size < 1 || size > MAX_PAGE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE);
		}
		Instant at = null;
		long id = 0;
		if (before != null && !before.isBlank()) {
			Cursor cursor = Cursor.parse(before);
			at = cursor.at();
			id = cursor.id();
		}
		if (user.personId() == null) {
			return new FeedPage(List.of(), null);
		}
		List<FeedItem> items = activity.feed(user.personId(), at, id, size + 1);
		if (items.size() <= size) {
			return new FeedPage(items, null);
		}
		List<FeedItem> page = items.subList(0, size);
		FeedItem last = page.get(size - 1);
		return new FeedPage(List.copyOf(page), new Cursor(last.occurredAt(), last.id()).toString());
	}

	/** Position in the feed: an item's time (to the nanosecond) and id, written "seconds.nanos_id". */
	record Cursor(Instant at, long id) {

		static Cursor parse(String text) {
			try {
				if (text.length() > 60) {
					throw new IllegalArgumentException();
				}
				int underscore = text.indexOf('_');
				int dot = text.indexOf('.');
				long seconds = Long.parseLong(text.substring(0, dot));
				int nanos = Integer.parseInt(text.substring(dot + 1, underscore));
				long id = Long.parseLong(text.substring(underscore + 1));
				if (nanos < 0 || nanos > 999_999_999 || id < 0) {
					throw new IllegalArgumentException();
				}
				return new Cursor(Instant.ofEpochSecond(seconds, nanos), id);
			}
			catch (RuntimeException e) {
				throw new InvalidInputException("before", "is not a feed position (use the 'next' value of the previous page)");
			}
		}

		@Override
		public String toString() {
			return at.getEpochSecond() + "." + at.getNano() + "_" + id;
		}
	}
}
