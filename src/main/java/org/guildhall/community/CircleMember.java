package org.guildhall.community;

import org.guildhall.people.PersonRef;

/** A member of a circle, with their reputation points in the circle's topic as a hint of who knows it. */
public record CircleMember(PersonRef person, boolean host, int points) {
}
