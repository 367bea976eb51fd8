package org.guildhall.programmes;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Someone taking part in a programme, with what they said when enrolling. */
public record Enrolment(long id, long programmeId, long personId, String fullName, @Nullable String title,
		@Nullable String department, EnrolmentRole role, @Nullable String goals, int capacity, List<String> answers,
		EnrolmentStatus status, Instant createdAt) {
}
