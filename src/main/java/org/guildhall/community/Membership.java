package org.guildhall.community;

/** Where a person stands with a circle. */
public enum Membership {
	NONE, REQUESTED, MEMBER
}
