package org.guildhall.community;

/** A member's answer to a circle event. */
public enum Rsvp {
	YES, MAYBE, NO
}
