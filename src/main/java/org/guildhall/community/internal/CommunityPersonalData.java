package org.guildhall.community.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guildhall.shared.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The community's part of the archive: everything a person wrote, gave, received or joined there. */
@Component
class CommunityPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	CommunityPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "community";
	}

	@Override
	public String describes() {
		return "your questions, answers and articles (with their earlier versions), comments, votes, kudos you gave and "
				+ "received, circles you host or belong to, their posts and events you answered, whom and which topics you "
				+ "follow, expert requests to and from you, reputation, badges and your activity feed entries";
	}

	@Override
	public Map<String, Object> export(Subject subject) {
		Map<String, Object> part = new LinkedHashMap<>();
		if (subject.personId() == null) {
			return part;
		}
		long id = subject.personId();
		part.put("posts", rows("""
				SELECT id, kind, question_id, title, body, lesson_learned, score, created_at, edited_at, deleted_at
				FROM community_post WHERE author_id = ? ORDER BY created_at, id""", id));
		part.put("revisionsOfYourPosts", rows("""
				SELECT r.post_id, r.revision, r.title, r.body, r.topics, r.edited_at FROM community_revision r
				JOIN community_post p ON p.id = r.post_id WHERE p.author_id = ? ORDER BY r.post_id, r.revision""", id));
		part.put("comments", rows("""
				SELECT id, post_id, body, created_at, deleted_at, hidden_reason FROM community_comment WHERE author_id = ? ORDER BY created_at, id""", id));
		part.put("votes", rows("SELECT post_id, direction, voted_at FROM community_vote WHERE person_id = ? ORDER BY voted_at", id));
		part.put("kudosGiven", rows("""
				SELECT k.receiver_id, s.name AS skill, k.message, k.hidden_reason, k.created_at FROM community_kudos k JOIN skill s ON s.id = k.skill_id
				WHERE k.giver_id = ? ORDER BY k.created_at, k.id""", id));
		part.put("kudosReceived", rows("""
				SELECT k.giver_id, s.name AS skill,
				       CASE WHEN k.hidden_reason IS NULL THEN k.message ELSE 'hidden by a moderator' END AS message, k.created_at
				FROM community_kudos k JOIN skill s ON s.id = k.skill_id
				WHERE k.receiver_id = ? ORDER BY k.created_at, k.id""", id));
		part.put("circlesHosted", rows("""
				SELECT id, name, description, admission, created_at FROM community_circle WHERE host_id = ? ORDER BY id""", id));
		part.put("circleMemberships", rows("""
				SELECT c.id AS circle_id, c.name, m.status, m.since FROM community_circle_member m
				JOIN community_circle c ON c.id = m.circle_id WHERE m.person_id = ? ORDER BY m.since""", id));
		part.put("circlePosts", rows("""
				SELECT id, circle_id, body, created_at, deleted_at FROM community_circle_post WHERE author_id = ? ORDER BY created_at, id""", id));
		part.put("circleEventsCreated", rows("""
				SELECT id, circle_id, title, starts_at, duration_minutes, place, link, cancelled_at
				FROM community_circle_event WHERE created_by = ? ORDER BY starts_at""", id));
		part.put("circleEventAnswers", rows("""
				SELECT event_id, answer, answered_at FROM community_circle_rsvp WHERE person_id = ? ORDER BY answered_at""", id));
		part.put("followingPeople", rows("SELECT followee_id, since FROM community_follow_person WHERE follower_id = ?", id));
		part.put("followers", rows("SELECT follower_id, since FROM community_follow_person WHERE followee_id = ?", id));
		part.put("followingTopics", rows("""
				SELECT s.name AS topic, f.since FROM community_follow_topic f JOIN skill s ON s.id = f.skill_id WHERE f.person_id = ?""", id));
		part.put("expertRequests", rows("""
				SELECT r.id, r.question_id, r.expert_id, r.asker_id, r.state, r.reasons, r.decline_reason, r.asked_at, r.closed_at,
				  o.message AS offer_message, o.minutes AS offer_minutes, o.meeting_link AS offer_link
				FROM community_expert_request r LEFT JOIN community_flash_offer o ON o.request_id = r.id
				WHERE r.expert_id = ? OR r.asker_id = ? ORDER BY r.asked_at""", id, id));
		part.put("reputation", rows("""
				SELECT s.name AS topic, r.points, r.answers, r.accepted, r.net_votes, r.kudos FROM community_reputation r
				JOIN skill s ON s.id = r.skill_id WHERE r.person_id = ?""", id));
		part.put("badges", rows("SELECT badge, award_key, earned_at FROM community_badge WHERE person_id = ? ORDER BY earned_at", id));
		part.put("activity", rows("""
				SELECT kind, occurred_at, actor_id, subject_id, post_id, circle_id, title FROM community_activity
				WHERE actor_id = ? OR subject_id = ? ORDER BY occurred_at, id""", id, id));
		return part;
	}

	private java.util.List<Map<String, Object>> rows(String sql, Object... params) {
		return PersonalDataSource.rows(jdbc.sql(sql).params(params).query().listOfRows());
	}
}
