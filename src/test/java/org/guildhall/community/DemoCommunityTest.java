package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** First start with the demo on: a small demo organisation on its own in-memory H2, then the demo community. */
@SpringBootTest(properties = {"guildhall.demo.enabled=true", "guildhall.demo.people=80",
		"spring.datasource.url=jdbc:h2:mem:demo-community;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DemoCommunityTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpertFinder experts;

	@Test
	void theDemoCommunityHasQuestionsAnswersArticlesAndKudosAmongDemoPeople() {
		assertThat(count("SELECT COUNT(*) FROM community_post WHERE kind = 'QUESTION'")).isGreaterThanOrEqualTo(10);
		assertThat(count("SELECT COUNT(*) FROM community_post WHERE kind = 'ANSWER'")).isGreaterThanOrEqualTo(10);
		assertThat(count("SELECT COUNT(*) FROM community_post WHERE kind = 'ARTICLE'")).isGreaterThanOrEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM community_kudos")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM community_post WHERE accepted_answer_id IS NOT NULL")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM community_vote")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM community_post p JOIN person a ON a.id = p.author_id WHERE a.active = FALSE")).isZero();
		assertThat(count("SELECT COUNT(*) FROM community_post WHERE score <> (SELECT COALESCE(SUM(v.direction), 0) FROM community_vote v WHERE v.post_id = community_post.id)"))
			.as("scores match the votes").isZero();

		assertThat(count("SELECT COUNT(*) FROM community_circle")).isGreaterThanOrEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM community_circle WHERE admission = 'BY_REQUEST'")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM community_circle_member WHERE status = 'MEMBER'")).isGreaterThan(count("SELECT COUNT(*) FROM community_circle"));
		assertThat(count("SELECT COUNT(*) FROM community_circle c WHERE member_count <> (SELECT COUNT(*) FROM community_circle_member m WHERE m.circle_id = c.id AND m.status = 'MEMBER')"))
			.as("member counts match the members").isZero();
		assertThat(count("SELECT COUNT(*) FROM community_circle_post")).isGreaterThanOrEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM community_circle_event")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM community_follow_topic")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM community_follow_person")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM community_reputation WHERE points > 0")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM community_badge WHERE badge = 'FIRST_ANSWER'")).isPositive();

		String topic = jdbc.sql("SELECT s.name FROM community_kudos k JOIN skill s ON s.id = k.skill_id GROUP BY s.name ORDER BY COUNT(*) DESC, s.name LIMIT 1")
			.query(String.class).single();
		List<Expert> found = experts.whoKnows(topic, 5);
		assertThat(found).isNotEmpty();
		assertThat(found.get(0).reasons()).anySatisfy(r -> assertThat(r).containsAnyOf("kudos", "accepted answer", "article"));
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
