package org.guildhall.community.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guildhall.community.Follows;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.Reputation;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.ProfileSection;
import org.guildhall.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The community's part of a profile page: followers and the follow button, reputation by topic,
 * badges and kudos by skill with the form to give one. The same variables serve the person's
 * community page and the fragments htmx swaps in after a follow or a kudos.
 */
@Component
class CommunityProfileSection implements ProfileSection {

	private final KudosBoard kudos;
	private final Reputation reputation;
	private final Follows follows;
	private final PeopleDirectory people;

	CommunityProfileSection(KudosBoard kudos, Reputation reputation, Follows follows, PeopleDirectory people) {
		this.kudos = kudos;
		this.reputation = reputation;
		this.follows = follows;
		this.people = people;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public Optional<Part> part(long personId, CurrentUser viewer) {
		return person(personId).map(person -> {
			Map<String, Object> variables = new HashMap<>(standing(person, viewer));
			variables.putAll(kudos(personId, viewer));
			variables.put("back", "/people/" + personId);
			return new Part("community/kudos", "profile-section", variables);
		});
	}

	Optional<PersonRef> person(long personId) {
		return Optional.ofNullable(people.refs(List.of(personId)).get(personId));
	}

	/** What the standing fragment reads: the person, reputation, badges, followers and whether the viewer follows. */
	Map<String, Object> standing(PersonRef person, CurrentUser viewer) {
		return Map.of("person", person, "reputation", reputation.of(person.id()), "badges", reputation.badges(person.id()),
				"followers", follows.followers(person.id()), "following", follows.follows(person.id(), viewer),
				"mayFollow", viewer.personId() != null && !viewer.is(person.id()));
	}

	/** What the kudos fragment reads: kudos by skill and whether the viewer may give one. */
	Map<String, Object> kudos(long personId, CurrentUser viewer) {
		return Map.of("personId", personId, "groups", kudos.received(personId),
				"mayGive", viewer.personId() != null && !viewer.is(personId));
	}
}
