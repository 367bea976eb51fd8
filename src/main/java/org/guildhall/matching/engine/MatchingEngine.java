package org.guildhall.matching.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Runs a matching: builds the candidate pairs (all of them for small problems; each side's best K
 * for large ones), solves the chosen objective exactly on them and, for {@code optimal}, checks
 * the dual certificate against every pair that was left out, adding uncovered pairs and solving
 * again until the certificate covers the whole problem. Deterministic: the same problem gives the
 * same result.
 */
public final class MatchingEngine {

	private final Embedder embedder;
	private final Options options;

	/**
	 * Tuning of a run.
	 *
	 * @param candidatesPerMentee K: each mentee keeps its best K mentors, each mentor its best
	 *        K × capacity mentees
	 * @param pruneAbovePairs scored problems with more listed pairs than this are pruned for
	 *        {@code optimal} (the result is still checked against every listed pair)
	 * @param threads threads for scoring pairs
	 * @param maxRounds most solve-and-price rounds before settling for a proven gap
	 * @param exactScoringPairs profile problems with at most this many mentee × mentor pairs are
	 *        scored exactly without pruning; the scoring pass works in principal axes only on
	 *        problems with at least 128 times as many pairs (below that its setup, about a second,
	 *        does not pay)
	 */
	public record Options(int candidatesPerMentee, int pruneAbovePairs, int threads, int maxRounds,
			long exactScoringPairs) {

		/** K = 10, pruning above a million pairs, one thread per core, 30 rounds. */
		public static Options defaults() {
			return new Options(10, 1_000_000, Math.max(1, Runtime.getRuntime().availableProcessors()), 30,
					2_000_000);
		}

		/** The same options with another K. */
		public Options withCandidatesPerMentee(int k) {
			return new Options(k, pruneAbovePairs, threads, maxRounds, exactScoringPairs);
		}
	}

	/**
	 * @param embedder turns goals and expertise texts into vectors; only needed for profile
	 *        problems without precomputed vectors (may be {@code null} otherwise)
	 */
	public MatchingEngine(Embedder embedder, Options options) {
		this.embedder = embedder;
		this.options = options;
	}

	/** Solves the problem for the objective. */
	public MatchingResult solve(MatchingProblem problem, Objective objective, Progress progress) {
		long started = System.nanoTime();
		Map<String, Object> stats = new LinkedHashMap<>();
		Solvers.Residual residual = Solvers.Residual.of(problem);
		PairGraph candidates;
		Remainder remainder;
		boolean pruned;
		ProfileScorer scorer = null;
		CandidateGenerator generator = null;
		long allowedPairs;
		if (problem.hasProfiles()) {
			float[][][] vectors = vectors(problem, progress);
			long embedded = System.nanoTime();
			stats.put("embeddingMillis", (embedded - started) / 1_000_000);
			scorer = new ProfileScorer(problem, vectors[0], vectors[1]);
			SimilarityKernel kernel = SimilarityKernel.best();
			generator = CandidateGenerator.generate(scorer, problem, residual.capacity(),
					residual.active(), options.candidatesPerMentee(), kernel, options.threads(), options.exactScoringPairs(),
					progress);
			candidates = generator.candidates;
			remainder = generator.remainder(problem, options.candidatesPerMentee());
			pruned = generator.pruned;
			stats.put("kernel", generator.kernelName);
			if (generator.pruned) {
				stats.put("scoringPassMillis", generator.scanMillis);
				stats.put("scoringPassCpuMillis", generator.scanCpuMillis);
				stats.put("scoringPassRuledOutPairs", generator.scanRuledOutPairs);
				stats.put("scoringPassScoredPairs", generator.scanScoredPairs);
				stats.put("scoringPassNearPairs", generator.scanNearPairs);
				stats.put("scoringPassClearedEarlyPairs", generator.scanClearedEarlyPairs);
				stats.put("scoringPassSetupMillis", generator.scanSetupMillis);
			}
			allowedPairs = -1;
			stats.put("scoringMillis", (System.nanoTime() - embedded) / 1_000_000);
		}
		else {
			PairGraph full = problem.scoredPairs;
			allowedPairs = full.edgeCount();
			if (objective == Objective.OPTIMAL && full.edgeCount() > options.pruneAbovePairs()) {
				candidates = GraphPruning.topK(full, options.candidatesPerMentee(), residual.capacity(),
						residual.active());
				remainder = GraphPruning.remainder(full, options.candidatesPerMentee());
				pruned = true;
			}
			else {
				candidates = full;
				remainder = Remainder.NONE;
				pruned = false;
			}
		}
		stats.put("candidatePairs", candidates.edgeCount());
		long solveStarted = System.nanoTime();
		Solution solution;
		Optimality optimality;
		switch (objective) {
			case OPTIMAL -> {
				int round = 0;
				long raise = 0;
				Solution previous = null;
				while (true) {
					round++;
					long roundStarted = System.nanoTime();
					solution = Solvers.optimal(candidates, residual, previous, progress);
					previous = solution;
					stats.put("solveMillisRound" + round, (System.nanoTime() - roundStarted) / 1_000_000);
					stats.put("solverRound" + round, solution.note());
					PairGraph.Builder added = new PairGraph.Builder(problem.menteeCount(), problem.mentorCount());
					progress.report("checking left-out pairs", 0, 1);
					raise = remainder.price(solution.menteeDuals(), solution.mentorDuals(), residual.active(),
							residual.capacity(), candidates, added);
					stats.put("pricingMillisRound" + round, (System.nanoTime() - roundStarted) / 1_000_000
							- (long) stats.get("solveMillisRound" + round));
					if (generator != null && generator.pruned) {
						stats.put("pricingRound" + round, generator.lastPricing);
					}
					if (added.size() == 0 || round >= options.maxRounds()) {
						break;
					}
					stats.put("addedPairsRound" + round, added.size());
					candidates = new PairGraph.Builder(problem.menteeCount(), problem.mentorCount()).addAll(candidates)
						.addAll(added.build())
						.build();
				}
				stats.put("rounds", round);
				DualCertificate certificate = solution.certificate();
				long bound = certificate.bound() + raise;
				boolean proven = raise == 0 && certificate.provesOptimal();
				double gap = bound <= 0 ? 0 : (bound - certificate.total()) / (double) bound;
				String scope = pruned ? "every allowed pair (" + candidates.edgeCount()
						+ " candidates solved; left-out pairs checked by score bounds and rescoring)"
						: "every allowed pair";
				optimality = new Optimality(proven, proven ? 0.0 : gap,
						proven ? "dual certificate: mentee and mentor values cover " + scope
								+ " and sum to the total score"
								: "dual bound " + Scores.toScore(bound) + " vs total " + Scores.toScore(certificate.total())
										+ (certificate.uncovered() > 0 ? "; certificate incomplete" : ""));
			}
			case FAIR -> {
				solution = Solvers.fair(candidates, residual, progress);
				boolean proven = !pruned && solution.certificate().provesOptimal();
				optimality = new Optimality(proven, proven ? 0.0 : null,
						(proven ? "exact: threshold search for the lowest score, dual certificate for the total; "
								: pruned ? "exact on the candidate pairs only (pairs were pruned); " : "certificate failed; ")
								+ solution.note());
			}
			default -> {
				solution = Solvers.stable(candidates, residual, Preferences.of(candidates, problem));
				optimality = new Optimality(false, null, "stable matching: no blocking pair among "
						+ (pruned ? "the candidate pairs" : "the allowed pairs") + "; total score not optimised");
			}
		}
		stats.put("solvingMillis", (System.nanoTime() - solveStarted) / 1_000_000);
		int n = problem.menteeCount();
		int[] mentorOf = solution.mentorOf().clone();
		int[] units = new int[n];
		for (int i = 0; i < n; i++) {
			int required = problem.requiredMentor[i];
			if (required >= 0) {
				mentorOf[i] = required;
				units[i] = scorer != null ? Scores.toUnits(scorer.rawScore(i, required))
						: problem.scoredPairs.weight(problem.scoredPairs.find(i, required));
			}
			else if (mentorOf[i] >= 0) {
				units[i] = candidates.weight(candidates.find(i, mentorOf[i]));
			}
		}
		Preferences preferences = Preferences.of(candidates, problem);
		ProfileScorer profileScorer = scorer;
		BiPredicate<Integer, Integer> allowed = profileScorer != null ? profileScorer::allowed
				: (i, j) -> problem.scoredPairs.find(i, j) >= 0;
		MatchingMetrics metrics = Metrics.of(problem, mentorOf, units, candidates, preferences, allowed);
		// Explanations per pair on all threads (each mentee's slot written by one), listed in mentee order.
		MatchedPair[] explained = new MatchedPair[n];
		ProfileScorer pairScorer = scorer;
		PairGraph solved = candidates;
		Parallel.run(options.threads(), "guildhall-explain-", t -> {
			for (int i = t; i < n; i += options.threads()) {
				if (mentorOf[i] >= 0) {
					explained[i] = explain(problem, pairScorer, solved, preferences, i, mentorOf[i], units[i]);
				}
			}
		});
		List<MatchedPair> pairs = new ArrayList<>();
		List<String> unmatched = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (explained[i] == null) {
				unmatched.add(problem.menteeId(i));
			}
			else {
				pairs.add(explained[i]);
			}
		}
		stats.put("totalMillis", (System.nanoTime() - started) / 1_000_000);
		if (allowedPairs >= 0) {
			stats.put("allowedPairs", allowedPairs);
		}
		return new MatchingResult(objective, pairs, unmatched, metrics.totalScore(), metrics, optimality, stats);
	}

	private static MatchedPair explain(MatchingProblem problem, ProfileScorer scorer, PairGraph candidates,
			Preferences preferences, int i, int j, int units) {
		boolean required = problem.requiredMentor[i] == j;
		Map<String, Double> criteria;
		List<String> reasons = new ArrayList<>();
		if (required) {
			reasons.add("Set by the programme as a required pair");
		}
		if (scorer != null) {
			criteria = scorer.criteria(i, j);
			reasons.addAll(scorer.reasons(i, j));
		}
		else {
			criteria = Map.of();
			reasons.addAll(scoredReasons(problem, candidates, preferences, i, j, units));
		}
		// the rank the run's top-3 share counts (Metrics), ties alike: candidates hold each mentee's best,
		// so a rank under 3 among them is a rank under 3 among every mentor the rules allow
		int e = candidates.find(i, j);
		Integer rank = e >= 0 ? preferences.menteeTiedRankOfEdge[e] + 1 : null;
		return new MatchedPair(problem.menteeId(i), problem.mentorId(j), Scores.toScore(units), required, criteria,
				List.copyOf(reasons.subList(0, Math.min(3, reasons.size()))), rank);
	}

	private static List<String> scoredReasons(MatchingProblem problem, PairGraph candidates, Preferences preferences,
			int i, int j, int units) {
		List<String> reasons = new ArrayList<>();
		reasons.add("Compatibility score " + Scores.toScore(units) + " out of 100");
		int[] ranking = problem.menteeRanking == null ? null : problem.menteeRanking[i];
		int listed = -1;
		if (ranking != null) {
			for (int k = 0; k < ranking.length; k++) {
				if (ranking[k] == j) {
					listed = k;
				}
			}
		}
		int e = candidates.find(i, j);
		if (listed >= 0) {
			reasons.add(listed == 0 ? "Your first choice" : "Your choice number " + (listed + 1));
		}
		else if (e >= 0 && preferences.menteeRankOfEdge[e] == 0) {
			reasons.add("Your best-scoring mentor");
		}
		else if (e >= 0 && preferences.menteeRankOfEdge[e] < 3) {
			reasons.add("One of your three best-scoring mentors");
		}
		return reasons;
	}

	/**
	 * Every mentor the hard rules allow for each mentee of a profile problem, scored and explained,
	 * best first (ties by mentor id), at most {@code limit} per mentee. For recommendations, where a
	 * mentee chooses instead of a solver; capacities are not considered.
	 */
	public Map<String, List<MatchedPair>> rank(MatchingProblem problem, int limit, Progress progress) {
		if (!problem.hasProfiles()) {
			throw new InvalidProblemException("rank: needs profiles to score");
		}
		float[][][] vectors = vectors(problem, progress);
		ProfileScorer scorer = new ProfileScorer(problem, vectors[0], vectors[1]);
		Map<String, List<MatchedPair>> ranked = new LinkedHashMap<>();
		for (int i = 0; i < problem.menteeCount(); i++) {
			List<MatchedPair> pairs = new ArrayList<>();
			for (int j = 0; j < problem.mentorCount(); j++) {
				if (scorer.allowed(i, j)) {
					pairs.add(new MatchedPair(problem.menteeId(i), problem.mentorId(j),
							Scores.toScore(Scores.toUnits(scorer.score(i, j))), false, scorer.criteria(i, j),
							scorer.reasons(i, j)));
				}
			}
			pairs.sort(java.util.Comparator.comparingDouble(MatchedPair::score).reversed()
				.thenComparing(MatchedPair::mentor));
			List<MatchedPair> best = new ArrayList<>();
			int rank = 0;
			for (int k = 0; k < Math.min(limit, pairs.size()); k++) {
				MatchedPair p = pairs.get(k);
				rank = k > 0 && p.score() == pairs.get(k - 1).score() ? rank : k + 1;
				best.add(new MatchedPair(p.mentee(), p.mentor(), p.score(), p.required(), p.criteria(), p.reasons(), rank));
			}
			ranked.put(problem.menteeId(i), List.copyOf(best));
		}
		return ranked;
	}

	/**
	 * The texts a profile problem compares by meaning, in the order the engine embeds them: each
	 * mentee's goals, then each mentor's expertise and bio (empty for a scored-pairs problem).
	 */
	public static List<String> texts(MatchingProblem problem) {
		List<String> texts = new ArrayList<>();
		if (problem.menteeProfiles == null || problem.menteeVectors != null) {
			return texts;
		}
		for (MenteeProfile p : problem.menteeProfiles) {
			texts.add(p.goals() == null ? "" : p.goals());
		}
		for (MentorProfile p : problem.mentorProfiles) {
			String expertise = p.expertise() == null ? "" : p.expertise();
			String bio = p.bio() == null ? "" : p.bio();
			texts.add((expertise + "\n" + bio).strip());
		}
		return texts;
	}

	private float[][][] vectors(MatchingProblem problem, Progress progress) {
		if (problem.menteeVectors != null) {
			return new float[][][] { problem.menteeVectors, problem.mentorVectors };
		}
		if (embedder == null) {
			throw new InvalidProblemException("profiles: no embedding model available to compare goals with expertise");
		}
		float[][] all = embedder.embed(texts(problem), progress);
		int n = problem.menteeCount();
		float[][] mentees = new float[n][];
		float[][] mentors = new float[all.length - n][];
		System.arraycopy(all, 0, mentees, 0, n);
		System.arraycopy(all, n, mentors, 0, mentors.length);
		return new float[][][] { mentees, mentors };
	}
}
