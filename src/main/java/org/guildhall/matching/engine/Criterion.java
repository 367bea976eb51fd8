package org.guildhall.matching.engine;

/** The named criteria of the compatibility score, with the key used in problem files. */
public enum Criterion {

	/** What the mentee wants to learn against what the mentor can teach, with proficiency. */
	SKILLS("skills"),

	/** Semantic similarity of the mentee's goals to the mentor's expertise and bio. */
	GOALS("goals"),

	/** Mentor above the mentee; two levels is best. */
	SENIORITY("seniority"),

	/** Mentor in another department. */
	CROSS_DEPARTMENT("crossDepartment"),

	/** At least one language in common. */
	LANGUAGE("language"),

	/** Overlap of 09:00–17:00 working hours. */
	TIME_ZONE("timeZone"),

	/** Either side asked for the other. */
	PREFERENCES("preferences");

	private final String key;

	Criterion(String key) {
		this.key = key;
	}

	/** The name used in problem and result files. */
	public String key() {
		return key;
	}

	/** The criterion with this file key, or {@code null}. */
	public static Criterion fromKey(String key) {
		for (Criterion criterion : values()) {
			if (criterion.key.equals(key)) {
				return criterion;
			}
		}
		return null;
	}
}
