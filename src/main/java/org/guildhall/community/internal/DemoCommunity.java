package org.guildhall.community.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.guildhall.community.Admission;
import org.guildhall.community.Circles;
import org.guildhall.community.Contributions;
import org.guildhall.community.Follows;
import org.guildhall.community.KnowledgeBase;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewArticle;
import org.guildhall.community.NewKudos;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.NewCircle;
import org.guildhall.community.NewCircleEvent;
import org.guildhall.community.QuestionBoard;
import org.guildhall.community.Reputation;
import org.guildhall.community.Rsvp;
import org.guildhall.community.Vote;
import org.guildhall.shared.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills an empty community with plausible questions, answers, votes, comments, articles and kudos
 * among the demo people, after the demo organisation has been seeded (order 20, after 10). People
 * who want to learn a skill ask; people who know it well answer, write and receive kudos. What they
 * write fits the kind of skill ({@link DemoTopics}): a negotiation question is about customers, not code. Runs only
 * with {@code guildhall.demo.enabled=true} and while the community has no posts and no kudos.
 */
@Component
@ConditionalOnProperty(name = "guildhall.demo.enabled", havingValue = "true")
@Order(20)
class DemoCommunity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);
	private static final int TOPICS = 10;

	private static final String[] COMMENTS = {
		"Thanks, this helped a lot.", "Could you add a link to the example?", "Same question here.", "This matches what we saw too.",
	};

	private static final String[] KUDOS = {
		"Your walkthrough saved me a week of guessing.", "Thank you for your patience and the honest feedback.", "You unblocked our whole team in one call.",
		"Great pairing session, I learned a lot.", "Your write-up is now our team's reference.",
	};

	private final JdbcClient jdbc;
	private final QuestionBoard questions;
	private final KnowledgeBase articles;
	private final Contributions contributions;
	private final KudosBoard kudos;
	private final Circles circles;
	private final Follows follows;
	private final Reputation reputation;
	private final long seed;

	DemoCommunity(JdbcClient jdbc, QuestionBoard questions, KnowledgeBase articles, Contributions contributions,
			KudosBoard kudos, Circles circles, Follows follows, Reputation reputation,
			@Value("${guildhall.demo.seed:42}") long seed) {
		this.jdbc = jdbc;
		this.questions = questions;
		this.articles = articles;
		this.contributions = contributions;
		this.kudos = kudos;
		this.circles = circles;
		this.follows = follows;
		this.reputation = reputation;
		this.seed = seed;
	}

	private static final String[] CIRCLE_POSTS = {
		"Welcome! This week: pick one thing about %s you want to understand better and share it here.",
		"Notes from our last session on %s:\n\n- start small\n- write it down\n- ask early",
		"Found a good talk on %s, worth the hour. Let's discuss it next time.",
	};

	/**
	 * Circles on the busiest topics (hosted by someone who knows the topic well, open or by
	 * request), with learners as members, a few posts and an event next week; learners follow the
	 * topic and an expert. Runs while there are no circles. Finally reputation is computed from
	 * everything seeded, which awards the badges.
	 */
	private void seedCircles(Random random) {
		if (jdbc.sql("SELECT COUNT(*) FROM community_circle").query(Long.class).single() > 0) {
			return;
		}
		record Topic(long id, String name) {
		}
		List<Topic> topics = jdbc.sql("""
				SELECT s.id, s.name FROM community_post_topic t JOIN skill s ON s.id = t.skill_id
				GROUP BY s.id, s.name ORDER BY COUNT(*) DESC, s.name LIMIT 5""")
			.query((rs, n) -> new Topic(rs.getLong(1), rs.getString(2))).list();
		int made = 0;
		for (Topic topic : topics) {
			List<CurrentUser> experts = people("ps.proficiency >= 4", topic.id());
			List<CurrentUser> learners = people("ps.wants_to_learn = TRUE", topic.id());
			if (experts.isEmpty() || learners.isEmpty()) {
				continue;
			}
			CurrentUser host = experts.get(0);
			Admission admission = made % 2 == 0 ? Admission.OPEN : Admission.BY_REQUEST;
			long circle = circles.create(new NewCircle((made % 2 == 0 ? "%s learning circle" : "%s practice group").formatted(topic.name()),
					DemoTopics.about(DemoTopics.of(topic.name()).circle(), topic.name()), topic.name(), admission), host).id();
			made++;
			List<CurrentUser> members = new ArrayList<>();
			for (CurrentUser learner : learners) {
				if (learner.personId().equals(host.personId())) {
					continue;
				}
				circles.join(circle, learner);
				if (admission == Admission.BY_REQUEST && random.nextInt(4) > 0) {
					circles.approve(circle, learner.personId(), host);
				}
				if (admission == Admission.OPEN || circles.circle(circle, learner).mayRead()) {
					members.add(learner);
				}
				follows.followTopic(topic.id(), learner);
				CurrentUser expert = experts.get(random.nextInt(experts.size()));
				if (!expert.personId().equals(learner.personId())) {
					follows.followPerson(expert.personId(), learner);
				}
			}
			circles.post(circle, CIRCLE_POSTS[0].formatted(topic.name()), host);
			for (CurrentUser member : members.subList(0, Math.min(2, members.size()))) {
				circles.post(circle, CIRCLE_POSTS[1 + random.nextInt(2)].formatted(topic.name()), member);
			}
			long event = circles.schedule(circle, new NewCircleEvent("%s: session %d".formatted(topic.name(), 1 + random.nextInt(5)),
					java.time.Instant.now().plus(java.time.Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
					60, "Meeting room 3", "https://meet.example.com/" + topic.id()), host).id();
			for (CurrentUser member : members) {
				circles.rsvp(circle, event, random.nextInt(3) == 0 ? Rsvp.MAYBE : Rsvp.YES, member);
			}
		}
		int people = reputation.recomputeAll(new CurrentUser(0, "demo@guildhall.local", "Demo", null, Set.of(CurrentUser.ADMIN)));
		log.info("Seeded {} demo circles with members, posts and events; reputation for {} people", made, people);
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean empty = jdbc.sql("SELECT (SELECT COUNT(*) FROM community_post) + (SELECT COUNT(*) FROM community_kudos)")
			.query(Long.class).single() == 0;
		if (jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single() == 0) {
			return;
		}
		if (!empty) {
			seedCircles(new Random(seed + 1));
			return;
		}
		long started = System.nanoTime();
		Random random = new Random(seed);
		record Topic(long id, String name) {
		}
		List<Topic> topics = jdbc.sql("""
				SELECT s.id, s.name FROM skill s JOIN person_skill ps ON ps.skill_id = s.id JOIN person p ON p.id = ps.person_id
				WHERE s.status = 'APPROVED' AND p.active = TRUE
				GROUP BY s.id, s.name
				HAVING SUM(CASE WHEN ps.proficiency >= 4 THEN 1 ELSE 0 END) >= 2 AND SUM(CASE WHEN ps.wants_to_learn THEN 1 ELSE 0 END) >= 1
				ORDER BY COUNT(*) DESC, s.name LIMIT """ + " " + TOPICS)
			.query((rs, n) -> new Topic(rs.getLong(1), rs.getString(2))).list();
		int posts = 0;
		int given = 0;
		for (Topic topic : topics) {
			List<CurrentUser> experts = people("ps.proficiency >= 4", topic.id());
			List<CurrentUser> learners = people("ps.wants_to_learn = TRUE", topic.id());
			if (experts.size() < 2 || learners.isEmpty()) {
				continue;
			}
			DemoTopics.Family family = DemoTopics.of(topic.name());
			// each question on a topic asked once, and the experts answering one question say different things
			List<DemoTopics.Question> asked = new ArrayList<>(family.questions());
			java.util.Collections.shuffle(asked, random);
			for (int q = 0; q < Math.min(Math.min(4, asked.size()), learners.size() + 2); q++) {
				CurrentUser asker = learners.get(random.nextInt(learners.size()));
				long question = questions.ask(new NewQuestion(DemoTopics.about(asked.get(q).title(), topic.name()),
						DemoTopics.about(asked.get(q).body(), topic.name()), List.of(topic.name())), asker).id();
				posts++;
				List<Long> answers = new ArrayList<>();
				List<CurrentUser> answerers = new ArrayList<>(experts);
				java.util.Collections.shuffle(answerers, random);
				int firstAnswer = random.nextInt(family.answers().size());
				for (CurrentUser expert : answerers.subList(0, Math.min(answerers.size(), 1 + random.nextInt(3)))) {
					if (expert.personId().equals(asker.personId())) {
						continue;
					}
					String text = family.answers().get((firstAnswer + answers.size()) % family.answers().size());
					answers.add(questions.answer(question, DemoTopics.about(text, topic.name()), expert).id());
					posts++;
				}
				for (long answer : answers) {
					for (CurrentUser voter : learners) {
						if (random.nextInt(3) > 0 && !isAuthor(answer, voter)) {
							contributions.vote(answer, random.nextInt(6) == 0 ? Vote.DOWN : Vote.UP, voter);
						}
					}
				}
				if (!answers.isEmpty() && random.nextInt(3) > 0) {
					questions.accept(question, answers.get(0), asker);
				}
				if (!answers.isEmpty() && random.nextBoolean()) {
					contributions.comment(answers.get(0), COMMENTS[random.nextInt(COMMENTS.length)], asker);
				}
			}
			CurrentUser writer = experts.get(random.nextInt(experts.size()));
			DemoTopics.Article article = family.articles().get(random.nextInt(family.articles().size()));
			articles.publish(new NewArticle(DemoTopics.about(article.title(), topic.name()), DemoTopics.about(article.body(), topic.name()),
					List.of(topic.name()), article.lessonLearned()), writer);
			posts++;
			for (CurrentUser learner : learners) {
				CurrentUser expert = experts.get(random.nextInt(experts.size()));
				if (!expert.personId().equals(learner.personId()) && random.nextInt(4) > 0) {
					kudos.give(new NewKudos(expert.personId(), topic.name(), KUDOS[random.nextInt(KUDOS.length)]), learner);
					given++;
				}
			}
		}
		log.info("Seeded the demo community: {} posts and {} kudos on {} topics in {} ms", posts, given, topics.size(),
				(System.nanoTime() - started) / 1_000_000);
		seedCircles(new Random(seed + 1));
	}

	private boolean isAuthor(long postId, CurrentUser user) {
		return jdbc.sql("SELECT author_id FROM community_post WHERE id = ?").param(postId).query(Long.class).single()
			.equals(user.personId());
	}

	/** Up to eight active people with the skill matching the condition, as the demo acts on their behalf (no account). */
	private List<CurrentUser> people(String condition, long skillId) {
		return jdbc.sql("SELECT p.id, p.email, p.full_name FROM person p JOIN person_skill ps ON ps.person_id = p.id "
				+ "WHERE p.active = TRUE AND ps.skill_id = ? AND " + condition + " ORDER BY p.id LIMIT 8")
			.param(skillId)
			.query((rs, n) -> new CurrentUser(0, rs.getString(2), rs.getString(3), rs.getLong(1), Set.of(CurrentUser.EMPLOYEE)))
			.list();
	}
}
