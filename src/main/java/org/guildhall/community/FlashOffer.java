package org.guildhall.community;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A short flash mentoring session an expert offers instead of (or before) answering: a message, a
 * length, proposed start times and, once the asker picks one, the agreed slot.
 */
public record FlashOffer(long id, String message, int minutes, @Nullable String meetingLink, List<Slot> slots,
		@Nullable Slot agreed, Instant offeredAt) {

	/** A proposed start time. */
	public record Slot(long id, Instant startsAt) {
	}
}
