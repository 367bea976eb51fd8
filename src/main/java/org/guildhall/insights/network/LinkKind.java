package org.guildhall.insights.network;

import java.util.EnumSet;
import java.util.Set;

/**
 * What made two people learn from each other. A link between two people merges every interaction
 * between them, so it records its kinds as a bitmask of {@link #bit()} values.
 */
public enum LinkKind {

	/** One mentored the other in a programme or an ad hoc mentorship. */
	MENTORING,
	/** One's answer to the other's question was accepted. */
	ANSWER,
	/** One gave the other kudos. */
	KUDOS,
	/** Both are members of the same circle. */
	CIRCLE,
	/** One asked the other as an expert and they held a session. */
	EXPERT_SESSION;

	private static final LinkKind[] ALL = values();

	/** The bit of this kind in a kinds bitmask. */
	public int bit() {
		return 1 << ordinal();
	}

	/** Whether the bitmask includes this kind. */
	public boolean in(int kinds) {
		return (kinds & bit()) != 0;
	}

	/** The kinds of a bitmask. */
	public static Set<LinkKind> of(int kinds) {
		Set<LinkKind> set = EnumSet.noneOf(LinkKind.class);
		for (LinkKind kind : ALL) {
			if (kind.in(kinds)) {
				set.add(kind);
			}
		}
		return set;
	}

	/** The bitmask of the given kinds. */
	public static int mask(LinkKind... kinds) {
		int mask = 0;
		for (LinkKind kind : kinds) {
			mask |= kind.bit();
		}
		return mask;
	}

	static LinkKind ofOrdinal(int ordinal) {
		return ALL[ordinal];
	}

	static int count() {
		return ALL.length;
	}
}
