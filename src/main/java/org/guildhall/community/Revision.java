package org.guildhall.community;

import java.time.Instant;
import java.util.List;

import org.guildhall.people.PersonRef;
import org.jspecify.annotations.Nullable;

/** One version of a post; revision 1 is the text as first posted. */
public record Revision(int revision, @Nullable String title, String body, List<String> topics, PersonRef editedBy,
		Instant editedAt) {
}
