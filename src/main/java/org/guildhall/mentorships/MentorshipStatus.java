package org.guildhall.mentorships;

/**
 * Where a mentorship is in its life. Bulk-published pairs start {@link #INVITED} (both people
 * accept); a mentee's self-select request starts {@link #REQUESTED} (only the mentor answers).
 */
public enum MentorshipStatus {
	INVITED, REQUESTED, ACTIVE, COMPLETED, ENDED_EARLY, DECLINED, CANCELLED;

	/** Still holding a mentor's place: waiting for an answer, or running. */
	public boolean live() {
		return this == INVITED || this == REQUESTED || this == ACTIVE;
	}

	/** Finished after having run: completed or ended early. */
	public boolean finished() {
		return this == COMPLETED || this == ENDED_EARLY;
	}

	public String label() {
		return switch (this) {
			case INVITED -> "invited";
			case REQUESTED -> "requested";
			case ACTIVE -> "active";
			case COMPLETED -> "completed";
			case ENDED_EARLY -> "ended early";
			case DECLINED -> "declined";
			case CANCELLED -> "cancelled";
		};
	}
}
