package org.guildhall.community;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.guildhall.community.internal.ExpertiseStore;
import org.guildhall.community.internal.SearchIndex;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
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
 *   <li>kudos for the skill: 3 points each (at most 10);</li>
 *   <li>mentoring given: 4 points for each mentee (at most 5) of an active or completed mentorship who
 *       wants to learn the skill, when the mentor declares it (a mentorship has no skill of its own;
 *       one that ended early does not count).</li>
 * </ul>
 * Whatever X is, keyword matches (Lucene BM25) in their posts add up to 8 points and a match in
 * their profile (bio, title, goals) up to 3, each relative to the best match. Semantic evidence
 * (MiniLM embeddings, so meaning counts without shared words) adds up to 6 points for answers and
 * articles close in meaning to X (2 × the sum of their cosine similarities, each at least
 * {@value #MIN_SIMILARITY}) and up to 3 for expertise (skills, title, bio) close in meaning (3 × the
 * similarity relative to the closest person), the latter only for people who do not declare the
 * skill. Keyword and semantic evidence are added to the other points, each capped, so neither can
 * outweigh real evidence such as accepted answers.
 * <p>
 * The evidence on skills is kept per person and skill ({@link ExpertiseStore}), rewritten with every
 * change to it, so that a query reads the best few people on the skill from an index instead of
 * adding up every answer, vote, article, kudos and mentorship on it.
 */
@Service
public class ExpertFinder {

	public static final int MAX_RESULTS = 50;
	/** Least cosine similarity for semantic evidence. */
	public static final float MIN_SIMILARITY = 0.3f;

	private final SkillCatalog skills;
	private final PeopleDirectory people;
	private final SearchIndex index;
	private final ExpertiseStore expertise;
	private final ExecutorService searches = Executors.newFixedThreadPool(2, r -> {
		Thread thread = new Thread(r, "expert-finder-search");
		thread.setDaemon(true);
		return thread;
	});

	ExpertFinder(SkillCatalog skills, PeopleDirectory people, SearchIndex index, ExpertiseStore expertise) {
		this.expertise = expertise;
		this.skills = skills;
		this.people = people;
		this.index = index;
	}

	/**
	 * A mentorship of this mentor started or ended: rewrites their mentoring given (and the rest of
	 * their evidence). Call it in the transaction that changed the mentorship, after the change: the
	 * evidence then commits with the mentorship's new state or not at all (without a transaction it
	 * runs in its own). Called by the mentorships module, which publishes those events: the community
	 * cannot listen to them, as the mentorships module already depends on it ({@link LessonSources}).
	 */
	@Transactional
	public void mentoringChanged(long mentorId) {
		expertise.recompute(List.of(mentorId));
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
		String text = topic.strip();
		// the query's vector is worked out on another core while the keyword searches run
		Future<float @Nullable []> embedding = searches.submit(() -> index.embedQuery(text));
		keywordEvidence(text, evidence);
		float[] query = result(embedding);
		if (query != null) {
			semanticEvidence(text, query, evidence);
		}
		String ranking = query != null
				? "Evidence, keyword matches and closeness in meaning (semantic)"
						+ (index.awaitingVectors() > 0 ? "; some posts and profiles still wait for their vectors" : "") + "."
				: "Evidence and keyword matches only: semantic search is off.";
		List<Ranked> ranked = skill.isPresent() ? withSkill(skill.get(), limit, evidence)
				: best(evidence.values(), limit, e -> true, new HashMap<>(), new HashSet<>()).ranked();
		return new ExpertResults(ranked.stream()
			.map(r -> new Expert(r.person(), Math.round(r.evidence().score() * 10) / 10.0, r.evidence().reasons()))
			.toList(), query != null, ranking);
	}

	/**
	 * People listed this many per result wanted are read from the skill's evidence, best first, and as
	 * many of its best declarations: enough for the ranking to be settled in one round unless most of
	 * the best are inactive; otherwise four times as many are read.
	 */
	private static final int READ_PER_RESULT = 10;

	private static final int SHORT_QUERY_CHARS = 40;
	private static final int SHORT_QUERY_WORDS = 4;

	/**
	 * Adds the evidence for the skill and ranks. Apart from the people found by words or meaning,
	 * only those with the most evidence on the skill ({@link ExpertiseStore#best}, by points) or with
	 * the best declarations of it ({@link ExpertiseStore#bestDeclared}) can be among the best. Both
	 * are read best first, and the last one read of each bounds what anyone not read has on the
	 * skill: the ranking is exact once everyone listed beats both bounds, and the people found by
	 * words need their standing on the skill looked up only if, with that bound, they could still be
	 * listed.
	 */
	private List<Ranked> withSkill(Skill skill, int limit, Map<Long, Evidence> evidence) {
		String name = skill.name();
		// people whose standing on the skill is read, so whose score is final
		Map<Long, Evidence> known = new HashMap<>();
		Map<Long, PersonRef> active = new HashMap<>();
		Set<Long> checked = new HashSet<>();
		for (int read = READ_PER_RESULT * limit;; read *= 4) {
			List<ExpertiseStore.Row> best = expertise.best(skill.id(), read);
			List<ExpertiseStore.Row> declared = expertise.bestDeclared(skill.id(), read);
			for (List<ExpertiseStore.Row> rows : List.of(best, declared)) {
				for (ExpertiseStore.Row row : rows) {
					if (!known.containsKey(row.personId())) {
						known.put(row.personId(), evidence.computeIfAbsent(row.personId(), Evidence::new).skill(row, name));
					}
				}
			}
			ExpertiseStore.@Nullable Row lastBest = best.size() < read ? null : best.get(best.size() - 1);
			ExpertiseStore.@Nullable Row lastDeclared = declared.size() < read ? null : declared.get(declared.size() - 1);
			double unread = Math.max(lastBest == null ? 0 : lastBest.points(), lastDeclared == null ? 0 : lastDeclared.declaredPoints());
			// the people found by words or meaning who could still be listed
			List<Ranked> sure = best(known.values(), limit, e -> true, active, checked).ranked();
			double least = sure.size() < limit ? Double.NEGATIVE_INFINITY : sure.get(limit - 1).evidence().score();
			List<Long> lookUp = evidence.values().stream().filter(e -> !known.containsKey(e.personId))
				.filter(e -> unread + e.wordsAndMeaning() >= least).map(e -> e.personId).toList();
			Map<Long, ExpertiseStore.Row> found = expertise.of(skill.id(), lookUp);
			for (long id : lookUp) {
				ExpertiseStore.Row row = found.get(id);
				known.put(id, row == null ? evidence.get(id) : evidence.get(id).skill(row, name));
			}
			Selection selection = best(known.values(), limit, e -> beats(e, lastBest, lastBest == null ? 0 : lastBest.points())
					&& beats(e, lastDeclared, lastDeclared == null ? 0 : lastDeclared.declaredPoints()), active, checked);
			if (selection.settled() || (lastBest == null && lastDeclared == null)) {
				return selection.ranked();
			}
		}
	}

	/** Whether the person ranks before the bound (more points, or as many and a lower id); true without a bound. */
	private static boolean beats(Evidence e, ExpertiseStore.@Nullable Row bound, double points) {
		return bound == null || e.score() > points || (e.score() == points && e.personId < bound.personId());
	}

	private record Ranked(PersonRef person, Evidence evidence) {
	}

	/**
	 * The best active people, at most {@code limit}, among those that are {@code certain} to be placed
	 * right; {@code settled} when the list could not change by reading more (it is full, or ended
	 * before anyone uncertain).
	 */
	private record Selection(List<Ranked> ranked, boolean settled) {
	}

	/** Ranks the candidates; {@code active} and {@code checked} remember who was looked up in the directory. */
	private Selection best(Collection<Evidence> candidates, int limit, Predicate<Evidence> certain, Map<Long, PersonRef> active,
			Set<Long> checked) {
		List<Evidence> sorted = candidates.stream()
			.sorted(Comparator.comparingDouble(Evidence::score).reversed().thenComparingLong(e -> e.personId)).toList();
		// only the best need checking: look at twice as many as wanted at a time until enough are active
		List<Ranked> ranked = new ArrayList<>();
		for (int from = 0; from < sorted.size() && ranked.size() < limit; from += 2 * limit) {
			List<Evidence> chunk = sorted.subList(from, Math.min(sorted.size(), from + 2 * limit));
			int sure = 0;
			while (sure < chunk.size() && certain.test(chunk.get(sure))) {
				sure++;
			}
			List<Long> unchecked = chunk.subList(0, sure).stream().map(e -> e.personId).filter(id -> !checked.contains(id)).toList();
			active.putAll(people.activeRefs(unchecked));
			checked.addAll(unchecked);
			for (Evidence e : chunk.subList(0, sure)) {
				if (ranked.size() < limit && active.containsKey(e.personId)) {
					ranked.add(new Ranked(active.get(e.personId), e));
				}
			}
			if (sure < chunk.size() && ranked.size() < limit) {
				return new Selection(ranked, false);
			}
		}
		return new Selection(ranked, true);
	}

	private void semanticEvidence(String text, float[] query, Map<Long, Evidence> evidence) {
		// as with the keyword searches, the profiles are searched on another core meanwhile
		Future<List<SearchIndex.Match>> people = searches.submit(
				() -> index.nearest(query, EnumSet.of(SearchHit.Type.PERSON), 100, MIN_SIMILARITY));
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
				() -> "wrote " + plural((int) sum[1], "answer or article", "answers or articles") + " close in meaning to " + quoted(text)
						+ " (best similarity " + String.format(java.util.Locale.ROOT, "%.2f", sum[2]) + ")"));
		List<SearchIndex.Match> profiles = result(people);
		if (!profiles.isEmpty()) {
			float best = profiles.get(0).score();
			for (SearchIndex.Match hit : profiles) {
				evidence(evidence, hit.id()).addUnlessDeclared(3.0 * hit.score() / best,
						() -> "expertise (skills and bio) close in meaning to " + quoted(text) + " (similarity "
								+ String.format(java.util.Locale.ROOT, "%.2f", hit.score()) + ")");
			}
		}
	}

	private void keywordEvidence(String text, Map<Long, Evidence> evidence) {
		// the two searches are most of a query's time: the profiles are searched on another core meanwhile
		Future<List<SearchIndex.Match>> people = searches.submit(() -> index.matches(text, EnumSet.of(SearchHit.Type.PERSON), 100));
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
					() -> "wrote " + plural((int) sum[1], "answer or article", "answers or articles") + " matching " + quoted(text)));
		}
		List<SearchIndex.Match> profiles = result(people);
		if (!profiles.isEmpty()) {
			float best = profiles.get(0).score();
			for (SearchIndex.Match hit : profiles) {
				evidence(evidence, hit.id()).addUnlessDeclared(3.0 * hit.score() / best, () -> profileMentions(text, hit.id()));
			}
		}
	}

	/** A few words are quoted as typed; a whole question title is not ("the search" instead). */
	private static String quoted(String text) {
		return text.length() <= SHORT_QUERY_CHARS && text.split("\\s+").length <= SHORT_QUERY_WORDS ? "'" + text + "'" : "the search";
	}

	/** "profile mentions 'Kubernetes'", or for a long text the words of it that the profile matches. */
	private String profileMentions(String text, long personId) {
		if (quoted(text).startsWith("'")) {
			return "profile mentions " + quoted(text);
		}
		List<String> words = index.profileWordsMatching(text, personId, 3);
		return words.isEmpty() ? "profile matches words of the search"
				: "profile mentions " + String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
	}

	private static <T> T result(Future<T> work) {
		try {
			return work.get();
		}
		catch (InterruptedException e) {
			work.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while searching", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	@PreDestroy
	void close() {
		searches.shutdownNow();
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
	 * shown (a popular skill brings thousands of candidates). Reasons come in a fixed order: the
	 * declaration, the evidence on the skill, words and meaning in posts, then in the profile.
	 */
	private static final class Evidence {

		final long personId;
		private @Nullable Supplier<String> declaration;
		private double declaredPoints;
		private final List<Supplier<String>> skillReasons = new ArrayList<>(4);
		private double skillPoints;
		private final List<Supplier<String>> reasons = new ArrayList<>(2);
		/** Evidence from the profile's words or meaning, which counts only when the skill is not declared. */
		private final List<Supplier<String>> profileReasons = new ArrayList<>(2);
		private double score;
		private double profileScore;

		Evidence(long personId) {
			this.personId = personId;
		}

		/** Points from words or meaning in their posts. */
		void add(double points, Supplier<String> reason) {
			score += points;
			reasons.add(reason);
		}

		/** Points from the profile's text, counted only if the person turns out not to declare the skill. */
		void addUnlessDeclared(double points, Supplier<String> reason) {
			profileScore += points;
			profileReasons.add(reason);
		}

		/** The person's declaration of the skill and their evidence on it (once). */
		Evidence skill(ExpertiseStore.Row row, String name) {
			if (row.declared()) {
				declaredPoints = row.declaredPoints();
				declaration = () -> "says they know " + name + " at " + row.proficiency() + "/5" + (row.canTeach() ? " and can teach it" : "");
			}
			int accepted = row.accepted();
			int other = row.otherAnswers();
			int votes = row.answerVotes();
			if (accepted > 0) {
				onSkill(5.0 * Math.min(accepted, 10), () -> plural(accepted, "accepted answer") + " on " + name);
			}
			if (other > 0) {
				onSkill(Math.min(other, 10), () -> plural(other, accepted > 0 ? "other answer" : "answer") + " on " + name);
			}
			if (votes > 0) {
				onSkill(Math.min(votes, 20), () -> plural(votes, "up-vote") + " on those answers");
			}
			int articles = row.articles();
			int articleVotes = row.articleVotes();
			if (articles > 0) {
				onSkill(4.0 * Math.min(articles, 5) + 0.5 * Math.min(articleVotes, 20), () -> "wrote " + plural(articles, "article") + " on "
						+ name + (articleVotes > 0 ? " (" + plural(articleVotes, "up-vote") + ")" : ""));
			}
			int kudos = row.kudos();
			if (kudos > 0) {
				onSkill(3.0 * Math.min(kudos, 10), () -> "received " + plural(kudos, "kudos", "kudos") + " for " + name);
			}
			int mentees = row.mentees();
			if (mentees > 0) {
				onSkill(4.0 * Math.min(mentees, 5), () -> "mentored " + plural(mentees, "person", "people") + " who wanted to learn " + name);
			}
			return this;
		}

		private void onSkill(double points, Supplier<String> reason) {
			skillPoints += points;
			skillReasons.add(reason);
		}

		/** The most that words and meaning add (the profile's part counts only without a declaration). */
		double wordsAndMeaning() {
			return score + profileScore;
		}

		double score() {
			double total = declaredPoints + skillPoints + score;
			return declaration != null ? total : total + profileScore;
		}

		List<String> reasons() {
			List<Supplier<String>> all = new ArrayList<>(skillReasons.size() + reasons.size() + 3);
			if (declaration != null) {
				all.add(declaration);
			}
			all.addAll(skillReasons);
			all.addAll(reasons);
			if (declaration == null) {
				all.addAll(profileReasons);
			}
			return all.stream().map(Supplier::get).toList();
		}
	}
}
