package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;

/**
 * Thanks given by one colleague to another for a skill. A kudos an administrator hid still counts,
 * but its message reads {@link #HIDDEN_MESSAGE} for everyone ({@code hidden} is then true).
 */
public record Kudos(long id, PersonRef giver, PersonRef receiver, Topic skill, String message, Instant createdAt,
		boolean hidden) {

	/** What a hidden kudos says instead of its message. */
	public static final String HIDDEN_MESSAGE = "hidden by a moderator";
}
