package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

	/** Skills whose people never write code: their questions and articles must not read like a developer's. */
	private static final Set<String> NO_CODE = Set.of("Negotiation", "Public speaking", "Facilitation", "Storytelling",
			"Stakeholder management", "Coaching", "Mentoring", "Giving feedback", "People management", "Delegation",
			"Cross-cultural communication", "Project management", "Excel", "Strategic planning", "OKRs", "Change management",
			"Conflict resolution", "Team building", "Hiring and interviewing", "Performance reviews", "Executive communication",
			"Agile", "Scrum", "Kanban", "B2B sales", "Salesforce", "Account management", "Copywriting", "Roadmapping",
			"Product management", "Regulatory compliance", "Contract law", "Financial modelling", "Vendor management",
			"Procurement", "Recruiting", "Employee relations", "Customer onboarding", "Data protection", "Figma", "UX design");

	private static final Pattern DEVELOPER_WORDS = Pattern.compile(
			"\\b(code|codebase|tests?|flaky|deploy\\w*|production|repositor\\w*|staging|stack|runbook|release|idiomatic|tooling)\\b",
			Pattern.CASE_INSENSITIVE);

	@Test
	void theDemoCommunityReadsLikeARealOrganisationWhateverTheTopic() {
		List<Map<String, Object>> posts = jdbc.sql("""
				SELECT p.kind, p.title, p.body, s.name FROM community_post p
				JOIN community_post_topic t ON t.post_id = p.id JOIN skill s ON s.id = t.skill_id
				WHERE p.kind IN ('QUESTION', 'ARTICLE') ORDER BY p.id""").query().listOfRows();
		assertThat(posts).extracting(p -> p.get("name")).as("the demo has soft-skill topics, so the check below means something")
			.anyMatch(NO_CODE::contains);
		Set<String> questionPatterns = new HashSet<>();
		for (Map<String, Object> post : posts) {
			String skill = (String) post.get("name");
			String title = (String) post.get("title");
			String text = title + "\n" + post.get("body");
			assertThat(text).as("a post on %s names its topic", skill).contains(skill);
			if (NO_CODE.contains(skill)) {
				assertThat(DEVELOPER_WORDS.matcher(text).find()).as("%s on %s reads like a developer's: %s", post.get("kind"), skill, text)
					.isFalse();
			}
			if ("QUESTION".equals(post.get("kind"))) {
				questionPatterns.add(title.replace(skill, "%s"));
			}
		}
		assertThat(questionPatterns).as("question titles follow many patterns, not a handful").hasSizeGreaterThanOrEqualTo(12);

		List<Map<String, Object>> answers = jdbc.sql("""
				SELECT a.question_id, a.body, s.name FROM community_post a
				JOIN community_post_topic t ON t.post_id = a.question_id JOIN skill s ON s.id = t.skill_id
				WHERE a.kind = 'ANSWER' ORDER BY a.id""").query().listOfRows();
		assertThat(answers).isNotEmpty().allSatisfy(answer -> {
			String body = (String) answer.get("body");
			assertThat(body).as("an answer says something concrete, not a one-liner").hasSizeGreaterThan(200);
			assertThat(body.split("[.!?][\"”]?(\\s|$)")).as("an answer of several sentences: %s", body).hasSizeGreaterThanOrEqualTo(3);
			if (NO_CODE.contains(answer.get("name"))) {
				assertThat(DEVELOPER_WORDS.matcher(body).find()).as("answer on %s reads like a developer's: %s", answer.get("name"), body)
					.isFalse();
			}
		});
		assertThat(answers.stream().map(a -> a.get("question_id") + "|" + a.get("body")).distinct().count())
			.as("two experts never give the same answer to one question").isEqualTo(answers.size());
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
