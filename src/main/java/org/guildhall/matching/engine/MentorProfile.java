package org.guildhall.matching.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scorer knows about a mentor.
 *
 * @param id unique person id
 * @param capacity how many mentees the mentor takes at most
 * @param expertise free text on what the mentor knows
 * @param bio free-text biography
 * @param skills skill → proficiency (1–5)
 * @param level seniority level (higher is more senior)
 * @param department department name, or {@code null}
 * @param languages languages the mentor works in
 * @param timeZone IANA zone or UTC offset, or {@code null}
 * @param manager the mentor's manager (a person id), or {@code null}
 * @param prefers mentee ids the mentor asked for
 */
public record MentorProfile(String id, int capacity, String expertise, String bio, Map<String, Integer> skills,
		int level, String department, Set<String> languages, String timeZone, String manager, List<String> prefers) {
}
