package org.guildhall.community.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.community.Badge;
import org.guildhall.community.EarnedBadge;
import org.guildhall.community.Topic;
import org.guildhall.community.TopicReputation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reputation and badges in SQL. Reputation is derived data: {@link #recompute} rebuilds a person's
 * rows (or everyone's) from live answers, their votes and acceptance, and kudos, so the table can
 * always be thrown away and computed again.
 */
@Component
public class ReputationStore {

	private final JdbcClient jdbc;

	ReputationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Evidence per person and topic: live answers on questions with the topic, and kudos for the skill. */
	private static final String EVIDENCE = """
			SELECT person_id, skill_id, SUM(answers) AS answers, SUM(accepted) AS accepted, SUM(net_votes) AS net_votes,
			       SUM(kudos) AS kudos
			FROM (
			  SELECT a.author_id AS person_id, t.skill_id, 1 AS answers,
			         CASE WHEN q.accepted_answer_id = a.id THEN 1 ELSE 0 END AS accepted, a.score AS net_votes, 0 AS kudos
			  FROM community_post a
			  JOIN community_post q ON q.id = a.question_id
			  JOIN community_post_topic t ON t.post_id = q.id
			  WHERE a.kind = 'ANSWER' AND a.deleted_at IS NULL AND q.deleted_at IS NULL%1$s
			  UNION ALL
			  SELECT k.receiver_id, k.skill_id, 0, 0, 0, 1 FROM community_kudos k WHERE 1 = 1%2$s
			) evidence
			GROUP BY person_id, skill_id""";

	/**
	 * Replaces the stored reputation of one person (or of everyone when {@code personId} is null)
	 * with what the evidence gives, using the points per answer, accepted answer, net vote and kudos.
	 * Returns the number of rows written.
	 */
	public int recompute(@Nullable Long personId, int perAnswer, int perAccepted, int perVote, int perKudos) {
		String sql = personId == null ? EVIDENCE.formatted("", "")
				: EVIDENCE.formatted(" AND a.author_id = :person", " AND k.receiver_id = :person");
		if (personId == null) {
			jdbc.sql("DELETE FROM community_reputation").update();
		}
		else {
			jdbc.sql("DELETE FROM community_reputation WHERE person_id = ?").param(personId).update();
		}
		var insert = jdbc.sql("""
				INSERT INTO community_reputation (person_id, skill_id, points, answers, accepted, net_votes, kudos)
				SELECT person_id, skill_id, :answer * answers + :accepted * accepted + :vote * net_votes + :kudos * kudos,
				       answers, accepted, net_votes, kudos
				FROM (""" + sql + ") e")
			.param("answer", perAnswer).param("accepted", perAccepted).param("vote", perVote).param("kudos", perKudos);
		if (personId != null) {
			insert = insert.param("person", personId);
		}
		return insert.update();
	}

	/** A person's reputation by topic, most points first. */
	public List<TopicReputation> of(long personId) {
		return jdbc.sql("""
				SELECT r.skill_id, s.name, r.points, r.answers, r.accepted, r.net_votes, r.kudos
				FROM community_reputation r JOIN skill s ON s.id = r.skill_id
				WHERE r.person_id = ? ORDER BY r.points DESC, s.name""")
			.param(personId)
			.query((rs, n) -> new TopicReputation(new Topic(rs.getLong(1), rs.getString(2)), rs.getInt(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6), rs.getInt(7)))
			.list();
	}

	public Map<Long, Integer> pointsIn(long skillId, Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Integer> points = new HashMap<>();
		jdbc.sql("SELECT person_id, points FROM community_reputation WHERE skill_id = :s AND person_id IN (:ids)")
			.param("s", skillId).param("ids", personIds)
			.query(rs -> {
				points.put(rs.getLong(1), rs.getInt(2));
			});
		return points;
	}

	/** Person ids with the most points in the topic, most first. */
	public List<Map.Entry<Long, Integer>> top(long skillId, int limit) {
		return jdbc.sql("SELECT person_id, points FROM community_reputation WHERE skill_id = ? AND points > 0 ORDER BY points DESC, person_id LIMIT ?")
			.params(skillId, limit)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list();
	}

	/** Awards the badge unless the person has it already (for that topic); returns whether it is new. */
	public boolean award(long personId, Badge badge, @Nullable Long skillId) {
		String key = badge.perTopic() ? badge.name() + ":" + skillId : badge.name();
		return jdbc.sql("INSERT INTO community_badge (person_id, award_key, badge, skill_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(personId, key, badge.name(), badge.perTopic() ? skillId : null).update() == 1;
	}

	/** A person's badges, newest first. */
	public List<EarnedBadge> badges(long personId) {
		List<EarnedBadge> badges = new ArrayList<>();
		jdbc.sql("""
				SELECT b.badge, b.skill_id, s.name, b.earned_at FROM community_badge b LEFT JOIN skill s ON s.id = b.skill_id
				WHERE b.person_id = ? ORDER BY b.earned_at DESC, b.award_key""")
			.param(personId)
			.query(rs -> {
				Long skill = PostStore.nullableLong(rs, "skill_id");
				badges.add(new EarnedBadge(Badge.valueOf(rs.getString("badge")),
						skill == null ? null : new Topic(skill, rs.getString("name")), PostStore.instant(rs, "earned_at")));
			});
		return badges;
	}

	/** Live articles by the person. */
	public long articles(long personId) {
		return jdbc.sql("SELECT COUNT(*) FROM community_post WHERE author_id = ? AND kind = 'ARTICLE' AND deleted_at IS NULL")
			.param(personId).query(Long.class).single();
	}

	/** Authors of live answers to the question. */
	public List<Long> answerers(long questionId) {
		return jdbc.sql("SELECT DISTINCT author_id FROM community_post WHERE question_id = ? AND kind = 'ANSWER'")
			.param(questionId).query(Long.class).list();
	}

	/** Everyone with stored reputation or any evidence for it. */
	public List<Long> peopleWithEvidence() {
		return jdbc.sql("""
				SELECT author_id FROM community_post WHERE kind = 'ANSWER'
				UNION SELECT receiver_id FROM community_kudos
				UNION SELECT person_id FROM community_reputation""")
			.query(Long.class).list();
	}
}
