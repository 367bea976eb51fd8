package org.guildhall.shared;

/** The request is valid but clashes with the current state (a refused transition, a stale edit); shown as 409. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
