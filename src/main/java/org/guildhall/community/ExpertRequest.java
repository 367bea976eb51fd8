package org.guildhall.community;

import java.time.Instant;
import java.util.List;

import org.guildhall.people.PersonRef;
import org.jspecify.annotations.Nullable;

/**
 * A question routed to one expert (ask an expert). {@code reasons} say why the expert finder picked
 * them; {@code offer} is the flash mentoring session they offered, if any.
 */
public record ExpertRequest(long id, long questionId, String questionTitle, PersonRef expert, PersonRef asker, State state,
		List<String> reasons, @Nullable String declineReason, Instant askedAt, @Nullable Instant closedAt,
		@Nullable FlashOffer offer) {

	/** Where a request stands. OPEN waits for the expert; OFFERED waits for the asker to pick a slot. */
	public enum State {
		OPEN, ANSWERED, DECLINED, OFFERED, SCHEDULED,
		/** No longer needed: the asker agreed a session with another expert or accepted an answer. */
		CLOSED
	}

	/** The agreed flash session's page, seen by both people. */
	public String sessionLink() {
		return "/community/asked/" + id;
	}
}
