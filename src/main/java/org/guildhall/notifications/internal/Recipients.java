package org.guildhall.notifications.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.Profile;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Who the people in an event are, through the people module's API: names, and the address of an active recipient. */
@Component
class Recipients {

	/**
	 * The viewer the listeners read other modules' data as: an ordinary employee with no person of
	 * its own, so it sees what any colleague may see (inactive people and drafts stay hidden).
	 */
	static final CurrentUser SYSTEM = new CurrentUser(0, "notifications@guildhall.invalid", "Guildhall notifications", null,
			Set.of(CurrentUser.EMPLOYEE));

	/**
	 * Reads who started a matching run, which only those who manage the programme may see. Used for
	 * that one read and nothing else.
	 */
	static final CurrentUser RUN_READER = new CurrentUser(0, "notifications@guildhall.invalid", "Guildhall notifications",
			null, Set.of(CurrentUser.ADMIN));

	private final PeopleDirectory people;

	Recipients(PeopleDirectory people) {
		this.people = people;
	}

	/** The profile of a person who may be notified: one who exists and is active. */
	Optional<Profile> active(long personId) {
		if (!people.isActive(personId)) {
			return Optional.empty();
		}
		try {
			return Optional.of(people.profile(personId, SYSTEM));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/** The names of the given people ("someone" for an id that does not exist). */
	Names names(Collection<Long> ids) {
		return new Names(people.refs(ids));
	}

	Optional<Long> personWithEmail(String email) {
		return people.findIdByEmail(email);
	}

	record Names(Map<Long, PersonRef> refs) {

		String of(long personId) {
			PersonRef ref = refs.get(personId);
			return ref == null ? "Someone" : ref.fullName();
		}
	}
}
