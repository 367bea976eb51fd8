package org.guildhall.programmes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A mentor recommended to a mentee who chooses for themselves: fit score, reasons, places left. */
public record Recommendation(long mentorId, String mentorName, @Nullable String title, @Nullable String department,
		double score, List<String> reasons, int freePlaces) {
}
