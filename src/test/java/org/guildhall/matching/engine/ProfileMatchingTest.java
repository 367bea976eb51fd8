package org.guildhall.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Profile scoring, candidate pruning with its certificate, and the two similarity kernels. */
class ProfileMatchingTest {

	private static final MatchingEngine.Options EXACT = new MatchingEngine.Options(10, 1_000_000, 2, 30, Long.MAX_VALUE);

	/** Prunes to K = 3 even on small problems, so pricing rounds must repair what pruning lost. */
	private static final MatchingEngine.Options PRUNED = new MatchingEngine.Options(3, 1_000_000, 2, 50, 0);

	@Test
	void prunedProfilesReachTheSameProvenOptimumAsFullScoring() {
		for (long seed = 1; seed <= 12; seed++) {
			prunedEqualsFull(seed, RandomProblems.profiles(seed, 150, 40, CriterionWeights.defaults()));
		}
	}

	@Test
	void tilesWhereAMustFailsForEveryPairAreSkippedWithTheSameProvenOptimum() {
		// Language is a must by default; mentees and mentors who share no language never pair up.
		for (long seed = 1; seed <= 3; seed++) {
			MatchingResult pruned = prunedEqualsFull(seed,
					RandomProblems.profiles(seed, 400, 400, CriterionWeights.defaults()));
			assertThat((long) pruned.stats().get("scoringPassRuledOutPairs")).as("seed %d", seed).isPositive();
			assertThat((long) pruned.stats().get("scoringPassClearedEarlyPairs")).as("seed %d", seed).isPositive();
		}
	}

	/** Solves with and without pruning; both proven, same total, fewer candidates when pruned. */
	private static MatchingResult prunedEqualsFull(long seed, MatchingProblem problem) {
		MatchingResult full = new MatchingEngine(null, EXACT).solve(problem, Objective.OPTIMAL, Progress.NONE);
		MatchingResult pruned = new MatchingEngine(null, PRUNED).solve(problem, Objective.OPTIMAL, Progress.NONE);
		assertThat(full.optimality().proven()).isTrue();
		assertThat(pruned.optimality().proven()).as("seed %d: %s", seed, pruned.optimality()).isTrue();
		assertThat(pruned.totalScore()).as("seed %d", seed).isEqualTo(full.totalScore());
		assertThat(pruned.metrics().violations()).isZero();
		assertThat((int) pruned.stats().get("candidatePairs")).isLessThan((int) full.stats().get("candidatePairs"));
		return pruned;
	}

	@Test
	void prunedProfilesGiveTheSameResultOnOneThreadAsOnThree() {
		MatchingProblem problem = RandomProblems.profiles(9, 500, 300, CriterionWeights.defaults());
		MatchingResult one = new MatchingEngine(null, new MatchingEngine.Options(3, 1_000_000, 1, 50, 0))
			.solve(problem, Objective.OPTIMAL, Progress.NONE);
		MatchingResult three = new MatchingEngine(null, new MatchingEngine.Options(3, 1_000_000, 3, 50, 0))
			.solve(problem, Objective.OPTIMAL, Progress.NONE);
		assertThat(one.optimality().proven()).isTrue();
		assertThat(three.pairs()).isEqualTo(one.pairs());
		assertThat(three.totalScore()).isEqualTo(one.totalScore());
	}

	@Test
	void fullProfileOptimumEqualsOrTools() {
		for (long seed = 1; seed <= 12; seed++) {
			MatchingProblem problem = RandomProblems.profiles(seed, 60, 15, CriterionWeights.defaults());
			MatchingResult result = new MatchingEngine(null, EXACT).solve(problem, Objective.OPTIMAL, Progress.NONE);
			ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
			PairGraph.Builder all = new PairGraph.Builder(problem.menteeCount(), problem.mentorCount());
			for (int i = 0; i < problem.menteeCount(); i++) {
				for (int j = 0; j < problem.mentorCount(); j++) {
					if (scorer.allowed(i, j)) {
						all.add(i, j, Scores.toUnits(scorer.score(i, j)));
					}
				}
			}
			Solvers.Residual residual = Solvers.Residual.of(problem);
			long reference = OrToolsReference.maxWeight(all.build(), residual.capacity(), residual.active(), 0, -1);
			assertThat(Math.round(result.totalScore() * Scores.SCALE)).as("seed %d", seed).isEqualTo(reference);
		}
	}

	@Test
	void scalarAndVectorKernelsAgree() {
		MatchingProblem problem = RandomProblems.profiles(7, 300, 90, CriterionWeights.defaults());
		ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
		Solvers.Residual residual = Solvers.Residual.of(problem);
		SimilarityKernel best = SimilarityKernel.best();
		assertThat(best.name()).as("surefire runs with the Vector API module").startsWith("vector");
		PairGraph a = CandidateGenerator.generate(scorer, problem, residual.capacity(), residual.active(), 4,
				new ScalarSimilarityKernel(), 2, 0, Progress.NONE).candidates;
		PairGraph b = CandidateGenerator.generate(scorer, problem, residual.capacity(), residual.active(), 4, best, 1,
				0, Progress.NONE).candidates;
		// Float sums in another order may swap near-ties at the K-th place, nothing more.
		int missing = 0;
		for (int i = 0; i < problem.menteeCount(); i++) {
			for (int e = a.start(i); e < a.end(i); e++) {
				missing += b.find(i, a.mentor(e)) < 0 ? 1 : 0;
			}
		}
		assertThat(missing).isLessThanOrEqualTo(a.edgeCount() / 100);
		MatchingResult vector = new MatchingEngine(null, PRUNED).solve(problem, Objective.OPTIMAL, Progress.NONE);
		System.setProperty("guildhall.matching.vector", "false");
		try {
			MatchingResult scalar = new MatchingEngine(null, PRUNED).solve(problem, Objective.OPTIMAL, Progress.NONE);
			assertThat(scalar.stats().get("kernel")).isEqualTo("scalar");
			assertThat(scalar.optimality().proven()).isTrue();
			assertThat(vector.optimality().proven()).isTrue();
			assertThat(scalar.totalScore()).isEqualTo(vector.totalScore());
		}
		finally {
			System.clearProperty("guildhall.matching.vector");
		}
	}

	@Test
	void boundsFromTheLeadingPrincipalCoordinatesAreNeverBelowTheScore() {
		for (SimilarityKernel kernel : List.of(SimilarityKernel.best(), new ScalarSimilarityKernel())) {
			MatchingProblem problem = RandomProblems.profiles(5, 60, 4 * kernel.width(), CriterionWeights.defaults());
			ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
			BoundTables tables = scorer.boundTables();
			int width = kernel.width();
			int dim = scorer.dim;
			int n = scorer.n;
			int m = scorer.m;
			Subspace subspace = Subspace.of(scorer.menteeVectors, n, scorer.mentorVectors, m, dim, kernel, 2);
			assertThat(subspace.cut).isLessThan(dim);
			float[] mentees = subspace.rotate(scorer.menteeVectors, n, 2);
			float[] mentors = subspace.rotate(scorer.mentorVectors, m, 2);
			float[] menteeResidual = subspace.residualNorms(mentees, n);
			float[] mentorResidual = subspace.residualNorms(mentors, m);
			float[] out = new float[4 * width];
			float[] bounds = new float[width];
			float[] never = new float[m];
			java.util.Arrays.fill(never, Float.POSITIVE_INFINITY);
			BoundTables.Row row = new BoundTables.Row();
			int checked = 0;
			int tight = 0;
			for (int first = 0; first + width <= m; first += width) {
				float[] tile = kernel.tiles(mentors, dim, java.util.stream.IntStream.range(first, first + width).toArray());
				for (int i = 0; i < n; i++) {
					tables.row(i, row);
					kernel.tile(mentees, i * dim, i * dim, i * dim, i * dim, tile, 0, 0, subspace.cut, false, out);
					kernel.bounds(out, 0, tables, row, first, Float.POSITIVE_INFINITY, never, false, menteeResidual[i],
							mentorResidual, bounds);
					for (int c = 0; c < width; c++) {
						// A rotation keeps dot products: the score from the original vectors.
						float score = scorer.fastScoreWithoutPreferences(i, first + c, (float) scorer.similarity(i, first + c));
						if (score >= 0) {
							assertThat(bounds[c]).as("%s, mentee %d, mentor %d", kernel.name(), i, first + c)
								.isGreaterThanOrEqualTo(score);
							tight += bounds[c] < score + 0.4 * tables.goalsPoints ? 1 : 0;
							checked++;
						}
					}
				}
			}
			assertThat(checked).isGreaterThan(1000);
			// The bound is worth having: the rest of most pairs' similarity is far below its worst case.
			assertThat(tight).isGreaterThan(checked / 2);
		}
	}

	@Test
	void simdBoundsAreNeverBelowTheScoreAndEqualItUpToTheMargin() {
		List<CriterionWeights> weightings = List.of(CriterionWeights.defaults(),
				CriterionWeights.defaults().withMust(Criterion.SENIORITY).withMust(Criterion.TIME_ZONE),
				CriterionWeights.defaults().withMust(Criterion.CROSS_DEPARTMENT).withMust(Criterion.SKILLS));
		for (SimilarityKernel kernel : List.of(SimilarityKernel.best(), new ScalarSimilarityKernel())) {
			for (CriterionWeights weights : weightings) {
				MatchingProblem problem = RandomProblems.profiles(11, 40, 3 * kernel.width() + 5, weights);
				ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
				BoundTables tables = scorer.boundTables();
				int width = kernel.width();
				int dim = scorer.dim;
				int m = scorer.m;
				float[] out = new float[4 * width];
				float[] bounds = new float[width];
				float[] never = new float[m];
				java.util.Arrays.fill(never, Float.POSITIVE_INFINITY);
				BoundTables.Row row = new BoundTables.Row();
				int checked = 0;
				for (int first = 0; first + width <= m; first += width) {
					float[] tile = kernel.tiles(scorer.mentorVectors, dim,
							java.util.stream.IntStream.range(first, first + width).toArray());
					for (int i = 0; i < scorer.n; i++) {
						kernel.tile(scorer.menteeVectors, i * dim, i * dim, i * dim, i * dim, tile, 0, dim, out);
						tables.row(i, row);
						assertThat(kernel.bounds(out, 0, tables, row, first, Float.POSITIVE_INFINITY, never, false, 0f, null, bounds))
							.isFalse();
						for (int c = 0; c < width; c++) {
							float score = scorer.fastScoreWithoutPreferences(i, first + c, out[c]);
							if (score >= 0) {
								assertThat(bounds[c]).as("%s, mentee %d, mentor %d", kernel.name(), i, first + c)
									.isBetween(score, score + 2 * BoundTables.MARGIN);
								checked++;
							}
						}
						// One column whose threshold the bound reaches makes the tile pass, in both modes.
						if (bounds[5] > Float.NEGATIVE_INFINITY) {
							float[] one = never.clone();
							one[first + 5] = bounds[5] - 1;
							assertThat(kernel.bounds(out, 0, tables, row, first, Float.POSITIVE_INFINITY, one, false, 0f, null, bounds))
								.isTrue();
							one[first + 5] = bounds[5] - 1;
							assertThat(kernel.bounds(out, 0, tables, row, first, 0f, one, true, 0f, null, bounds)).isTrue();
						}
					}
				}
				assertThat(checked).isGreaterThan(100);
			}
		}
	}

	@Test
	void mustCriteriaAndReportingLinesRemovePairs() {
		MatchingProblem problem = RandomProblems.profiles(3, 80, 20, CriterionWeights.defaults());
		MatchingResult result = new MatchingEngine(null, EXACT).solve(problem, Objective.STABLE, Progress.NONE);
		ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
		assertThat(result.metrics().violations()).isZero();
		for (MatchedPair pair : result.pairs()) {
			int i = problem.menteeIndexForTest(pair.mentee());
			int j = problem.mentorIndexForTest(pair.mentor());
			assertThat(pair.criteria().get("language")).isEqualTo(100.0);
			assertThat(problem.reportingLines.inSameLine(pair.mentee(), pair.mentor())).isFalse();
			assertThat(pair.score()).isEqualTo(Scores.toScore(Scores.toUnits(scorer.score(i, j))));
			assertThat(pair.reasons()).hasSizeBetween(1, 3);
		}
	}

	@Test
	void miniLmPutsRelatedTextsCloserThanUnrelatedOnesAndCachesThem() {
		MiniLmEmbedder embedder = new MiniLmEmbedder();
		List<String> texts = List.of("I want to learn SQL query tuning and database design",
				"Database engineer: SQL performance, indexing, schema design",
				"Watercolour painting and landscape sketching", "I want to learn SQL query tuning and database design");
		float[][] vectors = embedder.embed(texts, Progress.NONE);
		assertThat(vectors[0]).hasSize(MiniLmEmbedder.DIMENSIONS);
		assertThat(dot(vectors[0], vectors[1])).isGreaterThan(dot(vectors[0], vectors[2]) + 0.2);
		assertThat(dot(vectors[0], vectors[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
		assertThat(vectors[3]).isSameAs(vectors[0]);
		assertThat(embedder.cachedTexts()).isEqualTo(3);
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int k = 0; k < a.length; k++) {
			sum += a[k] * b[k];
		}
		return sum;
	}
}
