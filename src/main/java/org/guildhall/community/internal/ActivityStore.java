package org.guildhall.community.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guildhall.community.ActivityKind;
import org.guildhall.community.FeedItem;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity table behind the feed. Each row is written once (its source key names the event
 * that wrote it); its topics are copied to a side table with the time, so that "what happened in
 * my topics, my circles and among people I follow" is one query over four indexed branches.
 */
@Component
public class ActivityStore {

	private final JdbcClient jdbc;
	private final PeopleDirectory people;

	ActivityStore(JdbcClient jdbc, PeopleDirectory people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** What to record: the place fields are null where they do not apply. */
	public record Entry(ActivityKind kind, Instant occurredAt, long actorId, @Nullable Long subjectId,
			@Nullable Long postId, @Nullable Long questionId, @Nullable Long circleId, @Nullable Long itemId, String title,
			String sourceKey, Collection<Long> topics) {
	}

	/** Writes the entry unless an entry with its source key exists; returns whether it was written. */
	public boolean record(Entry entry) {
		String title = entry.title().length() > 200 ? entry.title().substring(0, 199) + "…" : entry.title();
		OffsetDateTime at = entry.occurredAt().atOffset(ZoneOffset.UTC);
		int written = jdbc.sql("""
				INSERT INTO community_activity (kind, occurred_at, actor_id, subject_id, post_id, question_id, circle_id,
				                                item_id, title, source_key)
				VALUES (:kind, :at, :actor, :subject, :post, :question, :circle, :item, :title, :key)
				ON CONFLICT DO NOTHING""")
			.param("kind", entry.kind().name()).param("at", at).param("actor", entry.actorId())
			.param("subject", entry.subjectId()).param("post", entry.postId()).param("question", entry.questionId())
			.param("circle", entry.circleId()).param("item", entry.itemId()).param("title", title)
			.param("key", entry.sourceKey())
			.update();
		if (written == 0) {
			return false;
		}
		long id = jdbc.sql("SELECT id FROM community_activity WHERE source_key = ?").param(entry.sourceKey())
			.query(Long.class).single();
		for (long skill : new HashSet<>(entry.topics())) {
			jdbc.sql("INSERT INTO community_activity_topic (activity_id, skill_id, occurred_at) VALUES (?, ?, ?)")
				.params(id, skill, at).update();
		}
		return true;
	}

	/** Removes what was recorded about a post and, for a question, about its answers. */
	public void forgetPost(long postId) {
		jdbc.sql("DELETE FROM community_activity WHERE post_id = ? OR question_id = ?").params(postId, postId).update();
	}

	/** Removes one entry by its source key ("ANSWER_ACCEPTED:12"). */
	public void forget(String sourceKey) {
		jdbc.sql("DELETE FROM community_activity WHERE source_key = ?").param(sourceKey).update();
	}

	/** Removes the entries about a circle's post or event. */
	public void forgetCircleItem(ActivityKind kind, long itemId) {
		jdbc.sql("DELETE FROM community_activity WHERE kind = ? AND item_id = ?").params(kind.name(), itemId).update();
	}

	/** A new title for the entry about an item (a kudos whose message was hidden or shown again). */
	public void retitleItem(ActivityKind kind, long itemId, String title) {
		String fitting = title.length() > 200 ? title.substring(0, 199) + "…" : title;
		jdbc.sql("UPDATE community_activity SET title = ? WHERE kind = ? AND item_id = ?").params(fitting, kind.name(), itemId).update();
	}

	/** After an edit: the new title, and the question's current topics, for every entry about the post or its answers. */
	public void refreshPost(long postId, String title, Collection<Long> topics) {
		List<Long> ids = jdbc.sql("SELECT id FROM community_activity WHERE post_id = :p OR question_id = :p")
			.param("p", postId).query(Long.class).list();
		for (long id : ids) {
			jdbc.sql("UPDATE community_activity SET title = ? WHERE id = ?").params(title, id).update();
			jdbc.sql("DELETE FROM community_activity_topic WHERE activity_id = ?").param(id).update();
			jdbc.sql("""
					INSERT INTO community_activity_topic (activity_id, skill_id, occurred_at)
					SELECT a.id, s.id, a.occurred_at FROM community_activity a, skill s WHERE a.id = :a AND s.id IN (:topics)""")
				.param("a", id).param("topics", topics.isEmpty() ? List.of(-1L) : topics).update();
		}
	}

	/**
	 * A page of what the person follows, newest first, strictly before the cursor (time, id) when
	 * given. Their own actions are left out. Circle items reach members of the circle only, never
	 * through a followed person or topic.
	 */
	public List<FeedItem> feed(long personId, @Nullable Instant beforeAt, long beforeId, int limit) {
		String sql = postgres() ? lateralFeed(beforeAt != null) : plainFeed(beforeAt != null);
		record Row(long id, ActivityKind kind, Instant at, long actor, @Nullable Long subject, @Nullable Long post,
				@Nullable Long question, @Nullable Long circle, @Nullable Long item, String title, @Nullable String circleName) {
		}
		var statement = jdbc.sql(sql).param("me", personId).param("limit", limit);
		if (beforeAt != null) {
			statement = statement.param("at", beforeAt.atOffset(ZoneOffset.UTC)).param("id", beforeId);
		}
		List<Row> rows = statement.query((rs, n) -> new Row(rs.getLong("id"), ActivityKind.valueOf(rs.getString("kind")),
				PostStore.instant(rs, "occurred_at"), rs.getLong("actor_id"), PostStore.nullableLong(rs, "subject_id"),
				PostStore.nullableLong(rs, "post_id"), PostStore.nullableLong(rs, "question_id"),
				PostStore.nullableLong(rs, "circle_id"), PostStore.nullableLong(rs, "item_id"), rs.getString("title"),
				rs.getString("circle_name")))
			.list();
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			ids.add(r.actor());
			if (r.subject() != null) {
				ids.add(r.subject());
			}
		});
		Map<Long, PersonRef> refs = people.refs(ids);
		return rows.stream().map(r -> new FeedItem(r.id(), r.kind(), r.at(), PostStore.ref(refs, r.actor()),
				r.subject() == null ? null : PostStore.ref(refs, r.subject()), r.title(),
				link(r.kind(), r.post(), r.question(), r.circle(), r.item(), r.subject()), r.circleName()))
			.toList();
	}

	private static final String FEED_ROWS = """
			SELECT a.id, a.kind, a.occurred_at, a.actor_id, a.subject_id, a.post_id, a.question_id, a.circle_id,
			       a.item_id, a.title, c.name AS circle_name
			FROM (%s) u
			JOIN community_activity a ON a.id = u.id
			LEFT JOIN community_circle c ON c.id = a.circle_id
			ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit""";

	/** Four branches, each the newest rows of one kind of interest by its index, united and cut again (H2). */
	private static String plainFeed(boolean keyset) {
		String keysetT = keyset ? " AND (t.occurred_at < :at OR (t.occurred_at = :at AND t.activity_id < :id))" : "";
		String keysetA = keyset ? " AND (a.occurred_at < :at OR (a.occurred_at = :at AND a.id < :id))" : "";
		return FEED_ROWS.formatted("""
				  (SELECT t.activity_id AS id, t.occurred_at FROM community_activity_topic t
				   JOIN community_activity a ON a.id = t.activity_id AND a.actor_id <> :me
				   WHERE t.skill_id IN (SELECT f.skill_id FROM community_follow_topic f WHERE f.person_id = :me)%1$s
				   ORDER BY t.occurred_at DESC, t.activity_id DESC LIMIT :limit)
				  UNION
				  (SELECT a.id, a.occurred_at FROM community_activity a
				   WHERE a.circle_id IN (SELECT m.circle_id FROM community_circle_member m WHERE m.person_id = :me AND m.status = 'MEMBER')
				     AND a.actor_id <> :me%2$s
				   ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit)
				  UNION
				  (SELECT a.id, a.occurred_at FROM community_activity a
				   WHERE a.actor_id IN (SELECT f.followee_id FROM community_follow_person f WHERE f.follower_id = :me)
				     AND a.circle_id IS NULL%2$s
				   ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit)
				  UNION
				  (SELECT a.id, a.occurred_at FROM community_activity a
				   WHERE a.subject_id IN (SELECT f.followee_id FROM community_follow_person f WHERE f.follower_id = :me)
				     AND a.circle_id IS NULL AND a.actor_id <> :me%2$s
				   ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit)""".formatted(keysetT, keysetA));
	}

	/**
	 * The same on PostgreSQL, where the planner would otherwise scan every row of followed people
	 * and sort them: for each followed topic, circle and person, the newest rows by a backward index
	 * scan (LATERAL ... LIMIT), so a page reads at most (follows x page size) index entries.
	 */
	private static String lateralFeed(boolean keyset) {
		String keysetT = keyset ? " AND (t.occurred_at, t.activity_id) < (:at, :id)" : "";
		String keysetA = keyset ? " AND (a.occurred_at, a.id) < (:at, :id)" : "";
		return FEED_ROWS.formatted("""
				  SELECT x.id, x.occurred_at FROM community_follow_topic f CROSS JOIN LATERAL (
				    SELECT t.activity_id AS id, t.occurred_at FROM community_activity_topic t
				    JOIN community_activity a ON a.id = t.activity_id AND a.actor_id <> :me
				    WHERE t.skill_id = f.skill_id%1$s
				    ORDER BY t.occurred_at DESC, t.activity_id DESC LIMIT :limit) x
				  WHERE f.person_id = :me
				  UNION
				  SELECT x.id, x.occurred_at FROM community_circle_member m CROSS JOIN LATERAL (
				    SELECT a.id, a.occurred_at FROM community_activity a
				    WHERE a.circle_id = m.circle_id AND a.actor_id <> :me%2$s
				    ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit) x
				  WHERE m.person_id = :me AND m.status = 'MEMBER'
				  UNION
				  SELECT x.id, x.occurred_at FROM community_follow_person f CROSS JOIN LATERAL (
				    SELECT a.id, a.occurred_at FROM community_activity a
				    WHERE a.actor_id = f.followee_id AND a.circle_id IS NULL%2$s
				    ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit) x
				  WHERE f.follower_id = :me
				  UNION
				  SELECT x.id, x.occurred_at FROM community_follow_person f CROSS JOIN LATERAL (
				    SELECT a.id, a.occurred_at FROM community_activity a
				    WHERE a.subject_id = f.followee_id AND a.circle_id IS NULL AND a.actor_id <> :me%2$s
				    ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit) x
				  WHERE f.follower_id = :me""".formatted(keysetT, keysetA));
	}

	private @Nullable Boolean postgres;

	private boolean postgres() {
		if (postgres == null) {
			postgres = jdbc.sql("SELECT 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
				.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")).single();
		}
		return postgres;
	}

	private static String link(ActivityKind kind, @Nullable Long post, @Nullable Long question, @Nullable Long circle,
			@Nullable Long item, @Nullable Long subject) {
		return switch (kind) {
			case QUESTION_ASKED -> "/community/questions/" + post;
			case ANSWER_POSTED, ANSWER_ACCEPTED -> "/community/questions/" + question + "#answer-" + post;
			case ARTICLE_PUBLISHED -> "/community/articles/" + post;
			case KUDOS_GIVEN -> "/community/people/" + subject;
			case CIRCLE_POST -> "/community/circles/" + circle + "#post-" + item;
			case CIRCLE_EVENT -> "/community/circles/" + circle + "#event-" + item;
		};
	}
}
