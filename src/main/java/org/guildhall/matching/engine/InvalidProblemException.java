package org.guildhall.matching.engine;

/**
 * A problem that cannot be solved as given; the message names the offending entry and says what
 * is wrong with it.
 */
public class InvalidProblemException extends RuntimeException {

	public InvalidProblemException(String message) {
		super(message);
	}
}
