package org.guildhall.community.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guildhall.community.Admission;
import org.guildhall.community.CircleEvent;
import org.guildhall.community.Membership;
import org.guildhall.community.Rsvp;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL behind learning circles: circles, members and requests, posts, events and answers to
 * them. Callers check permissions and input first; the primary keys keep one membership and one
 * answer per person, and member counts move only when a row really changed.
 */
@Component
public class CircleStore {

	private final JdbcClient jdbc;

	CircleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A circle's stored facts. */
	public record CircleRow(long id, String name, String description, long skillId, String skillName, Admission admission,
			long hostId, int memberCount, Instant createdAt, long version) {
	}

	/** A circle post's stored facts. */
	public record PostRow(long id, long circleId, long authorId, String body, Instant createdAt) {
	}

	/** A circle event's stored facts. */
	public record EventRow(long id, long circleId, String title, Instant startsAt, int durationMinutes, @Nullable String place,
			@Nullable String link, boolean cancelled) {
	}

	public static String nameKey(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

	public long insert(String name, String description, long skillId, Admission admission, long hostId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO community_circle (name, name_key, description, skill_id, admission, host_id, member_count)
				VALUES (:name, :key, :description, :skill, :admission, :host, 1)""")
			.param("name", name).param("key", nameKey(name)).param("description", description).param("skill", skillId)
			.param("admission", admission.name()).param("host", hostId)
			.update(keys, "id");
		long id = PostStore.generatedId(keys);
		jdbc.sql("INSERT INTO community_circle_member (circle_id, person_id, status) VALUES (?, ?, 'MEMBER')").params(id, hostId).update();
		return id;
	}

	public void update(long id, String name, String description, long skillId, Admission admission) {
		jdbc.sql("""
				UPDATE community_circle SET name = :name, name_key = :key, description = :description, skill_id = :skill,
				       admission = :admission, version = version + 1 WHERE id = :id""")
			.param("name", name).param("key", nameKey(name)).param("description", description).param("skill", skillId)
			.param("admission", admission.name()).param("id", id).update();
	}

	private static final String CIRCLE_COLUMNS = """
			SELECT c.id, c.name, c.description, c.skill_id, s.name AS skill_name, c.admission, c.host_id, c.member_count,
			       c.created_at, c.version
			FROM community_circle c JOIN skill s ON s.id = c.skill_id""";

	private static CircleRow circle(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CircleRow(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("skill_id"),
				rs.getString("skill_name"), Admission.valueOf(rs.getString("admission")), rs.getLong("host_id"),
				rs.getInt("member_count"), PostStore.instant(rs, "created_at"), rs.getLong("version"));
	}

	public Optional<CircleRow> find(long id) {
		return jdbc.sql(CIRCLE_COLUMNS + " WHERE c.id = ?").param(id).query((rs, n) -> circle(rs)).optional();
	}

	/** Circles by name (words all in the name or description), optionally on one topic, by name; and how many match. */
	public List<CircleRow> search(@Nullable String text, @Nullable Long skillId, int limit, long offset) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(text, skillId, params);
		return jdbc.sql(CIRCLE_COLUMNS + where + " ORDER BY c.name_key, c.id LIMIT :limit OFFSET :offset")
			.params(params).param("limit", limit).param("offset", offset)
			.query((rs, n) -> circle(rs)).list();
	}

	public long count(@Nullable String text, @Nullable Long skillId) {
		Map<String, Object> params = new LinkedHashMap<>();
		return jdbc.sql("SELECT COUNT(*) FROM community_circle c" + where(text, skillId, params)).params(params)
			.query(Long.class).single();
	}

	private static String where(@Nullable String text, @Nullable Long skillId, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (text != null) {
			List<String> words = PostStore.words(text);
			for (int i = 0; i < words.size(); i++) {
				where.append(" AND (c.name_key LIKE :w").append(i).append(" ESCAPE '\\' OR LOWER(c.description) LIKE :w")
					.append(i).append(" ESCAPE '\\')");
				params.put("w" + i, "%" + PostStore.escapeLike(words.get(i)) + "%");
			}
		}
		if (skillId != null) {
			where.append(" AND c.skill_id = :skill");
			params.put("skill", skillId);
		}
		return where.toString();
	}

	/** The circles a person is a member of, by name. */
	public List<CircleRow> circlesOf(long personId) {
		return jdbc.sql(CIRCLE_COLUMNS + " JOIN community_circle_member m ON m.circle_id = c.id"
				+ " WHERE m.person_id = ? AND m.status = 'MEMBER' ORDER BY c.name_key").param(personId)
			.query((rs, n) -> circle(rs)).list();
	}

	public Membership membership(long circleId, long personId) {
		return jdbc.sql("SELECT status FROM community_circle_member WHERE circle_id = ? AND person_id = ?")
			.params(circleId, personId).query(String.class).optional().map(Membership::valueOf).orElse(Membership.NONE);
	}

	/** Memberships of one person in several circles, in one query. */
	public Map<Long, Membership> memberships(List<Long> circleIds, long personId) {
		if (circleIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Membership> result = new HashMap<>();
		jdbc.sql("SELECT circle_id, status FROM community_circle_member WHERE person_id = :p AND circle_id IN (:ids)")
			.param("p", personId).param("ids", circleIds)
			.query(rs -> {
				result.put(rs.getLong(1), Membership.valueOf(rs.getString(2)));
			});
		return result;
	}

	/** Adds the person as a member or as asking to join; false when they already had either standing. */
	public boolean add(long circleId, long personId, Membership status) {
		int added = jdbc.sql("INSERT INTO community_circle_member (circle_id, person_id, status) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(circleId, personId, status.name()).update();
		if (added == 1 && status == Membership.MEMBER) {
			jdbc.sql("UPDATE community_circle SET member_count = member_count + 1 WHERE id = ?").param(circleId).update();
		}
		return added == 1;
	}

	/** Turns a request into a membership; false when there was no open request. */
	public boolean approve(long circleId, long personId) {
		int changed = jdbc.sql("UPDATE community_circle_member SET status = 'MEMBER', since = CURRENT_TIMESTAMP WHERE circle_id = ? AND person_id = ? AND status = 'REQUESTED'")
			.params(circleId, personId).update();
		if (changed == 1) {
			jdbc.sql("UPDATE community_circle SET member_count = member_count + 1 WHERE id = ?").param(circleId).update();
		}
		return changed == 1;
	}

	/** Removes a member or a request; false when there was neither. */
	public boolean remove(long circleId, long personId) {
		Optional<String> status = jdbc.sql("SELECT status FROM community_circle_member WHERE circle_id = ? AND person_id = ?")
			.params(circleId, personId).query(String.class).optional();
		if (status.isEmpty()) {
			return false;
		}
		int removed = jdbc.sql("DELETE FROM community_circle_member WHERE circle_id = ? AND person_id = ? AND status = ?")
			.params(circleId, personId, status.get()).update();
		if (removed == 1 && status.get().equals("MEMBER")) {
			jdbc.sql("UPDATE community_circle SET member_count = member_count - 1 WHERE id = ?").param(circleId).update();
		}
		return removed == 1;
	}

	public void setHost(long circleId, long personId) {
		jdbc.sql("UPDATE community_circle SET host_id = ?, version = version + 1 WHERE id = ?").params(personId, circleId).update();
	}

	/** Ids of members (status MEMBER) or of people asking to join (REQUESTED), earliest first, at most 1,000. */
	public List<Long> people(long circleId, Membership status) {
		return jdbc.sql("SELECT person_id FROM community_circle_member WHERE circle_id = ? AND status = ? ORDER BY since, person_id LIMIT 1000")
			.params(circleId, status.name()).query(Long.class).list();
	}

	public long insertPost(long circleId, long authorId, String body) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO community_circle_post (circle_id, author_id, body) VALUES (:c, :a, :b)")
			.param("c", circleId).param("a", authorId).param("b", body).update(keys, "id");
		return PostStore.generatedId(keys);
	}

	public Optional<PostRow> findPost(long circleId, long postId) {
		return jdbc.sql("SELECT id, circle_id, author_id, body, created_at FROM community_circle_post WHERE id = ? AND circle_id = ? AND deleted_at IS NULL")
			.params(postId, circleId)
			.query((rs, n) -> new PostRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), PostStore.instant(rs, "created_at")))
			.optional();
	}

	public void deletePost(long postId) {
		jdbc.sql("UPDATE community_circle_post SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?").param(postId).update();
	}

	/** A page of live posts, newest first, and the total. */
	public List<PostRow> posts(long circleId, int limit, long offset) {
		return jdbc.sql("""
				SELECT id, circle_id, author_id, body, created_at FROM community_circle_post
				WHERE circle_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(circleId, limit, offset)
			.query((rs, n) -> new PostRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), PostStore.instant(rs, "created_at")))
			.list();
	}

	public long countPosts(long circleId) {
		return jdbc.sql("SELECT COUNT(*) FROM community_circle_post WHERE circle_id = ? AND deleted_at IS NULL").param(circleId)
			.query(Long.class).single();
	}

	public long insertEvent(long circleId, String title, Instant startsAt, int minutes, @Nullable String place,
			@Nullable String link, long createdBy) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO community_circle_event (circle_id, title, starts_at, duration_minutes, place, link, created_by)
				VALUES (:c, :t, :s, :d, :p, :l, :by)""")
			.param("c", circleId).param("t", title).param("s", startsAt.atOffset(ZoneOffset.UTC)).param("d", minutes)
			.param("p", place).param("l", link).param("by", createdBy).update(keys, "id");
		return PostStore.generatedId(keys);
	}

	public Optional<EventRow> findEvent(long circleId, long eventId) {
		return jdbc.sql("SELECT id, circle_id, title, starts_at, duration_minutes, place, link, cancelled_at FROM community_circle_event WHERE id = ? AND circle_id = ?")
			.params(eventId, circleId)
			.query((rs, n) -> new EventRow(rs.getLong(1), rs.getLong(2), rs.getString(3), PostStore.instant(rs, "starts_at"),
					rs.getInt(5), rs.getString(6), rs.getString(7), rs.getObject(8) != null))
			.optional();
	}

	public void cancelEvent(long eventId) {
		jdbc.sql("UPDATE community_circle_event SET cancelled_at = CURRENT_TIMESTAMP WHERE id = ?").param(eventId).update();
	}

	/**
	 * Events not cancelled that end after {@code after}, soonest first, with counts of yes and maybe
	 * and the viewer's answer; two queries.
	 */
	public List<CircleEvent> events(long circleId, Instant after, long viewerId) {
		record Row(long id, String title, Instant starts, int minutes, @Nullable String place, @Nullable String link) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, title, starts_at, duration_minutes, place, link FROM community_circle_event
				WHERE circle_id = ? AND cancelled_at IS NULL AND starts_at >= ? ORDER BY starts_at, id LIMIT 50""")
			.params(circleId, after.minus(java.time.Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), PostStore.instant(rs, "starts_at"), rs.getInt(4),
					rs.getString(5), rs.getString(6)))
			.list()
			.stream().filter(r -> r.starts().plus(java.time.Duration.ofMinutes(r.minutes())).isAfter(after)).toList();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, int[]> counts = new HashMap<>();
		Map<Long, Rsvp> mine = new HashMap<>();
		jdbc.sql("SELECT event_id, person_id, answer FROM community_circle_rsvp WHERE event_id IN (:ids)")
			.param("ids", rows.stream().map(Row::id).toList())
			.query(rs -> {
				Rsvp answer = Rsvp.valueOf(rs.getString(3));
				int[] c = counts.computeIfAbsent(rs.getLong(1), k -> new int[2]);
				if (answer == Rsvp.YES) {
					c[0]++;
				}
				else if (answer == Rsvp.MAYBE) {
					c[1]++;
				}
				if (rs.getLong(2) == viewerId) {
					mine.put(rs.getLong(1), answer);
				}
			});
		return rows.stream().map(r -> {
			int[] c = counts.getOrDefault(r.id(), new int[2]);
			return new CircleEvent(r.id(), circleId, r.title(), r.starts(), r.minutes(), r.place(), r.link(), c[0], c[1],
					mine.get(r.id()));
		}).toList();
	}

	/** Everyone's answer to one event, by person. */
	public Map<Long, Rsvp> answers(long eventId) {
		Map<Long, Rsvp> answers = new HashMap<>();
		jdbc.sql("SELECT person_id, answer FROM community_circle_rsvp WHERE event_id = ?").param(eventId)
			.query(rs -> {
				answers.put(rs.getLong(1), Rsvp.valueOf(rs.getString(2)));
			});
		return answers;
	}

	/** Sets a person's answer to an event, replacing an earlier one. */
	public void answer(long eventId, long personId, Rsvp answer) {
		int changed = jdbc.sql("UPDATE community_circle_rsvp SET answer = ?, answered_at = CURRENT_TIMESTAMP WHERE event_id = ? AND person_id = ?")
			.params(answer.name(), eventId, personId).update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO community_circle_rsvp (event_id, person_id, answer) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(eventId, personId, answer.name()).update();
		}
	}
}
