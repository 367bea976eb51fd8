package org.guildhall.community;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guildhall.community.internal.ExpertiseStore;
import org.guildhall.community.internal.Texts;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kudos: thanks for something specific, tied to a skill, shown on the receiver's profile grouped by
 * skill. Anyone in the directory may give kudos to any other active person, never to themselves.
 */
@Service
public class KudosBoard {

	/** How many of the latest kudos are shown for each skill. */
	public static final int LATEST_PER_SKILL = 3;

	private final JdbcClient jdbc;
	private final SkillCatalog skills;
	private final PeopleDirectory people;
	private final ApplicationEventPublisher events;
	private final ExpertiseStore expertise;

	KudosBoard(JdbcClient jdbc, SkillCatalog skills, PeopleDirectory people, ApplicationEventPublisher events,
			ExpertiseStore expertise) {
		this.jdbc = jdbc;
		this.expertise = expertise;
		this.skills = skills;
		this.people = people;
		this.events = events;
	}

	@Transactional
	public Kudos give(NewKudos kudos, CurrentUser giver) {
		long giverId = Participants.personOf(giver);
		List<FieldProblem> problems = new ArrayList<>();
		if (kudos.receiverId() == giverId) {
			problems.add(new FieldProblem("receiverId", "kudos go to someone else, not to yourself"));
		}
		else if (!people.isActive(kudos.receiverId())) {
			problems.add(new FieldProblem("receiverId", "is not an active person in the directory"));
		}
		Skill skill = null;
		if (kudos.skill() == null || kudos.skill().isBlank()) {
			problems.add(new FieldProblem("skill", "is required"));
		}
		else if (kudos.skill().length() > SkillCatalog.MAX_NAME_LENGTH) {
			problems.add(new FieldProblem("skill", "must be at most " + SkillCatalog.MAX_NAME_LENGTH + " characters"));
		}
		else {
			skill = skills.resolve(kudos.skill()).filter(s -> !s.suggested()).orElse(null);
			if (skill == null) {
				List<String> closest = skills.closest(kudos.skill(), 3);
				problems.add(new FieldProblem("skill", "'" + kudos.skill().strip() + "' is not a skill of the taxonomy"
						+ (closest.isEmpty() ? "" : ". Did you mean " + String.join(" or ", closest) + "?")));
			}
		}
		String message = Texts.check("message", kudos.message(), 5, Texts.KUDOS_MAX, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO community_kudos (giver_id, receiver_id, skill_id, message) VALUES (:giver, :receiver, :skill, :message)")
			.param("giver", giverId).param("receiver", kudos.receiverId()).param("skill", skill.id()).param("message", message)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		expertise.recompute(List.of(kudos.receiverId()));
		events.publishEvent(new KudosGiven(id, giverId, kudos.receiverId(), skill.id()));
		return load("k.id = :id", Map.of("id", id)).get(0);
	}

	/**
	 * The kudos a person received, grouped by skill: the skill with most kudos first, each with its
	 * count and latest {@value #LATEST_PER_SKILL}. Two queries whatever the number of kudos.
	 */
	@Transactional(readOnly = true)
	public List<KudosForSkill> received(long personId) {
		if (people.refs(List.of(personId)).isEmpty()) {
			throw new NotFoundException("No person with id " + personId);
		}
		Map<Long, Integer> counts = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT k.skill_id, s.name, COUNT(*) AS n FROM community_kudos k JOIN skill s ON s.id = k.skill_id
				WHERE k.receiver_id = ? GROUP BY k.skill_id, s.name ORDER BY n DESC, s.name""")
			.param(personId)
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getInt(3));
				names.put(rs.getLong(1), rs.getString(2));
			});
		if (counts.isEmpty()) {
			return List.of();
		}
		// The latest few per skill; a person rarely has more than a few hundred kudos, so read them newest first.
		Map<Long, List<Kudos>> latest = new LinkedHashMap<>();
		for (Kudos k : load("k.receiver_id = :person ORDER BY k.created_at DESC, k.id DESC LIMIT 1000", Map.of("person", personId))) {
			List<Kudos> list = latest.computeIfAbsent(k.skill().skillId(), id -> new ArrayList<>());
			if (list.size() < LATEST_PER_SKILL) {
				list.add(k);
			}
		}
		return counts.entrySet().stream()
			.map(e -> new KudosForSkill(new Topic(e.getKey(), names.get(e.getKey())), e.getValue(),
					latest.getOrDefault(e.getKey(), List.of())))
			.toList();
	}

	private List<Kudos> load(String condition, Map<String, Object> params) {
		record Row(long id, long giver, long receiver, long skillId, String skill, String message, Instant at, boolean hidden) {
		}
		List<Row> rows = jdbc.sql("SELECT k.id, k.giver_id, k.receiver_id, k.skill_id, s.name, k.message, k.created_at, k.hidden_reason"
				+ " FROM community_kudos k JOIN skill s ON s.id = k.skill_id WHERE " + condition)
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class).toInstant(), rs.getString(8) != null))
			.list();
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			ids.add(r.giver());
			ids.add(r.receiver());
		});
		Map<Long, PersonRef> refs = people.refs(ids);
		return rows.stream().map(r -> new Kudos(r.id(), ref(refs, r.giver()), ref(refs, r.receiver()),
				new Topic(r.skillId(), r.skill()), r.hidden() ? Kudos.HIDDEN_MESSAGE : r.message(), r.at(), r.hidden())).toList();
	}

	/** Kudos as moderation sees it: the real message, and since when it is hidden (null when it is not). */
	record ModeratedKudos(long id, long giverId, long receiverId, String skill, String message, @Nullable Instant hiddenAt) {
	}

	Optional<ModeratedKudos> forModeration(long kudosId) {
		return jdbc.sql("""
				SELECT k.id, k.giver_id, k.receiver_id, s.name, k.message, k.hidden_at FROM community_kudos k
				JOIN skill s ON s.id = k.skill_id WHERE k.id = ?""")
			.param(kudosId)
			.query((rs, n) -> {
				java.time.OffsetDateTime at = rs.getObject(6, java.time.OffsetDateTime.class);
				return new ModeratedKudos(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						at == null ? null : at.toInstant());
			})
			.optional();
	}

	/** Hides the message of a kudos that is not hidden; false when it already is. */
	boolean hide(long kudosId, String moderator, String reason) {
		return jdbc.sql("""
				UPDATE community_kudos SET hidden_reason = ?, hidden_by = ?, hidden_at = CURRENT_TIMESTAMP
				WHERE id = ? AND hidden_reason IS NULL""").params(reason, moderator, kudosId).update() == 1;
	}

	/** Shows a hidden kudos' message again; false when it is not hidden. */
	boolean show(long kudosId) {
		return jdbc.sql("""
				UPDATE community_kudos SET hidden_reason = NULL, hidden_by = NULL, hidden_at = NULL
				WHERE id = ? AND hidden_reason IS NOT NULL""").param(kudosId).update() == 1;
	}

	/** Kudos with a hidden message, most recently hidden first (at most {@code limit}). */
	List<HiddenPost> hidden(int limit) {
		record Row(long id, long giver, long receiver, String skill, String message, String reason, String by, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT k.id, k.giver_id, k.receiver_id, s.name, k.message, k.hidden_reason, k.hidden_by, k.hidden_at
				FROM community_kudos k JOIN skill s ON s.id = k.skill_id
				WHERE k.hidden_reason IS NOT NULL ORDER BY k.hidden_at DESC, k.id DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant()))
			.list();
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			ids.add(r.giver());
			ids.add(r.receiver());
		});
		Map<Long, PersonRef> refs = people.refs(ids);
		return rows.stream().map(r -> new HiddenPost(r.id(), HiddenPost.Kind.KUDOS, null,
				"Kudos for " + r.skill() + " to " + ref(refs, r.receiver()).fullName(), r.message(), ref(refs, r.giver()),
				r.reason(), r.by(), r.at())).toList();
	}

	private static PersonRef ref(Map<Long, PersonRef> refs, long id) {
		PersonRef ref = refs.get(id);
		return ref != null ? ref : new PersonRef(id, "Former colleague", null);
	}
}
