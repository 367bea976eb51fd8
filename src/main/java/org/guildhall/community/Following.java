package org.guildhall.community;

import java.util.List;

import org.guildhall.people.PersonRef;

/** Whom and what a person follows: people, and topics (skills of the taxonomy). */
public record Following(List<PersonRef> people, List<Topic> topics) {
}
