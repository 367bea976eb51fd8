package org.guildhall.insights;

import org.jspecify.annotations.Nullable;

/**
 * A share with its 95% Wilson score interval: {@code part} of {@code whole}. Hidden (all null) when
 * fewer than {@link Count#MIN_GROUP} people make up the whole; an empty whole (0 of 0) has no value.
 */
public record Rate(@Nullable Long part, @Nullable Long whole, @Nullable Double value, @Nullable Double low,
		@Nullable Double high) {

	private static final double Z = 1.959963984540054;

	/** A share that must not be shown (its group is under five, or the whole scope is). */
	public static Rate hidden() {
		return new Rate(null, null, null, null, null);
	}

	public static Rate of(long part, long whole) {
		if (whole == 0) {
			return new Rate(0L, 0L, null, null, null);
		}
		if (whole < Count.MIN_GROUP) {
			return new Rate(null, null, null, null, null);
		}
		double p = (double) part / whole;
		double z2 = Z * Z;
		double centre = (p + z2 / (2 * whole)) / (1 + z2 / whole);
		double half = Z / (1 + z2 / whole) * Math.sqrt(p * (1 - p) / whole + z2 / (4.0 * whole * whole));
		// at 0 and at 1 the interval touches the end exactly (rounding would leave it a hair inside)
		double low = part == 0 ? 0 : Math.max(0, centre - half);
		double high = part == whole ? 1 : Math.min(1, centre + half);
		return new Rate(part, whole, p, low, high);
	}

	/** Hidden because fewer than five make up the whole (an empty whole hides nobody). */
	public boolean suppressed() {
		return whole == null;
	}

	public String label() {
		if (whole != null && whole == 0) {
			return "–";
		}
		return value == null ? "fewer than " + Count.MIN_GROUP : Math.round(value * 100) + "%";
	}

	public String interval() {
		return low == null || high == null ? "" : Math.round(low * 100) + "–" + Math.round(high * 100) + "%";
	}
}
