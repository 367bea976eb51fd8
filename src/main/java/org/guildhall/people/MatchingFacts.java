package org.guildhall.people;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What matching needs to know about a person, read in bulk: skills they can teach and want to
 * learn (skill name → level), goals, seniority, department, languages, time zone and manager.
 */
public record MatchingFacts(long personId, String fullName, @Nullable String title, @Nullable String department,
		@Nullable Integer level, String timeZone, List<String> languages, Map<String, Integer> teaches,
		Map<String, Integer> wantsToLearn, List<String> goals, @Nullable String bio, @Nullable Long managerId) {
}
