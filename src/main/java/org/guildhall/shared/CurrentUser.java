package org.guildhall.shared;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the request: an account, its roles and, when the account belongs to someone in the
 * directory, that person's id. Filled in by the identity module at sign-in and for API tokens.
 */
public record CurrentUser(long accountId, String email, String displayName, Long personId, Set<String> roles)
		implements java.io.Serializable {

	public static final String ADMIN = "ADMIN";
	public static final String PROGRAMME_MANAGER = "PROGRAMME_MANAGER";
	public static final String EMPLOYEE = "EMPLOYEE";

	public boolean isAdmin() {
		return roles.contains(ADMIN);
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	/** Whether this user is the given person. */
	public boolean is(long otherPersonId) {
		return personId != null && personId == otherPersonId;
	}

	/** The user of the current request, if one is signed in. */
	public static Optional<CurrentUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HasCurrentUser holder) {
			return Optional.of(holder.currentUser());
		}
		return Optional.empty();
	}

	/** Implemented by the security principal so that modules need no security types of their own. */
	public interface HasCurrentUser {
		CurrentUser currentUser();
	}
}
