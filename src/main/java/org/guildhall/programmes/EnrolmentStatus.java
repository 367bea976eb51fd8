package org.guildhall.programmes;

/** Whether an enrolment counts for matching. */
public enum EnrolmentStatus {
	/** Waiting for the programme manager (when the programme asks for approval). */
	PENDING_APPROVAL, ACTIVE, WITHDRAWN, DECLINED
}
