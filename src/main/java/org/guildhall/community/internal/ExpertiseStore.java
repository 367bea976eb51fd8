package org.guildhall.community.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expert finder's evidence per person and skill ({@code community_expertise}): for everyone with
 * answers, articles or kudos on a skill, or mentoring given on it, how many of each (and the
 * up-votes on them), their declaration of the skill, and the points the finder gives for all of it,
 * so that the best people for a skill are the first rows of an index.
 * <p>
 * Mentoring given on a skill: the mentor declares the skill and mentees of theirs, in mentorships
 * that are active or completed, want to learn it (counted once per mentee). A mentorship has no
 * skill of its own, so this is the skill it plausibly taught; one that ended early, was declined or
 * never started does not count. The mentee's wish is read as it is now, from their profile.
 * <p>
 * Derived data, kept exact: every change to the evidence rewrites the rows of the people concerned
 * in the same transaction ({@link #recompute}), and {@link #recomputeAll} rebuilds the table from
 * the posts, kudos, mentorships and declarations (with every search index rebuild). Like the
 * declarations in {@code person_skill}, the mentorships are read from their module's table
 * ({@code mentorship}) with SQL: the evidence of many people is computed in one statement. Every
 * rewrite first updates the one row of {@code community_expertise_lock}, so rewrites take turns and
 * each reads what the one before it committed.
 */
@Component
public class ExpertiseStore {

	private static final Logger log = LoggerFactory.getLogger(ExpertiseStore.class);

	/** People per transaction of {@link #recomputeAll}: writers wait for at most one such slice. */
	private static final int SLICE = 10_000;

	/**
	 * Points for a declaration. The PostgreSQL index {@code person_skill_by_declared_points} is on
	 * this very expression, so that the best declarations of a skill are read in index order.
	 */
	private static final String DECLARED_POINTS = "2 * proficiency + CASE WHEN can_teach THEN 2 ELSE 0 END";

	/**
	 * Community evidence per person and skill: answers to live questions on the skill (accepted or
	 * not, and the up-votes on them), articles on it (and their up-votes), kudos for it, mentees who
	 * want to learn it; with the declaration and the finder's points. {@code %1$s} to {@code %4$s}
	 * are conditions on the people (answer authors, article authors, kudos receivers, mentors).
	 */
	private static final String EVIDENCE = """
			SELECT e.person_id, e.skill_id, COALESCE(ps.proficiency, 0) AS proficiency, COALESCE(ps.can_teach, FALSE) AS can_teach,
			       e.accepted, e.other_answers, e.answer_votes, e.articles, e.article_votes, e.kudos, e.mentees,
			       CASE WHEN ps.proficiency IS NULL THEN 0 ELSE 2 * ps.proficiency + CASE WHEN ps.can_teach THEN 2 ELSE 0 END END
			       + 5 * LEAST(e.accepted, 10) + LEAST(e.other_answers, 10) + LEAST(e.answer_votes, 20)
			       + 4 * LEAST(e.articles, 5) + 0.5 * LEAST(e.article_votes, 20) + 3 * LEAST(e.kudos, 10)
			       + 4 * LEAST(e.mentees, 5) AS points
			FROM (
			  SELECT person_id, skill_id, SUM(accepted) AS accepted, SUM(other_answers) AS other_answers,
			         SUM(answer_votes) AS answer_votes, SUM(articles) AS articles, SUM(article_votes) AS article_votes,
			         SUM(kudos) AS kudos, SUM(mentees) AS mentees
			  FROM (
			    SELECT a.author_id AS person_id, t.skill_id,
			           CASE WHEN q.accepted_answer_id = a.id THEN 1 ELSE 0 END AS accepted,
			           CASE WHEN q.accepted_answer_id = a.id THEN 0 ELSE 1 END AS other_answers,
			           CASE WHEN a.score > 0 THEN a.score ELSE 0 END AS answer_votes,
			           0 AS articles, 0 AS article_votes, 0 AS kudos, 0 AS mentees
			    FROM community_post a
			    JOIN community_post q ON q.id = a.question_id
			    JOIN community_post_topic t ON t.post_id = q.id
			    WHERE a.kind = 'ANSWER' AND a.deleted_at IS NULL AND q.deleted_at IS NULL AND %1$s
			    UNION ALL
			    SELECT p.author_id, t.skill_id, 0, 0, 0, 1, CASE WHEN p.score > 0 THEN p.score ELSE 0 END, 0, 0
			    FROM community_post p JOIN community_post_topic t ON t.post_id = p.id
			    WHERE p.kind = 'ARTICLE' AND p.deleted_at IS NULL AND %2$s
			    UNION ALL
			    SELECT k.receiver_id, k.skill_id, 0, 0, 0, 0, 0, 1, 0 FROM community_kudos k WHERE %3$s
			    UNION ALL
			    SELECT m.mentor_id, taught.skill_id, 0, 0, 0, 0, 0, 0, COUNT(DISTINCT m.mentee_id)
			    FROM mentorship m
			    JOIN person_skill wanted ON wanted.person_id = m.mentee_id AND wanted.wants_to_learn = TRUE
			    JOIN person_skill taught ON taught.person_id = m.mentor_id AND taught.skill_id = wanted.skill_id
			    WHERE m.status IN ('ACTIVE', 'COMPLETED') AND %4$s
			    GROUP BY m.mentor_id, taught.skill_id
			  ) evidence
			  GROUP BY person_id, skill_id
			) e
			LEFT JOIN person_skill ps ON ps.person_id = e.person_id AND ps.skill_id = e.skill_id""";

	private static final String INSERT = """
			INSERT INTO community_expertise (person_id, skill_id, proficiency, can_teach, accepted, other_answers, answer_votes,
			                                 articles, article_votes, kudos, mentees, points)
			""";

	private static final String COLUMNS = "person_id, proficiency, can_teach, accepted, other_answers, answer_votes, articles, "
			+ "article_votes, kudos, mentees, points";

	/**
	 * One person's standing on one skill: the declaration ({@code proficiency} 0 when none) and the
	 * community evidence, with the points for both.
	 */
	public record Row(long personId, int proficiency, boolean canTeach, int accepted, int otherAnswers, int answerVotes,
			int articles, int articleVotes, int kudos, int mentees, double points) {

		static Row declaredOnly(long personId, int proficiency, boolean canTeach) {
			return new Row(personId, proficiency, canTeach, 0, 0, 0, 0, 0, 0, 0, 2.0 * proficiency + (canTeach ? 2 : 0));
		}

		public boolean declared() {
			return proficiency > 0;
		}

		/** The points for the declaration alone (0 without one). */
		public double declaredPoints() {
			return declared() ? 2.0 * proficiency + (canTeach ? 2 : 0) : 0;
		}
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate joinOrBegin;
	private final TransactionTemplate ownTransaction;
	private final boolean postgres;

	ExpertiseStore(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		this.joinOrBegin = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Rewrites the rows of these people from the evidence. Call it in the transaction that changed
	 * the evidence (it joins it; without one it runs in its own), after the change: the rows then
	 * commit, or roll back, with it.
	 */
	public void recompute(Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return;
		}
		List<Long> people = List.copyOf(new TreeSet<>(personIds));
		joinOrBegin.executeWithoutResult(status -> {
			takeTurn();
			for (int from = 0; from < people.size(); from += 1000) {
				List<Long> slice = people.subList(from, Math.min(people.size(), from + 1000));
				jdbc.sql("DELETE FROM community_expertise WHERE person_id IN (:people)").param("people", slice).update();
				jdbc.sql(INSERT + EVIDENCE.formatted("a.author_id IN (:people)", "p.author_id IN (:people)", "k.receiver_id IN (:people)",
						"m.mentor_id IN (:people)"))
					.param("people", slice).update();
			}
		});
	}

	/** Rewrites the rows of everyone who answered the question (its topics or acceptance changed, or it was deleted). */
	public void recomputeAnswerersOf(long questionId) {
		joinOrBegin.executeWithoutResult(status -> recompute(
				jdbc.sql("SELECT DISTINCT author_id FROM community_post WHERE question_id = ?").param(questionId).query(Long.class).list()));
	}

	/**
	 * Rewrites the rows of a person whose profile changed (their declarations, and what they want to
	 * learn), and of their mentors in active or completed mentorships, whose mentoring given follows
	 * what the person wants to learn.
	 */
	public void recomputeWithMentorsOf(long personId) {
		joinOrBegin.executeWithoutResult(status -> {
			// the mentors are read after taking the turn: a mentorship started meanwhile has committed by then
			takeTurn();
			List<Long> people = new ArrayList<>(jdbc.sql("""
					SELECT DISTINCT mentor_id FROM mentorship WHERE mentee_id = ? AND status IN ('ACTIVE', 'COMPLETED')""")
				.param(personId).query(Long.class).list());
			people.add(personId);
			recompute(people);
		});
	}

	/**
	 * Rewrites the rows of everyone concerned by folding the skill {@code fromSkillId} into
	 * {@code intoSkillId}: those with evidence on either, and the mentors who, with the merged
	 * declarations, now teach {@code intoSkillId} to a mentee who wants to learn it.
	 */
	public void recomputeAfterMerge(long fromSkillId, long intoSkillId) {
		joinOrBegin.executeWithoutResult(status -> {
			takeTurn();
			recompute(jdbc.sql("""
					SELECT person_id FROM community_expertise WHERE skill_id IN (:from, :into)
					UNION
					SELECT m.mentor_id FROM mentorship m
					JOIN person_skill wanted ON wanted.person_id = m.mentee_id AND wanted.skill_id = :into AND wanted.wants_to_learn = TRUE
					JOIN person_skill taught ON taught.person_id = m.mentor_id AND taught.skill_id = :into
					WHERE m.status IN ('ACTIVE', 'COMPLETED')""")
				.param("from", fromSkillId).param("into", intoSkillId).query(Long.class).list());
		});
	}

	/** Rewrites the rows of the author of the post, if it is an answer or an article (questions give no evidence). */
	public void recomputeAuthorOf(long postId) {
		joinOrBegin.executeWithoutResult(status -> recompute(
				jdbc.sql("SELECT author_id FROM community_post WHERE id = ? AND kind <> 'QUESTION'").param(postId).query(Long.class).list()));
	}

	/**
	 * Computes the whole table again from the posts, kudos and declarations, a slice of people per
	 * transaction (changes made meanwhile wait for the slice in progress, then rewrite their rows as
	 * usual). Returns the number of rows.
	 */
	public int recomputeAll() {
		long started = System.nanoTime();
		long last = jdbc.sql("""
				SELECT GREATEST(COALESCE((SELECT MAX(id) FROM person), 0), COALESCE((SELECT MAX(person_id) FROM community_expertise), 0))""")
			.query(Long.class).single();
		int rows = 0;
		for (long start = 0; start <= last; start += SLICE) {
			long from = start;
			long to = start + SLICE;
			rows += ownTransaction.execute(status -> {
				takeTurn();
				jdbc.sql("DELETE FROM community_expertise WHERE person_id >= :from AND person_id < :to").param("from", from).param("to", to)
					.update();
				return jdbc.sql(INSERT + EVIDENCE.formatted("a.author_id >= :from AND a.author_id < :to",
						"p.author_id >= :from AND p.author_id < :to", "k.receiver_id >= :from AND k.receiver_id < :to",
						"m.mentor_id >= :from AND m.mentor_id < :to"))
					.param("from", from).param("to", to).update();
			});
		}
		if (postgres) {
			// the planner's statistics would describe the table as it was before (empty after a restore
			// or a first start), and it then reads a whole skill instead of the rows of a few people
			jdbc.sql("ANALYZE community_expertise").update();
		}
		log.info("Expert finder evidence recomputed: {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
		return rows;
	}

	/** Waits for any other rewrite to commit; held until this transaction ends. */
	private void takeTurn() {
		jdbc.sql("UPDATE community_expertise_lock SET rewrites = rewrites + 1 WHERE id = 1").update();
	}

	/** The people with most points on the skill, most first (ties: lowest id first). */
	public List<Row> best(long skillId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM community_expertise WHERE skill_id = :skill ORDER BY points DESC, person_id LIMIT :limit")
			.param("skill", skillId).param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
					rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getDouble(11)))
			.list();
	}

	/**
	 * The people who declare the skill best (most points for the declaration alone, then lowest id),
	 * each with all their evidence on it. The list is in that order: the last one bounds the
	 * declaration of everyone not listed.
	 */
	public List<Row> bestDeclared(long skillId, int limit) {
		List<Row> declared = jdbc.sql("SELECT person_id, proficiency, can_teach FROM person_skill WHERE skill_id = :skill ORDER BY "
				+ DECLARED_POINTS + " DESC, person_id LIMIT :limit")
			.param("skill", skillId).param("limit", limit)
			.query((rs, n) -> Row.declaredOnly(rs.getLong(1), rs.getInt(2), rs.getBoolean(3)))
			.list();
		Map<Long, Row> withEvidence = rows(skillId, declared.stream().map(Row::personId).toList());
		return declared.stream().map(d -> withEvidence.getOrDefault(d.personId(), d)).toList();
	}

	/** What these people have on the skill: their evidence, or only their declaration; absent: neither. */
	public Map<Long, Row> of(long skillId, Collection<Long> personIds) {
		Map<Long, Row> found = rows(skillId, personIds);
		List<Long> rest = personIds.stream().filter(id -> !found.containsKey(id)).toList();
		for (int from = 0; from < rest.size(); from += 1000) {
			jdbc.sql("SELECT person_id, proficiency, can_teach FROM person_skill WHERE skill_id = :skill AND person_id IN (:people)")
				.param("skill", skillId).param("people", rest.subList(from, Math.min(rest.size(), from + 1000)))
				.query(rs -> {
					found.put(rs.getLong(1), Row.declaredOnly(rs.getLong(1), rs.getInt(2), rs.getBoolean(3)));
				});
		}
		return found;
	}

	private Map<Long, Row> rows(long skillId, Collection<Long> personIds) {
		Map<Long, Row> rows = new HashMap<>();
		List<Long> people = new ArrayList<>(personIds);
		for (int from = 0; from < people.size(); from += 1000) {
			jdbc.sql("SELECT " + COLUMNS + " FROM community_expertise WHERE skill_id = :skill AND person_id IN (:people)")
				.param("skill", skillId).param("people", people.subList(from, Math.min(people.size(), from + 1000)))
				.query(rs -> {
					rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
							rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getDouble(11)));
				});
		}
		return rows;
	}
}
