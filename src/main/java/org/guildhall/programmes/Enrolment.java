package org.guildhall.programmes;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Someone taking part in a programme, with what they said when enrolling, how many of their mentor
 * places are taken and, for a mentee, the mentor they are placed with.
 */
public record Enrolment(long id, long programmeId, long personId, String fullName, @Nullable String title,
		@Nullable String department, EnrolmentRole role, @Nullable String goals, int capacity, List<String> answers,
		EnrolmentStatus status, Instant createdAt, int placesTaken, @Nullable Long placedWith) {

	/** Whether this mentee already has a mentor (invited, requested or active) in the programme. */
	public boolean placed() {
		return placedWith != null;
	}
}
