package org.guildhall.people.hrimport;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One data row of an HR file: the line it starts on and its values by column (blank values are absent). */
public record HrRow(int line, Map<Column, String> values) {

	public HrRow(int line) {
		this(line, new EnumMap<>(Column.class));
	}

	public @Nullable String get(Column column) {
		return values.get(column);
	}
}
