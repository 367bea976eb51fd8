package org.guildhall.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who learned from whom in the community, for read models (the insights learning network):
 * accepted answers, kudos, circle membership (member learns from host) and agreed ask-an-expert
 * sessions. Deleted posts make no links. No access check: callers aggregate.
 */
@Service
public class LearningLinks {

	private static final String ANSWERS = """
			SELECT 'answer:' || CAST(q.id AS VARCHAR(20)) AS source, 'ANSWER' AS kind, q.author_id AS learner, a.author_id AS teacher,
			  a.created_at AS at
			FROM community_post q JOIN community_post a ON a.id = q.accepted_answer_id
			WHERE q.kind = 'QUESTION' AND q.deleted_at IS NULL AND a.deleted_at IS NULL AND q.author_id <> a.author_id""";
	private static final String KUDOS = """
			SELECT 'kudos:' || CAST(k.id AS VARCHAR(20)) AS source, 'KUDOS' AS kind, k.giver_id AS learner, k.receiver_id AS teacher,
			  k.created_at AS at FROM community_kudos k""";
	private static final String CIRCLES = """
			SELECT 'circle:' || CAST(c.id AS VARCHAR(20)) AS source, 'CIRCLE' AS kind, m.person_id AS learner, c.host_id AS teacher,
			  m.since AS at
			FROM community_circle c JOIN community_circle_member m ON m.circle_id = c.id
			WHERE m.status = 'MEMBER' AND m.person_id <> c.host_id""";
	private static final String SESSIONS = """
			SELECT 'expert:' || CAST(r.id AS VARCHAR(20)) AS source, 'EXPERT_SESSION' AS kind, r.asker_id AS learner,
			  r.expert_id AS teacher, o.agreed_at AS at
			FROM community_expert_request r JOIN community_flash_offer o ON o.request_id = r.id
			WHERE r.state = 'SCHEDULED' AND o.agreed_at IS NOT NULL AND r.asker_id <> r.expert_id""";

	private final JdbcClient jdbc;

	LearningLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every link, source by source. */
	@Transactional(readOnly = true)
	public void forEach(Consumer<LearningLink> each) {
		for (String sql : List.of(ANSWERS, KUDOS, CIRCLES, SESSIONS)) {
			jdbc.sql(sql).query(rs -> {
				each.accept(link(rs));
			});
		}
	}

	/** The links one source makes now (none when it was deleted or undone). */
	@Transactional(readOnly = true)
	public List<LearningLink> of(String source) {
		int colon = source.indexOf(':');
		long id;
		try {
			id = Long.parseLong(source.substring(colon + 1));
		}
		catch (NumberFormatException | IndexOutOfBoundsException e) {
			throw new IllegalArgumentException("Not a link source: " + source);
		}
		String sql = switch (source.substring(0, Math.max(0, colon))) {
			case "answer" -> ANSWERS + " AND q.id = ?";
			case "kudos" -> KUDOS + " WHERE k.id = ?";
			case "circle" -> CIRCLES + " AND c.id = ?";
			case "expert" -> SESSIONS + " AND r.id = ?";
			default -> throw new IllegalArgumentException("Not a link source: " + source);
		};
		return jdbc.sql(sql).param(id).query((rs, n) -> link(rs)).list();
	}

	/** The source a post's links belong to: a question's own, an answer's question; null for articles. */
	@Transactional(readOnly = true)
	public @Nullable String sourceOfPost(long postId) {
		return jdbc.sql("SELECT kind, id, question_id FROM community_post WHERE id = ?").param(postId)
			.query((rs, n) -> switch (rs.getString(1)) {
				case "QUESTION" -> "answer:" + rs.getLong(2);
				case "ANSWER" -> "answer:" + rs.getLong(3);
				default -> "";
			}).optional().filter(s -> !s.isEmpty()).orElse(null);
	}

	private static LearningLink link(ResultSet rs) throws SQLException {
		return new LearningLink(rs.getString("source"), LearningLink.Kind.valueOf(rs.getString("kind")), rs.getLong("learner"),
				rs.getLong("teacher"), rs.getTimestamp("at").toInstant());
	}
}
