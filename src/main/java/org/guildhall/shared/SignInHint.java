package org.guildhall.shared;

/** A line shown under the sign-in form, such as the demo organisation's sign-ins. */
@FunctionalInterface
public interface SignInHint {

	String text();
}
