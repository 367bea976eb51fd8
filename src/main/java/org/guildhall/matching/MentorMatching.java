package org.guildhall.matching;

import java.util.List;
import java.util.Map;

import org.guildhall.matching.engine.Embedder;
import org.guildhall.matching.engine.MatchedPair;
import org.guildhall.matching.engine.MatchingEngine;
import org.guildhall.matching.engine.MatchingProblem;
import org.guildhall.matching.engine.MatchingResult;
import org.guildhall.matching.engine.MiniLmEmbedder;
import org.guildhall.matching.engine.Objective;
import org.guildhall.matching.engine.Progress;
import org.springframework.stereotype.Service;

/**
 * Runs the matching engine inside the application. The sentence-embedding model is loaded on
 * first use and kept, with its cache of embedded texts, for later runs.
 */
@Service
public class MentorMatching {

	private volatile Embedder embedder;

	/** Solves a problem built with {@link MatchingProblem#builder()} for the objective. */
	public MatchingResult solve(MatchingProblem problem, Objective objective, Progress progress) {
		return new MatchingEngine(embedder(), MatchingEngine.Options.defaults()).solve(problem, objective, progress);
	}

	/** The allowed mentors of each mentee, scored and explained, best first (see {@link MatchingEngine#rank}). */
	public Map<String, List<MatchedPair>> rank(MatchingProblem problem, int limit) {
		return new MatchingEngine(embedder(), MatchingEngine.Options.defaults()).rank(problem, limit, Progress.NONE);
	}

	private Embedder embedder() {
		Embedder current = embedder;
		if (current == null) {
			synchronized (this) {
				if (embedder == null) {
					embedder = new MiniLmEmbedder();
				}
				current = embedder;
			}
		}
		return current;
	}
}
