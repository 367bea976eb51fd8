package org.guildhall.community;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.guildhall.community.internal.SearchIndex;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who knows X?": ranks active people by evidence, not only by what they claim, and says why each
 * one is listed. When X names a skill of the taxonomy (or an alias), the evidence is:
 * <ul>
 *   <li>the declared skill: 2 points per proficiency level (1–5), 2 more when they offer to teach it;</li>
 *   <li>accepted answers to questions on the topic: 5 points each (at most 10 counted);</li>
 *   <li>other answers on the topic: 1 point each (at most 10), and 1 per net up-vote on their answers (at most 20);</li>
 *   <li>articles on the topic: 4 points each (at most 5), and half a point per net up-vote (at most 20 votes);</li>
 *   <li>kudos for the skill: 3 points each (at most 10).</li>
 * </ul>
 * Whatever X is, keyword matches (Lucene BM25) in their posts add up to 8 points and a match in
 * their profile (bio, title, goals) up to 3, each relative to the best match. Semantic evidence
 * (MiniLM embeddings, so meaning counts without shared words) adds up to 6 points for answers and
 * articles close in meaning to X (2 × the sum of their cosine similarities, each at least
 * {@value #MIN_SIMILARITY}) and up to 3 for expertise (skills, title, bio) close in meaning (3 × the
 * similarity relative to the closest person), the latter only for people who do not declare the
 * skill. Keyword and semantic evidence are added to the other points, each capped, so neither can
 * outweigh real evidence such as accepted answers. Mentoring given will count once mentorships exist.
 */
@Service
public class ExpertFinder {

	public static final int MAX_RESULTS = 50;
	/** Least cosine similarity for semantic evidence. */
	public static final float MIN_SIMILARITY = 0.3f;

	private final JdbcClient jdbc;
	private final SkillCatalog skills;
	private final PeopleDirectory people;
	private final SearchIndex index;

	ExpertFinder(JdbcClient jdbc, SkillCatalog skills, PeopleDirectory people, SearchIndex index) {
		this.jdbc = jdbc;
		this.skills = skills;
		this.people = people;
		this.index = index;
	}

	/** The people best placed to answer about {@code topic}, best first, each with the reasons. */
	@Transactional(readOnly = true)
	public List<Expert> whoKnows(String topic, int limit) {
		return find(topic, limit).experts();
	}

	/** Like {@link #whoKnows}, and says whether semantic evidence was used. */
	@Transactional(readOnly = true)
	public ExpertResults find(String topic, int limit) {
		if (topic == null || topic.isBlank()) {
			throw new InvalidInputException("q", "is required: a skill or a few words");
		}
		if (topic.length() > CommunitySearch.MAX_QUERY_LENGTH) {
			throw new InvalidInputException("q", "must be at most " + CommunitySearch.MAX_QUERY_LENGTH + " characters");
		}
		if (limit < 1 || limit > MAX_RESULTS) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_RESULTS);
		}
		Map<Long, Evidence> evidence = new HashMap<>();
		Optional<Skill> skill = skills.resolve(topic).filter(s -> !s.suggested());
		skill.ifPresent(s -> skillEvidence(s, limit, evidence));
		keywordEvidence(topic.strip(), evidence);
		float[] query = index.embedQuery(topic.strip());
		if (query != null) {
			semanticEvidence(topic.strip(), query, evidence);
		}
		skill.ifPresent(s -> declarations(s, evidence));
		String ranking = query != null
				? "Evidence, keyword matches and closeness in meaning (semantic)"
						+ (index.awaitingVectors() > 0 ? "; some posts and profiles still wait for their vectors" : "") + "."
				: "Evidence and keyword matches only: semantic search is off.";
		if (evidence.isEmpty()) {
			return new ExpertResults(List.of(), query != null, ranking);
		}
		List<Evidence> sorted = evidence.values().stream()
			.sorted(Comparator.comparingDouble(Evidence::score).reversed().thenComparingLong(e -> e.personId)).toList();
		// only the best need checking: look at twice as many as wanted at a time until enough are active
		List<Evidence> ranked = new ArrayList<>();
		Map<Long, PersonRef> refs = new HashMap<>();
		for (int from = 0; from < sorted.size() && ranked.size() < limit; from += 2 * limit) {
			List<Evidence> chunk = sorted.subList(from, Math.min(sorted.size(), from + 2 * limit));
			Map<Long, PersonRef> active = people.activeRefs(chunk.stream().map(e -> e.personId).toList());
			refs.putAll(active);
			chunk.stream().filter(e -> active.containsKey(e.personId)).limit(limit - ranked.size()).forEach(ranked::add);
		}
		return new ExpertResults(ranked.stream()
			.map(e -> new Expert(refs.get(e.personId), Math.round(e.score() * 10) / 10.0, e.reasons()))
			.toList(), query != null, ranking);
	}

	private void semanticEvidence(String text, float[] query, Map<Long, Evidence> evidence) {
		List<SearchIndex.Match> posts = index.nearest(query, EnumSet.of(SearchHit.Type.ANSWER, SearchHit.Type.ARTICLE), 100,
				MIN_SIMILARITY);
		Map<Long, double[]> byAuthor = new HashMap<>();
		for (SearchIndex.Match hit : posts) {
			if (hit.authorId() != null) {
				double[] sum = byAuthor.computeIfAbsent(hit.authorId(), k -> new double[3]);
				sum[0] += hit.score();
				sum[1]++;
				sum[2] = Math.max(sum[2], hit.score());
			}
		}
		byAuthor.forEach((author, sum) -> evidence(evidence, author).add(Math.min(6.0, 2.0 * sum[0]),
				() -> "wrote " + plural((int) sum[1], "answer or article", "answers or articles") + " close in meaning to '" + text
						+ "' (best similarity " + String.format(java.util.Locale.ROOT, "%.2f", sum[2]) + ")"));
		List<SearchIndex.Match> profiles = index.nearest(query, EnumSet.of(SearchHit.Type.PERSON), 100, MIN_SIMILARITY);
		if (!profiles.isEmpty()) {
			float best = profiles.get(0).score();
			for (SearchIndex.Match hit : profiles) {
				evidence(evidence, hit.id()).addUnlessDeclared(3.0 * hit.score() / best,
						() -> "expertise (skills and bio) close in meaning to '" + text + "' (similarity "
								+ String.format(java.util.Locale.ROOT, "%.2f", hit.score()) + ")");
			}
		}
	}

	/** Three kinds of evidence for a skill, in one round trip: answers, articles, kudos (in that order). */
	private static final String SKILL_EVIDENCE = """
			SELECT 2 AS kind, a.author_id AS person,
			       SUM(CASE WHEN q.accepted_answer_id = a.id THEN 1 ELSE 0 END) AS a,
			       SUM(CASE WHEN q.accepted_answer_id = a.id THEN 0 ELSE 1 END) AS b,
			       SUM(CASE WHEN a.score > 0 THEN a.score ELSE 0 END) AS c
			FROM community_post a
			JOIN community_post q ON q.id = a.question_id
			JOIN community_post_topic t ON t.post_id = q.id
			WHERE t.skill_id = :skill AND a.deleted_at IS NULL AND q.deleted_at IS NULL
			GROUP BY a.author_id
			UNION ALL
			SELECT 3, p.author_id, COUNT(*), SUM(CASE WHEN p.score > 0 THEN p.score ELSE 0 END), 0
			FROM community_post p JOIN community_post_topic t ON t.post_id = p.id
			WHERE t.skill_id = :skill AND p.kind = 'ARTICLE' AND p.deleted_at IS NULL
			GROUP BY p.author_id
			UNION ALL
			SELECT 4, receiver_id, COUNT(*), 0, 0 FROM community_kudos WHERE skill_id = :skill GROUP BY receiver_id
			ORDER BY kind""";

	/**
	 * People who declare the skill and have no other evidence rank by their declaration alone, so
	 * only the best of them can be shown: this many per result wanted (the rest would only be
	 * reached if nine in ten of those were inactive). A popular skill is declared by thousands.
	 */
	private static final int DECLARED_ONLY_PER_RESULT = 10;

	private static final String BEST_DECLARED = """
			SELECT person_id, proficiency, can_teach FROM person_skill WHERE skill_id = :skill
			ORDER BY 2 * proficiency + CASE WHEN can_teach THEN 2 ELSE 0 END DESC, person_id LIMIT :limit""";

	private void skillEvidence(Skill skill, int limit, Map<Long, Evidence> evidence) {
		String name = skill.name();
		jdbc.sql(BEST_DECLARED).param("skill", skill.id()).param("limit", DECLARED_ONLY_PER_RESULT * limit)
			.query(rs -> {
				declare(evidence(evidence, rs.getLong(1)), name, rs.getInt(2), rs.getBoolean(3));
			});
		jdbc.sql(SKILL_EVIDENCE).param("skill", skill.id()).query(rs -> {
			Evidence e = evidence(evidence, rs.getLong("person"));
			int a = rs.getInt("a");
			int b = rs.getInt("b");
			int c = rs.getInt("c");
			switch (rs.getInt("kind")) {
				case 2 -> {
					// a: accepted answers, b: other answers, c: up-votes on them
					if (a > 0) {
						e.add(5.0 * Math.min(a, 10), () -> plural(a, "accepted answer") + " on " + name);
					}
					if (b > 0) {
						e.add(Math.min(b, 10), () -> plural(b, a > 0 ? "other answer" : "answer") + " on " + name);
					}
					if (c > 0) {
						e.add(Math.min(c, 20), () -> plural(c, "up-vote") + " on those answers");
					}
				}
				// a: articles, b: up-votes on them
				case 3 -> e.add(4.0 * Math.min(a, 5) + 0.5 * Math.min(b, 20),
						() -> "wrote " + plural(a, "article") + " on " + name + (b > 0 ? " (" + plural(b, "up-vote") + ")" : ""));
				default -> e.add(3.0 * Math.min(a, 10), () -> "received " + plural(a, "kudos", "kudos") + " for " + name);
			}
		});
	}

	/** The declarations of the skill by everyone with other evidence (the best declared-only people have theirs). */
	private void declarations(Skill skill, Map<Long, Evidence> evidence) {
		List<Long> undeclared = evidence.values().stream().filter(e -> !e.declared()).map(e -> e.personId).sorted().toList();
		for (int from = 0; from < undeclared.size(); from += 1000) {
			jdbc.sql("SELECT person_id, proficiency, can_teach FROM person_skill WHERE skill_id = :skill AND person_id IN (:people)")
				.param("skill", skill.id()).param("people", undeclared.subList(from, Math.min(undeclared.size(), from + 1000)))
				.query(rs -> {
					declare(evidence.get(rs.getLong(1)), skill.name(), rs.getInt(2), rs.getBoolean(3));
				});
		}
	}

	private static void declare(Evidence e, String skill, int proficiency, boolean canTeach) {
		e.declare(2.0 * proficiency + (canTeach ? 2 : 0),
				() -> "says they know " + skill + " at " + proficiency + "/5" + (canTeach ? " and can teach it" : ""));
	}

	private void keywordEvidence(String text, Map<Long, Evidence> evidence) {
		List<SearchIndex.Match> posts = index.matches(text,
				EnumSet.of(SearchHit.Type.QUESTION, SearchHit.Type.ANSWER, SearchHit.Type.ARTICLE), 200);
		if (!posts.isEmpty()) {
			float best = posts.get(0).score();
			Map<Long, double[]> byAuthor = new HashMap<>();
			for (SearchIndex.Match hit : posts) {
				if (hit.authorId() != null && hit.type() != SearchHit.Type.QUESTION) {
					double[] sum = byAuthor.computeIfAbsent(hit.authorId(), k -> new double[2]);
					sum[0] += hit.score() / best;
					sum[1]++;
				}
			}
			byAuthor.forEach((author, sum) -> evidence(evidence, author).add(Math.min(8.0, 2.0 * sum[0]),
					() -> "wrote " + plural((int) sum[1], "answer or article", "answers or articles") + " matching '" + text + "'"));
		}
		List<SearchIndex.Match> profiles = index.matches(text, EnumSet.of(SearchHit.Type.PERSON), 100);
		if (!profiles.isEmpty()) {
			float best = profiles.get(0).score();
			for (SearchIndex.Match hit : profiles) {
				evidence(evidence, hit.id()).addUnlessDeclared(3.0 * hit.score() / best, () -> "profile mentions '" + text + "'");
			}
		}
	}

	private static Evidence evidence(Map<Long, Evidence> evidence, long personId) {
		return evidence.computeIfAbsent(personId, Evidence::new);
	}

	private static String plural(int n, String one) {
		return plural(n, one, one + "s");
	}

	private static String plural(int n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	/**
	 * The points gathered for one person, and the reasons, put into words only for the people
	 * shown (a popular skill brings thousands of candidates).
	 */
	private static final class Evidence {

		final long personId;
		private final List<Supplier<String>> reasons = new ArrayList<>(4);
		/** Evidence from the profile's words or meaning, which counts only when the skill is not declared. */
		private final List<Supplier<String>> profileReasons = new ArrayList<>(2);
		private double score;
		private double profileScore;
		private boolean declared;

		Evidence(long personId) {
			this.personId = personId;
		}

		void add(double points, Supplier<String> reason) {
			score += points;
			reasons.add(reason);
		}

		/** Points from the profile's text, counted only if the person turns out not to declare the skill. */
		void addUnlessDeclared(double points, Supplier<String> reason) {
			profileScore += points;
			profileReasons.add(reason);
		}

		/** Points for declaring the skill in their profile. */
		void declare(double points, Supplier<String> reason) {
			declared = true;
			score += points;
			reasons.add(0, reason);
		}

		double score() {
			return declared ? score : score + profileScore;
		}

		boolean declared() {
			return declared;
		}

		List<String> reasons() {
			List<Supplier<String>> all = new ArrayList<>(reasons);
			if (!declared) {
				all.addAll(profileReasons);
			}
			return all.stream().map(Supplier::get).toList();
		}
	}
}
