package org.guildhall.matching.engine;

/** Scratch: times the scoring pass alone, repeatedly, with chunk widths given as arguments. */
public final class ScanProbe {
	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int m = Integer.parseInt(args[1]);
		MatchingProblem problem = MatchingBenchmark.profileInstance(n, m, 14L);
		ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
		Solvers.Residual residual = Solvers.Residual.of(problem);
		SimilarityKernel kernel = SimilarityKernel.best();
		for (int round = 0; round < Integer.getInteger("rounds", 3); round++) {
			for (int a = 2; a < args.length; a++) {
				CandidateGenerator.CHUNK_COLUMNS = Integer.parseInt(args[a]);
				CandidateGenerator g = CandidateGenerator.generate(scorer, problem, residual.capacity(), residual.active(), 10,
						kernel, 2, 0, Progress.NONE);
				System.out.printf("chunk %5d: scan %6d ms, cpu %6d ms, scored %d, %d candidates%n", CandidateGenerator.CHUNK_COLUMNS,
						g.scanMillis, g.scanCpuMillis, g.scanScoredPairs, g.candidates.edgeCount());
			}
		}
	}
}
