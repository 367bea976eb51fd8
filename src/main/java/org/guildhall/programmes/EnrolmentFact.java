package org.guildhall.programmes;

import java.time.Instant;

/** One enrolment as read models need it: who, in which role, its status and when it was made. */
public record EnrolmentFact(long programmeId, long personId, EnrolmentRole role, EnrolmentStatus status,
		Instant enrolledAt) {
}
