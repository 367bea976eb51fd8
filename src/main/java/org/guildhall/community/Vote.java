package org.guildhall.community;

/** A person's vote on a post. */
public enum Vote {
	UP(1), DOWN(-1);

	private final int value;

	Vote(int value) {
		this.value = value;
	}

	/** +1 or -1, as it counts towards the post's score. */
	public int value() {
		return value;
	}

	public static Vote of(int value) {
		return value > 0 ? UP : DOWN;
	}
}
