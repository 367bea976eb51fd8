package org.guildhall.mentorships;

import org.jspecify.annotations.Nullable;

/** One of the two people of a mentorship, with the time zone their meeting times are shown in. */
public record Participant(long id, String fullName, @Nullable String title, String email, String timeZone) {
}
