package org.guildhall.matching.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scorer knows about a mentee.
 *
 * @param id unique person id
 * @param goals free-text goals (may be empty)
 * @param wants skill → level the mentee wants to reach (1–5)
 * @param level seniority level (higher is more senior)
 * @param department department name, or {@code null}
 * @param languages languages the mentee works in
 * @param timeZone IANA zone or UTC offset ({@code Europe/Berlin}, {@code UTC+05:30}), or {@code null}
 * @param manager the mentee's manager (a person id), or {@code null}
 * @param prefers mentor ids the mentee asked for
 */
public record MenteeProfile(String id, String goals, Map<String, Integer> wants, int level, String department,
		Set<String> languages, String timeZone, String manager, List<String> prefers) {
}
