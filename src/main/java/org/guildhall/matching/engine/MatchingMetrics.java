package org.guildhall.matching.engine;

/**
 * Figures about a result.
 *
 * @param mentees number of mentees
 * @param matched number of matched mentees
 * @param matchedShare matched / mentees
 * @param totalScore sum of pair scores
 * @param meanScore mean pair score (0 when nobody is matched)
 * @param minScore lowest pair score
 * @param p10Score 10th-percentile pair score (nearest rank)
 * @param blockingPairs candidate pairs whose mentee and mentor both prefer each other to what they got
 * @param top3Share share of mentees who got one of their three most preferred mentors
 * @param mentorLoadMean mean of load / capacity over mentors with capacity
 * @param mentorLoadStdDev standard deviation of load / capacity
 * @param mentorLoadMin lowest load / capacity
 * @param mentorLoadMax highest load / capacity
 * @param violations hard-rule violations (reporting line, forbidden, not allowed, over capacity,
 *        required pair missing); always 0 unless there is a bug
 */
public record MatchingMetrics(int mentees, int matched, double matchedShare, double totalScore, double meanScore,
		double minScore, double p10Score, long blockingPairs, double top3Share, double mentorLoadMean,
		double mentorLoadStdDev, double mentorLoadMin, double mentorLoadMax, int violations) {
}
