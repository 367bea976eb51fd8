package org.guildhall.people.hrimport;

import java.util.Locale;
import java.util.Optional;

/** The columns an HR file may have (see docs/hr-import.md). */
public enum Column {
	EMPLOYEE_ID(true), EMAIL(true), FULL_NAME(true), TITLE(false), DEPARTMENT(false), LOCATION(false),
	TIME_ZONE(false), LEVEL(false), MANAGER(false), HIRE_DATE(false), LEAVING_DATE(false), LANGUAGES(false), SKILLS(false),
	GOALS(false), BIO(false), MENTORING(false), MENTORING_CAPACITY(false);

	private final boolean required;

	Column(boolean required) {
		this.required = required;
	}

	public boolean required() {
		return required;
	}

	/** The name as written in a file's header. */
	public String header() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Column> fromHeader(String header) {
		String key = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (Column column : values()) {
			if (column.header().equals(key)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}
}
