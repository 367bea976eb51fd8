package org.guildhall.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules that must hold on every seeded random instance, checked independently of the engine. */
class SolverPropertiesTest {

	private static final int INSTANCES = 300;

	private static final MatchingEngine ENGINE = new MatchingEngine(null, MatchingEngine.Options.defaults());

	/** Forces pruning to K = 1 on every instance so the pricing rounds do the work. */
	private static final MatchingEngine PRUNING_ENGINE = new MatchingEngine(null,
			new MatchingEngine.Options(1, 0, 1, 50, 0));

	@Test
	void optimalEqualsOrToolsAndIsProven() {
		for (long seed = 1; seed <= INSTANCES; seed++) {
			RandomProblems.Scored instance = RandomProblems.scored(seed, false);
			MatchingProblem problem = instance.problem();
			MatchingResult result = ENGINE.solve(problem, Objective.OPTIMAL, Progress.NONE);
			Solvers.Residual residual = Solvers.Residual.of(problem);
			long reference = OrToolsReference.maxWeight(problem.scoredPairs, residual.capacity(), residual.active(), 0,
					-1);
			long fixed = requiredUnits(problem);
			assertThat(Scores.toUnits(result.totalScore())).as("seed %d", seed).isEqualTo(reference + fixed);
			assertThat(result.optimality().proven()).as("seed %d", seed).isTrue();
			MatchingResult pruned = PRUNING_ENGINE.solve(problem, Objective.OPTIMAL, Progress.NONE);
			assertThat(Scores.toUnits(pruned.totalScore())).as("pruned, seed %d", seed).isEqualTo(reference + fixed);
			assertThat(pruned.optimality().proven()).as("pruned, seed %d", seed).isTrue();
		}
	}

	@Test
	void noResultEverBreaksAHardRule() {
		for (long s = 1; s <= INSTANCES; s++) {
			long seed = s;
			RandomProblems.Scored instance = RandomProblems.scored(seed, false);
			for (Objective objective : Objective.values()) {
				MatchingResult result = ENGINE.solve(instance.problem(), objective, Progress.NONE);
				assertThat(result.metrics().violations()).isZero();
				Map<String, Integer> load = new HashMap<>();
				for (MatchedPair pair : result.pairs()) {
					String key = RandomProblems.key(pair.mentee(), pair.mentor());
					assertThat(instance.scores()).as("seed %d %s: %s is a listed pair", seed, objective, key)
						.containsKey(key);
					assertThat(instance.forbidden()).as("seed %d %s", seed, objective).doesNotContain(key);
					assertThat(RandomProblems.inLine(instance.managerOf(), pair.mentee(), pair.mentor()))
						.as("seed %d %s: %s share a reporting line", seed, objective, key)
						.isFalse();
					assertThat(pair.score()).isEqualTo(instance.scores().get(key));
					load.merge(pair.mentor(), 1, Integer::sum);
				}
				load.forEach((mentor, count) -> assertThat(count).isLessThanOrEqualTo(instance.capacity().get(mentor)));
				instance.required().forEach((mentee, mentor) -> assertThat(result.pairs())
					.as("seed %d %s keeps required pair %s–%s", seed, objective, mentee, mentor)
					.anyMatch(p -> p.mentee().equals(mentee) && p.mentor().equals(mentor) && p.required()));
			}
		}
	}

	@Test
	void stableHasNoBlockingPair() {
		for (long seed = 1; seed <= INSTANCES; seed++) {
			MatchingProblem problem = RandomProblems.scored(seed, false).problem();
			MatchingResult result = ENGINE.solve(problem, Objective.STABLE, Progress.NONE);
			assertThat(result.metrics().blockingPairs()).as("seed %d", seed).isZero();
			assertThat(bruteForceBlockingPairs(problem, result)).as("seed %d", seed).isZero();
		}
	}

	@Test
	void blockingPairCountSeesInstability() {
		// Optimal results are usually not stable; the counter must notice on some instance.
		long unstable = 0;
		for (long seed = 1; seed <= 100; seed++) {
			MatchingProblem problem = RandomProblems.scored(seed, false).problem();
			MatchingResult result = ENGINE.solve(problem, Objective.OPTIMAL, Progress.NONE);
			long counted = result.metrics().blockingPairs();
			assertThat(counted).isEqualTo(bruteForceBlockingPairs(problem, result));
			unstable += counted;
		}
		assertThat(unstable).isPositive();
	}

	@Test
	void fairIsLexicographicallyBestAndNeverMatchesFewer() {
		for (long seed = 1; seed <= INSTANCES; seed++) {
			MatchingProblem problem = RandomProblems.scored(seed, false).problem();
			MatchingResult fair = ENGINE.solve(problem, Objective.FAIR, Progress.NONE);
			MatchingResult optimal = ENGINE.solve(problem, Objective.OPTIMAL, Progress.NONE);
			assertThat(fair.metrics().matched()).as("seed %d", seed).isGreaterThanOrEqualTo(optimal.metrics().matched());
			assertThat(fair.optimality().proven()).as("seed %d", seed).isTrue();
			Solvers.Residual residual = Solvers.Residual.of(problem);
			PairGraph graph = problem.scoredPairs;
			int required = 0;
			int lowestRequired = Integer.MAX_VALUE;
			for (int i = 0; i < problem.menteeCount(); i++) {
				if (problem.requiredMentor(i) >= 0) {
					required++;
					lowestRequired = Math.min(lowestRequired,
							graph.weight(graph.find(i, problem.requiredMentor(i))));
				}
			}
			int cardinality = OrToolsReference.maxCardinality(graph, residual.capacity(), residual.active(), 0);
			assertThat(fair.metrics().matched()).as("seed %d", seed).isEqualTo(cardinality + required);
			// Lowest score among the solver's own (non-required) pairs.
			int lowest = Integer.MAX_VALUE;
			long total = 0;
			for (MatchedPair pair : fair.pairs()) {
				if (!pair.required()) {
					lowest = Math.min(lowest, Scores.toUnits(pair.score()));
					total += Scores.toUnits(pair.score());
				}
			}
			if (cardinality == 0) {
				continue;
			}
			assertThat(OrToolsReference.maxCardinality(graph, residual.capacity(), residual.active(), lowest + 1))
				.as("seed %d: no matching of %d mentees has a higher lowest score", seed, cardinality)
				.isLessThan(cardinality);
			assertThat(total).as("seed %d", seed)
				.isEqualTo(OrToolsReference.maxWeight(graph, residual.capacity(), residual.active(), lowest,
						cardinality));
		}
	}

	@Test
	void sameInputGivesSameOutputWhateverTheOrder() {
		for (long seed = 1; seed <= 100; seed++) {
			for (Objective objective : Objective.values()) {
				MatchingResult a = ENGINE.solve(RandomProblems.scored(seed, false).problem(), objective, Progress.NONE);
				MatchingResult b = ENGINE.solve(RandomProblems.scored(seed, true).problem(), objective, Progress.NONE);
				assertThat(b.pairs()).as("seed %d %s", seed, objective).isEqualTo(a.pairs());
				assertThat(b.unmatched()).isEqualTo(a.unmatched());
				assertThat(b.metrics()).isEqualTo(a.metrics());
			}
		}
	}

	private static long requiredUnits(MatchingProblem problem) {
		long sum = 0;
		for (int i = 0; i < problem.menteeCount(); i++) {
			int j = problem.requiredMentor(i);
			if (j >= 0) {
				sum += problem.scoredPairs.weight(problem.scoredPairs.find(i, j));
			}
		}
		return sum;
	}

	/** Blocking pairs by definition, from rankings (or scores, then ids), without the engine's tables. */
	static long bruteForceBlockingPairs(MatchingProblem problem, MatchingResult result) {
		Map<String, String> mentorOf = new HashMap<>();
		Map<String, Boolean> required = new HashMap<>();
		for (MatchedPair pair : result.pairs()) {
			mentorOf.put(pair.mentee(), pair.mentor());
			required.put(pair.mentee(), pair.required());
		}
		PairGraph graph = problem.scoredPairs;
		long blocking = 0;
		for (int i = 0; i < problem.menteeCount(); i++) {
			String mentee = problem.menteeId(i);
			if (problem.requiredMentor(i) >= 0) {
				continue;
			}
			for (int e = graph.start(i); e < graph.end(i); e++) {
				int j = graph.mentor(e);
				String mentor = problem.mentorId(j);
				if (mentor.equals(mentorOf.get(mentee)) || problem.capacity(j) == 0) {
					continue;
				}
				String current = mentorOf.get(mentee);
				boolean menteeWants = current == null || menteePrefers(problem, i, j, problem.mentorIndexForTest(current));
				if (!menteeWants) {
					continue;
				}
				int held = 0;
				boolean mentorWants = false;
				for (MatchedPair pair : result.pairs()) {
					if (pair.mentor().equals(mentor)) {
						held++;
						if (!pair.required() && mentorPrefers(problem, j, i, problem.menteeIndexForTest(pair.mentee()))) {
							mentorWants = true;
						}
					}
				}
				if (held < problem.capacity(j) || mentorWants) {
					blocking++;
				}
			}
		}
		return blocking;
	}

	private static boolean menteePrefers(MatchingProblem problem, int i, int a, int b) {
		return compare(problem.menteeRanking == null ? null : problem.menteeRanking[i], a, b,
				problem.scoredPairs.weight(problem.scoredPairs.find(i, a)),
				problem.scoredPairs.weight(problem.scoredPairs.find(i, b))) < 0;
	}

	private static boolean mentorPrefers(MatchingProblem problem, int j, int a, int b) {
		return compare(problem.mentorRanking == null ? null : problem.mentorRanking[j], a, b,
				problem.scoredPairs.weight(problem.scoredPairs.find(a, j)),
				problem.scoredPairs.weight(problem.scoredPairs.find(b, j))) < 0;
	}

	private static int compare(int[] ranking, int a, int b, int scoreA, int scoreB) {
		int posA = Integer.MAX_VALUE;
		int posB = Integer.MAX_VALUE;
		if (ranking != null) {
			for (int k = 0; k < ranking.length; k++) {
				if (ranking[k] == a) {
					posA = k;
				}
				if (ranking[k] == b) {
					posB = k;
				}
			}
		}
		if (posA != posB) {
			return Integer.compare(posA, posB);
		}
		if (scoreA != scoreB) {
			return Integer.compare(scoreB, scoreA);
		}
		return Integer.compare(a, b);
	}
}
