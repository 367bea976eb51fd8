package org.guildhall.programmes;

/** Where a programme is in its life: draft → enrolling → matching → running → closed. */
public enum ProgrammeStatus {
	DRAFT, ENROLLING, MATCHING, RUNNING, CLOSED
}
