package org.guildhall.matching;

import org.guildhall.matching.engine.Embedder;
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
