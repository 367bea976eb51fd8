package org.guildhall.matching.engine;

import java.util.Arrays;

/**
 * Both sides' preference orders over the candidate pairs: the ranking from the input first (when
 * given), then by score, highest first, then by id.
 */
final class Preferences {

	/** Per mentee, its edges from most to least preferred. */
	final int[][] menteeOrder;

	/** Per mentee edge, its position in the mentee's order. */
	final int[] menteeRankOfEdge;

	/**
	 * Per mentee edge, its position counting ties alike ("1224" ranking, from 0): the number of the
	 * mentee's edges strictly preferred to it (listed earlier, or as listed with a higher score). A
	 * mentor scoring the same as the mentee's best is a first choice too, whatever the tie-break.
	 */
	final int[] menteeTiedRankOfEdge;

	/** Per edge, the position of its mentee in the mentor's order (lower is better). */
	final int[] mentorRankOfEdge;

	private Preferences(int[][] menteeOrder, int[] menteeRankOfEdge, int[] menteeTiedRankOfEdge, int[] mentorRankOfEdge) {
		this.menteeOrder = menteeOrder;
		this.menteeRankOfEdge = menteeRankOfEdge;
		this.menteeTiedRankOfEdge = menteeTiedRankOfEdge;
		this.mentorRankOfEdge = mentorRankOfEdge;
	}

	static Preferences of(PairGraph graph, MatchingProblem problem) {
		int n = graph.menteeCount();
		int m = graph.mentorCount();
		int[][] menteeOrder = new int[n][];
		int[] menteeRank = new int[graph.edgeCount()];
		int[] menteeTiedRank = new int[graph.edgeCount()];
		int[] listed = new int[m];
		Arrays.fill(listed, Integer.MAX_VALUE);
		for (int i = 0; i < n; i++) {
			int[] ranking = problem.menteeRanking == null ? null : problem.menteeRanking[i];
			if (ranking != null) {
				for (int k = 0; k < ranking.length; k++) {
					listed[ranking[k]] = k;
				}
			}
			int from = graph.start(i);
			int size = graph.end(i) - from;
			long[] keys = new long[size];
			for (int k = 0; k < size; k++) {
				int e = from + k;
				int j = graph.mentor(e);
				long position = ranking == null || listed[j] == Integer.MAX_VALUE ? 0xFFFFF : listed[j];
				// position (20 bits) | inverted score (21 bits) | edge offset (22 bits)
				keys[k] = (position << 43) | ((long) (Scores.MAX_UNITS - graph.weight(e)) << 22) | k;
			}
			Arrays.sort(keys);
			int[] order = new int[size];
			for (int k = 0; k < size; k++) {
				order[k] = from + (int) (keys[k] & 0x3FFFFF);
				menteeRank[order[k]] = k;
				// same listed position and score as the one before (the key without its offset bits): a tie
				menteeTiedRank[order[k]] = k > 0 && keys[k] >>> 22 == keys[k - 1] >>> 22 ? menteeTiedRank[order[k - 1]] : k;
			}
			menteeOrder[i] = order;
			if (ranking != null) {
				for (int mentor : ranking) {
					listed[mentor] = Integer.MAX_VALUE;
				}
			}
		}
		int[][] byMentor = graph.edgesByMentor();
		int[] menteeOf = graph.menteeOfEdges();
		int[] mentorRank = new int[graph.edgeCount()];
		int[] listedMentee = new int[n];
		Arrays.fill(listedMentee, Integer.MAX_VALUE);
		for (int j = 0; j < m; j++) {
			int[] ranking = problem.mentorRanking == null ? null : problem.mentorRanking[j];
			if (ranking != null) {
				for (int k = 0; k < ranking.length; k++) {
					listedMentee[ranking[k]] = k;
				}
			}
			int[] edges = byMentor[j];
			long[] keys = new long[edges.length];
			for (int k = 0; k < edges.length; k++) {
				int e = edges[k];
				int i = menteeOf[e];
				long position = ranking == null || listedMentee[i] == Integer.MAX_VALUE ? 0xFFFFF : listedMentee[i];
				keys[k] = (position << 43) | ((long) (Scores.MAX_UNITS - graph.weight(e)) << 22) | k;
			}
			Arrays.sort(keys);
			for (int k = 0; k < keys.length; k++) {
				mentorRank[edges[(int) (keys[k] & 0x3FFFFF)]] = k;
			}
			if (ranking != null) {
				for (int mentee : ranking) {
					listedMentee[mentee] = Integer.MAX_VALUE;
				}
			}
		}
		return new Preferences(menteeOrder, menteeRank, menteeTiedRank, mentorRank);
	}
}
