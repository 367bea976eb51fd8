package org.guildhall.shared;

/** Something asked for by id does not exist (or is not visible to the caller); shown as 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
