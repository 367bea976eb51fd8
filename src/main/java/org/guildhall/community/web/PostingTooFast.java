package org.guildhall.community.web;

/** A person posted more than the limit allows; shown as 429 with the seconds to wait. */
class PostingTooFast extends RuntimeException {

	private final long retryAfterSeconds;

	PostingTooFast(long retryAfterSeconds) {
		super("You are posting faster than " + "the community allows; wait " + retryAfterSeconds + " s and try again.");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
