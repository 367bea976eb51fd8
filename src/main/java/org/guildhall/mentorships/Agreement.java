package org.guildhall.mentorships;

import org.jspecify.annotations.Nullable;

/**
 * What the pair agreed: expectations in their own words and how often they meet. It is agreed once
 * both have confirmed the current {@code version}; any change asks both to confirm again.
 */
public record Agreement(@Nullable String expectations, @Nullable Integer cadenceDays, boolean mentorConfirmed,
		boolean menteeConfirmed, long version) {

	public boolean agreed() {
		return cadenceDays != null && mentorConfirmed && menteeConfirmed;
	}

	public boolean proposed() {
		return cadenceDays != null;
	}
}
