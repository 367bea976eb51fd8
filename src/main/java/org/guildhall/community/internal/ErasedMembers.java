package org.guildhall.community.internal;

import java.util.List;
import java.util.Map;

import org.guildhall.people.PersonErased;
import org.guildhall.shared.Redaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a person is erased: what they wrote stays (questions, answers, articles, comments, circle
 * posts, kudos they gave), shown as by "Former colleague" because the people module renamed them,
 * with their name, e-mail and employee id replaced wherever anyone quoted them;
 * what is about them goes: kudos they received, who they follow and who follows them, circle
 * memberships and answers to invitations, expert requests to or from them, reputation, badges,
 * expertise, their entries in the activity feed and their entry in the search index. Votes stay
 * (they carry no text and removing them would change other people's scores). Deletes only, so a
 * retry changes nothing more.
 */
@Component
class ErasedMembers {

	private final JdbcClient jdbc;
	private final SearchIndex index;

	ErasedMembers(JdbcClient jdbc, SearchIndex index) {
		this.jdbc = jdbc;
		this.index = index;
	}

	/** Text columns where someone may have quoted the person (a signature, "thanks to ..."), with their lengths. */
	private static final Map<String, Map<String, Integer>> QUOTING = Map.of(
			"community_post", Map.of("title", 200, "body", 60000),
			"community_revision", Map.of("title", 200, "body", 60000),
			"community_comment", Map.of("body", 1000),
			"community_circle_post", Map.of("body", 5000),
			"community_kudos", Map.of("message", 500),
			"community_activity", Map.of("title", 200),
			"community_expert_request", Map.of("reasons", 2000, "decline_reason", 500),
			"community_flash_offer", Map.of("message", 1000));

	@ApplicationModuleListener
	void on(PersonErased event) {
		long id = event.personId();
		jdbc.sql("DELETE FROM community_kudos WHERE receiver_id = ?").param(id).update();
		jdbc.sql("DELETE FROM community_follow_person WHERE follower_id = ? OR followee_id = ?").params(id, id).update();
		jdbc.sql("DELETE FROM community_follow_topic WHERE person_id = ?").param(id).update();
		List<Long> circles = jdbc.sql("SELECT circle_id FROM community_circle_member WHERE person_id = ?").param(id)
			.query(Long.class).list();
		jdbc.sql("DELETE FROM community_circle_member WHERE person_id = ?").param(id).update();
		for (long circle : circles) {
			jdbc.sql("""
					UPDATE community_circle SET member_count = (SELECT COUNT(*) FROM community_circle_member m
					  WHERE m.circle_id = community_circle.id AND m.status = 'MEMBER'), version = version + 1 WHERE id = ?""")
				.param(circle).update();
		}
		jdbc.sql("DELETE FROM community_circle_rsvp WHERE person_id = ?").param(id).update();
		jdbc.sql("""
				DELETE FROM community_flash_offer WHERE request_id IN
				  (SELECT r.id FROM community_expert_request r WHERE r.expert_id = ? OR r.asker_id = ?)""").params(id, id).update();
		jdbc.sql("DELETE FROM community_expert_request WHERE expert_id = ? OR asker_id = ?").params(id, id).update();
		jdbc.sql("DELETE FROM community_reputation WHERE person_id = ?").param(id).update();
		jdbc.sql("DELETE FROM community_badge WHERE person_id = ?").param(id).update();
		jdbc.sql("DELETE FROM community_expertise WHERE person_id = ?").param(id).update();
		jdbc.sql("DELETE FROM community_activity WHERE actor_id = ? OR subject_id = ?").params(id, id).update();
		List<Long> rewritten = cutOut(event);
		// the person is inactive now, so this removes their document (name, title, bio, skills, vector)
		index.refreshPeople(List.of(id));
		if (!rewritten.isEmpty()) {
			index.refreshPosts(rewritten);
		}
	}

	/**
	 * The person's name, e-mail and employee id, wherever they were quoted in what people wrote,
	 * become "Former colleague" (the rest of the text stays). Returns the posts whose text changed.
	 */
	private List<Long> cutOut(PersonErased event) {
		List<Long> posts = new java.util.ArrayList<>();
		for (String trace : event.traces().all()) {
			String replacement = trace.equals(event.traces().email()) ? PersonErased.erasedEmail(event.personId())
					: PersonErased.FORMER_COLLEAGUE;
			String like = "%" + Redaction.likeEscaped(trace) + "%";
			posts.addAll(jdbc.sql("SELECT id FROM community_post WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\'")
				.params(like, like).query(Long.class).list());
			Redaction.replace(jdbc, QUOTING, trace, replacement);
		}
		return posts.stream().distinct().toList();
	}
}
