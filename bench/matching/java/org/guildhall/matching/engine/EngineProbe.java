package org.guildhall.matching.engine;

/**
 * Runs only Guildhall's {@code optimal} on one generated profile instance and prints its stats
 * (for profiling the engine without the baselines). Usage: EngineProbe 50000 10000 [seed]
 */
public final class EngineProbe {

	private EngineProbe() {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int m = Integer.parseInt(args[1]);
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 14L;
		MatchingProblem problem = MatchingBenchmark.profileInstance(n, m, seed);
		long started = System.nanoTime();
		MatchingResult result = new MatchingEngine(null, MatchingEngine.Options.defaults()).solve(problem,
				Objective.OPTIMAL, Progress.NONE);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("wall " + millis + " ms, total " + result.totalScore() + ", proven "
				+ result.optimality().proven() + ", stats " + result.stats());
	}
}
