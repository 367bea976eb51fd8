package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;

/** Thanks given by one colleague to another for a skill. */
public record Kudos(long id, PersonRef giver, PersonRef receiver, Topic skill, String message, Instant createdAt) {
}
