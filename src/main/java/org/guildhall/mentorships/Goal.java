package org.guildhall.mentorships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A goal the mentee set for the mentorship, with progress (0–100) and milestones; edited by the mentee only. */
public record Goal(long id, String title, @Nullable String description, int progress, @Nullable Instant achievedAt,
		long version, List<Milestone> milestones) {

	public record Milestone(long id, String title, @Nullable LocalDate dueOn, boolean done) {
	}

	public long milestonesDone() {
		return milestones.stream().filter(Milestone::done).count();
	}
}
