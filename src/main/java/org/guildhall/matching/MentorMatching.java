package org.guildhall.matching;

import java.util.List;
import java.util.Map;

import org.guildhall.matching.engine.MatchedPair;
import org.guildhall.matching.engine.MatchingEngine;
import org.guildhall.matching.engine.MatchingProblem;
import org.guildhall.matching.engine.MatchingResult;
import org.guildhall.matching.engine.Objective;
import org.guildhall.matching.engine.Progress;
import org.springframework.stereotype.Service;

/**
 * Runs the matching engine inside the application, with the sentence embeddings of
 * {@link TextEmbeddings} (each profile text embedded once, kept in the database).
 */
@Service
public class MentorMatching {

	private final TextEmbeddings embeddings;

	MentorMatching(TextEmbeddings embeddings) {
		this.embeddings = embeddings;
	}

	/** Solves a problem built with {@link MatchingProblem#builder()} for the objective. */
	public MatchingResult solve(MatchingProblem problem, Objective objective, Progress progress) {
		return new MatchingEngine(embeddings, MatchingEngine.Options.defaults()).solve(problem, objective, progress);
	}

	/** The allowed mentors of each mentee, scored and explained, best first (see {@link MatchingEngine#rank}). */
	public Map<String, List<MatchedPair>> rank(MatchingProblem problem, int limit) {
		return new MatchingEngine(embeddings, MatchingEngine.Options.defaults()).rank(problem, limit, Progress.NONE);
	}

	/**
	 * Embeds the problem's texts in the background, so that a run or recommendations started later
	 * find them ready (a run started meanwhile shares the work rather than repeating it).
	 */
	public void prepare(MatchingProblem problem) {
		embeddings.prepare(MatchingEngine.texts(problem));
	}
}
