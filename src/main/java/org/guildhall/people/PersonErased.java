package org.guildhall.people;

import java.util.List;
import java.util.stream.Stream;

/**
 * An administrator erased a person: the people module has already anonymised the profile (shown as
 * "Former colleague" from now on). Every module that keeps data about the person removes it or
 * anonymises it when it hears this, and must do so idempotently: a listener that failed is delivered
 * again from the event publication log.
 * <p>
 * {@code traces} are what the person could be recognised by in free text that other modules stored
 * (notification texts, audit details, e-mail copies), so that they can be cut out there. This event is
 * the only place they survive the erasure; {@link PersonalDataArchive} deletes its publications (and
 * every other completed publication that names the person) once all listeners are done.
 */
public record PersonErased(long personId, long erasedByAccountId, String erasedBy, Traces traces) {

	/** What stands in for the person's name wherever it was shown. */
	public static final String FORMER_COLLEAGUE = "Former colleague";

	/** The erased person's name, e-mail and employee id as they were. */
	public record Traces(String fullName, String email, String employeeId) {

		/** Non-blank traces, longest first (so that a name is replaced before a part of it). */
		public List<String> all() {
			return Stream.of(fullName, email, employeeId).filter(t -> t != null && !t.isBlank())
				.sorted((a, b) -> b.length() - a.length()).toList();
		}
	}

	/** The e-mail an erased person's rows carry instead of the old one (unique, undeliverable). */
	public static String erasedEmail(long personId) {
		return "erased-" + personId + "@erased.invalid";
	}
}
