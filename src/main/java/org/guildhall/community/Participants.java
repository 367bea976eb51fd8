package org.guildhall.community;

import org.guildhall.shared.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/** Who may take part: only accounts that belong to someone in the directory can post, vote or give kudos. */
final class Participants {

	private Participants() {
	}

	static long personOf(CurrentUser user) {
		if (user.personId() == null) {
			throw new AccessDeniedException("Only people in the directory can take part in the community");
		}
		return user.personId();
	}
}
