package org.guildhall.matching.engine;

/** The named criteria of the compatibility score, with the key used in problem files. */
public enum Criterion {

	/** What the mentee wants to learn against what the mentor can teach, with proficiency. */
	SKILLS("skills", "Skills", "what the mentee wants to learn, taught by the mentor"),

	/** Semantic similarity of the mentee's goals to the mentor's expertise and bio. */
	GOALS("goals", "Learning goals", "the mentee's goals against the mentor's expertise and introduction"),

	/** Mentor above the mentee; two levels is best. */
	SENIORITY("seniority", "Seniority", "the mentor above the mentee, two levels is best"),

	/** Mentor in another department. */
	CROSS_DEPARTMENT("crossDepartment", "Another department", "the mentor works in another department"),

	/** At least one language in common. */
	LANGUAGE("language", "Common language", "at least one language in common"),

	/** Overlap of 09:00–17:00 working hours. */
	TIME_ZONE("timeZone", "Working hours", "overlap of 09:00–17:00 in both time zones"),

	/** Either side asked for the other. */
	PREFERENCES("preferences", "Asked for", "either side asked for the other");

	private final String key;
	private final String label;
	private final String description;

	Criterion(String key, String label, String description) {
		this.key = key;
		this.label = label;
		this.description = description;
	}

	/** The criterion's name as people read it: "Another department". */
	public String label() {
		return label;
	}

	/** What it rewards, in a few words: "the mentor works in another department". */
	public String description() {
		return description;
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
