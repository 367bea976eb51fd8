package org.guildhall.matching.engine;

/**
 * Runs only Guildhall's {@code optimal} on one generated instance and prints its stats (for
 * profiling the engine without the baselines). Usage: {@code EngineProbe 50000 10000 [seed]} for a
 * profile instance, {@code EngineProbe scored 10000 2000 5 [seed] [repeats]} for a scored one (every
 * pair allowed, capacity 5, as the benchmark's 10000x2000 with seed 13).
 */
public final class EngineProbe {

	private EngineProbe() {
	}

	public static void main(String[] args) {
		MatchingProblem problem;
		int repeats = 1;
		if (args[0].equals("scored")) {
			int n = Integer.parseInt(args[1]);
			int m = Integer.parseInt(args[2]);
			int cap = Integer.parseInt(args[3]);
			long seed = args.length > 4 ? Long.parseLong(args[4]) : 13L;
			repeats = args.length > 5 ? Integer.parseInt(args[5]) : 1;
			problem = MatchingBenchmark.scoredInstance(n, m, cap, cap, seed);
		}
		else {
			int n = Integer.parseInt(args[0]);
			int m = Integer.parseInt(args[1]);
			long seed = args.length > 2 ? Long.parseLong(args[2]) : 14L;
			problem = MatchingBenchmark.profileInstance(n, m, seed);
		}
		for (int r = 0; r < repeats; r++) {
			long started = System.nanoTime();
			MatchingResult result = new MatchingEngine(null, MatchingEngine.Options.defaults().withCandidatesPerMentee(Integer.getInteger("k", 10))).solve(problem,
					Objective.OPTIMAL, Progress.NONE);
			long millis = (System.nanoTime() - started) / 1_000_000;
			System.out.println("wall " + millis + " ms, total " + result.totalScore() + ", proven "
					+ result.optimality().proven() + ", stats " + result.stats());
		}
	}
}
