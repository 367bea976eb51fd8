package org.guildhall.community;

import java.util.List;
import java.util.Map;

import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following colleagues and topics, which decides what reaches a person's activity feed. Anyone in
 * the directory may follow any active colleague (not themselves) and any approved skill; following
 * twice is the same as once. At most {@value #MAX_FOLLOWS} people and as many topics.
 */
@Service
public class Follows {

	public static final int MAX_FOLLOWS = 500;

	private final JdbcClient jdbc;
	private final PeopleDirectory people;
	private final SkillCatalog skills;
	private final ApplicationEventPublisher events;

	Follows(JdbcClient jdbc, PeopleDirectory people, SkillCatalog skills, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.people = people;
		this.skills = skills;
		this.events = events;
	}

	/** Follows a colleague; returns true when this is new. */
	@Transactional
	public boolean followPerson(long personId, CurrentUser user) {
		long me = Participants.personOf(user);
		if (personId == me) {
			throw new InvalidInputException("personId", "you cannot follow yourself");
		}
		if (!people.isActive(personId)) {
			throw new NotFoundException("No active person with id " + personId);
		}
		if (count("community_follow_person", "follower_id", me) >= MAX_FOLLOWS) {
			throw new InvalidInputException("personId", "you follow " + MAX_FOLLOWS + " people already, the most allowed");
		}
		boolean added = jdbc.sql("INSERT INTO community_follow_person (follower_id, followee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(me, personId).update() == 1;
		if (added) {
			events.publishEvent(new PersonFollowed(me, personId));
		}
		return added;
	}

	@Transactional
	public void unfollowPerson(long personId, CurrentUser user) {
		long me = Participants.personOf(user);
		jdbc.sql("DELETE FROM community_follow_person WHERE follower_id = ? AND followee_id = ?").params(me, personId).update();
	}

	/** Follows a topic given by name or alias; returns it. */
	@Transactional
	public Topic followTopic(String topic, CurrentUser user) {
		long me = Participants.personOf(user);
		if (topic == null || topic.isBlank()) {
			throw new InvalidInputException("topic", "is required (a skill such as Java or Kubernetes)");
		}
		if (topic.length() > SkillCatalog.MAX_NAME_LENGTH) {
			throw new InvalidInputException("topic", "must be at most " + SkillCatalog.MAX_NAME_LENGTH + " characters");
		}
		Skill skill = skills.resolve(topic).filter(s -> !s.suggested())
			.orElseThrow(() -> new InvalidInputException("topic", "'" + topic.strip() + "' is not a skill of the taxonomy"));
		follow(me, skill.id());
		return new Topic(skill.id(), skill.name());
	}

	/** Follows a topic by its skill id; returns it. */
	@Transactional
	public Topic followTopic(long skillId, CurrentUser user) {
		long me = Participants.personOf(user);
		Skill skill = skills.find(skillId).filter(s -> !s.suggested())
			.orElseThrow(() -> new NotFoundException("No topic with id " + skillId));
		follow(me, skill.id());
		return new Topic(skill.id(), skill.name());
	}

	private void follow(long me, long skillId) {
		if (count("community_follow_topic", "person_id", me) >= MAX_FOLLOWS) {
			throw new InvalidInputException("topic", "you follow " + MAX_FOLLOWS + " topics already, the most allowed");
		}
		jdbc.sql("INSERT INTO community_follow_topic (person_id, skill_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(me, skillId).update();
	}

	@Transactional
	public void unfollowTopic(long skillId, CurrentUser user) {
		long me = Participants.personOf(user);
		jdbc.sql("DELETE FROM community_follow_topic WHERE person_id = ? AND skill_id = ?").params(me, skillId).update();
	}

	/** Whom and what the user follows, by name. */
	@Transactional(readOnly = true)
	public Following following(CurrentUser user) {
		if (user.personId() == null) {
			return new Following(List.of(), List.of());
		}
		List<Long> ids = jdbc.sql("SELECT followee_id FROM community_follow_person WHERE follower_id = ?").param(user.personId())
			.query(Long.class).list();
		Map<Long, PersonRef> refs = people.refs(ids);
		List<PersonRef> persons = refs.values().stream()
			.sorted(java.util.Comparator.comparing(PersonRef::fullName)).toList();
		List<Topic> topics = jdbc.sql("""
				SELECT s.id, s.name FROM community_follow_topic f JOIN skill s ON s.id = f.skill_id
				WHERE f.person_id = ? ORDER BY s.name""")
			.param(user.personId()).query((rs, n) -> new Topic(rs.getLong(1), rs.getString(2))).list();
		return new Following(persons, topics);
	}

	/** Whether the user follows the person. */
	@Transactional(readOnly = true)
	public boolean follows(long personId, CurrentUser user) {
		return user.personId() != null && jdbc.sql("SELECT COUNT(*) FROM community_follow_person WHERE follower_id = ? AND followee_id = ?")
			.params(user.personId(), personId).query(Long.class).single() > 0;
	}

	/** How many people follow the person. */
	@Transactional(readOnly = true)
	public long followers(long personId) {
		return count("community_follow_person", "followee_id", personId);
	}

	private long count(String table, String column, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(id).query(Long.class).single();
	}
}
