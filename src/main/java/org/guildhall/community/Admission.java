package org.guildhall.community;

/** How people join a circle: at once, or by asking the host, who approves or declines. */
public enum Admission {
	OPEN, BY_REQUEST
}
