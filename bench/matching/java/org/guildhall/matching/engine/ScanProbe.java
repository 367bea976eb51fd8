package org.guildhall.matching.engine;

/**
 * Times the scoring pass alone (candidate generation, no solving), a few rounds in one JVM, on the
 * benchmark's profile instance: {@code ScanProbe 50000 10000 [rounds]}. For tuning the scan; prints
 * wall and CPU time and what the pass skipped.
 */
public final class ScanProbe {

	private ScanProbe() {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int m = Integer.parseInt(args[1]);
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		MatchingProblem problem = MatchingBenchmark.profileInstance(n, m, 14L);
		ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
		Solvers.Residual residual = Solvers.Residual.of(problem);
		SimilarityKernel kernel = SimilarityKernel.best();
		for (int round = 0; round < rounds; round++) {
			CandidateGenerator g = CandidateGenerator.generate(scorer, problem, residual.capacity(), residual.active(), 10,
					kernel, Runtime.getRuntime().availableProcessors(), 0, Progress.NONE);
			System.out.printf(
					"setup %5d ms, scan %6d ms, cpu %6d ms; pairs ruled out %d, near %d, cleared early %d, scored one by one %d; %d candidates%n",
					g.scanSetupMillis, g.scanMillis, g.scanCpuMillis, g.scanRuledOutPairs, g.scanNearPairs,
					g.scanClearedEarlyPairs, g.scanScoredPairs, g.candidates.edgeCount());
		}
	}
}
