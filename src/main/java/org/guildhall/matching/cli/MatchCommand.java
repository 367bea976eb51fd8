package org.guildhall.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.guildhall.matching.engine.Embedder;
import org.guildhall.matching.engine.InvalidProblemException;
import org.guildhall.matching.engine.MatchingEngine;
import org.guildhall.matching.engine.MatchingResult;
import org.guildhall.matching.engine.MiniLmEmbedder;
import org.guildhall.matching.engine.Objective;
import org.guildhall.matching.engine.Progress;

/**
 * {@code match --problem problem.json --objective optimal|fair|stable --out result.json
 * [--candidates K] [--embedding-cache FILE] [--quiet]}: solves a problem file and writes the result file. Runs without the
 * web server. Exit codes: 0 done, 2 bad arguments or bad input (the message names the entry; no
 * result file is written), 1 any other failure.
 */
public final class MatchCommand {

	private static final String USAGE = "usage: match --problem problem.json --objective optimal|fair|stable"
			+ " --out result.json [--candidates K] [--embedding-cache FILE] [--quiet]";

	private MatchCommand() {
	}

	/** Entry point for running the command without Spring ({@code java -cp ... MatchCommand ...}). */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the command; returns the exit code. Messages and progress go to standard error. */
	public static int run(String[] args) {
		return run(args, System.err);
	}

	static int run(String[] args, PrintStream err) {
		Path problemFile = null;
		Path out = null;
		Objective objective = null;
		Integer candidates = null;
		boolean quiet = false;
		Path cacheFile = null;
		try {
			for (int k = 0; k < args.length; k++) {
				String arg = args[k];
				switch (arg) {
					case "--problem" -> problemFile = Path.of(value(args, ++k, arg));
					case "--out" -> out = Path.of(value(args, ++k, arg));
					case "--objective" -> objective = Objective.parse(value(args, ++k, arg));
					case "--candidates" -> candidates = positive(value(args, ++k, arg), arg);
					case "--quiet" -> quiet = true;
					case "--embedding-cache" -> cacheFile = Path.of(value(args, ++k, arg));
					default -> throw new InvalidProblemException("unknown argument '" + arg + "'\n" + USAGE);
				}
			}
			if (problemFile == null || out == null || objective == null) {
				throw new InvalidProblemException("--problem, --objective and --out are all needed\n" + USAGE);
			}
			Path parent = out.toAbsolutePath().getParent();
			if (parent == null || !Files.isDirectory(parent)) {
				throw new InvalidProblemException("--out: folder '" + parent + "' does not exist");
			}
			long started = System.nanoTime();
			Progress progress = quiet ? Progress.NONE : new StderrProgress(err);
			ProblemReader.Read read = ProblemReader.read(problemFile);
			MatchingEngine.Options defaults = MatchingEngine.Options.defaults();
			int k = candidates != null ? candidates
					: read.candidatesPerMentee() != null ? read.candidatesPerMentee() : defaults.candidatesPerMentee();
			Embedder embedder = new MiniLmEmbedder();
			EmbeddingCache cache = null;
			if (cacheFile != null) {
				cache = EmbeddingCache.open(cacheFile, MiniLmEmbedder.MODEL, MiniLmEmbedder.DIMENSIONS, embedder);
				embedder = cache;
			}
			MatchingEngine engine = new MatchingEngine(embedder, defaults.withCandidatesPerMentee(k));
			MatchingResult result = engine.solve(read.problem(), objective, progress);
			ResultWriter.write(result, out);
			if (cache != null && read.problem().hasProfiles()) {
				if (!quiet) {
					err.printf(Locale.ROOT, "match: embeddings: %d texts from the cache, %d embedded (%s)%n",
							cache.fromCache(), cache.embedded(), cacheFile);
				}
				try {
					cache.save();
				}
				catch (IOException e) {
					// The result is complete; only the next run will be slower.
					err.println("match: warning: cannot update the embedding cache: " + e.getMessage());
				}
			}
			if (!quiet) {
				err.printf(Locale.ROOT, "match: %s: %d of %d mentees matched, total score %.2f, proven optimal: %s"
						+ " (%.1f s); result in %s%n", objective.label(), result.metrics().matched(),
						result.metrics().mentees(), result.totalScore(), result.optimality().proven(),
						(System.nanoTime() - started) / 1e9, out);
			}
			return 0;
		}
		catch (InvalidProblemException e) {
			err.println("match: " + e.getMessage());
			return 2;
		}
		catch (IOException e) {
			err.println("match: cannot write the result: " + e.getMessage());
			return 1;
		}
		catch (RuntimeException | OutOfMemoryError e) {
			err.println("match: failed: " + e);
			return 1;
		}
	}

	private static String value(String[] args, int at, String name) {
		if (at >= args.length || args[at].startsWith("--")) {
			throw new InvalidProblemException(name + ": a value is missing");
		}
		return args[at];
	}

	private static int positive(String value, String name) {
		try {
			int parsed = Integer.parseInt(value);
			if (parsed < 1 || parsed > 1000) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException e) {
			throw new InvalidProblemException(name + ": '" + value + "' is not a whole number from 1 to 1000");
		}
	}

	/** Progress lines on standard error, at most one per step per second (and each step's end). */
	private static final class StderrProgress implements Progress {

		private final PrintStream err;
		private long lastPrinted;
		private String lastStep = "";

		StderrProgress(PrintStream err) {
			this.err = err;
		}

		@Override
		public synchronized void report(String step, long done, long total) {
			if (total < 10_000) {
				return;
			}
			long now = System.nanoTime();
			boolean finished = done >= total;
			if (!finished && step.equals(lastStep) && now - lastPrinted < 1_000_000_000L) {
				return;
			}
			lastPrinted = now;
			lastStep = step;
			err.printf(Locale.ROOT, "match: %s %d%% (%d/%d)%n", step, total == 0 ? 100 : done * 100 / total, done, total);
		}
	}
}
