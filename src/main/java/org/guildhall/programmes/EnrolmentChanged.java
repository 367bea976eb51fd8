package org.guildhall.programmes;

/** Someone enrolled, was approved or declined, or withdrew. */
public record EnrolmentChanged(long programmeId, long personId, EnrolmentStatus status) {
}
