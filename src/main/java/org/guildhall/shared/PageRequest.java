package org.guildhall.shared;

/** A validated request for one page: page from 0, size between 1 and {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 100;
	public static final int DEFAULT_SIZE = 20;

	public PageRequest {
		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or more");
		}
		if (page > 100_000) {
			throw new InvalidInputException("page", "must be at most 100000");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public long offset() {
		return (long) page * size;
	}
}
