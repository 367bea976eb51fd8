package org.guildhall.shared;

/** A line shown with the sign-in form, such as the demo organisation's sign-ins, or that they are not ready yet. */
@FunctionalInterface
public interface SignInHint {

	String text();

	/**
	 * Whether the accounts the hint is about can sign in: while they are {@link Readiness#SETTING_UP}
	 * the sign-in page shows the hint at the top, says so instead of "wrong password" after a failed
	 * attempt and refreshes itself; when setting them up {@link Readiness#FAILED} it shows the hint as
	 * an error.
	 */
	default Readiness readiness() {
		return Readiness.READY;
	}

	enum Readiness {
		READY, SETTING_UP, FAILED
	}
}
