package org.guildhall.matching.engine;

import java.util.Arrays;

/**
 * The allowed mentee–mentor pairs with their scores (in {@link Scores} units), stored by mentee
 * in compressed rows; within a row, mentors are in increasing index order.
 */
public final class PairGraph {

	private final int menteeCount;
	private final int mentorCount;
	private final int[] start;
	private final int[] mentor;
	private final int[] weight;

	private PairGraph(int menteeCount, int mentorCount, int[] start, int[] mentor, int[] weight) {
		this.menteeCount = menteeCount;
		this.mentorCount = mentorCount;
		this.start = start;
		this.mentor = mentor;
		this.weight = weight;
	}

	public int menteeCount() {
		return menteeCount;
	}

	public int mentorCount() {
		return mentorCount;
	}

	public int edgeCount() {
		return start[menteeCount];
	}

	/** First edge of a mentee's row. */
	public int start(int mentee) {
		return start[mentee];
	}

	/** One past the last edge of a mentee's row. */
	public int end(int mentee) {
		return start[mentee + 1];
	}

	public int mentor(int edge) {
		return mentor[edge];
	}

	public int weight(int edge) {
		return weight[edge];
	}

	/** The edge between a mentee and a mentor, or -1 when the pair is not in the graph. */
	public int find(int mentee, int mentorIndex) {
		int at = Arrays.binarySearch(mentor, start[mentee], start[mentee + 1], mentorIndex);
		return at >= 0 ? at : -1;
	}

	/** The largest weight of any edge, or 0 for an empty graph. */
	public int maxWeight() {
		int max = 0;
		for (int e = 0; e < edgeCount(); e++) {
			max = Math.max(max, weight[e]);
		}
		return max;
	}

	/** A mentor-indexed view: for each mentor, the edges that reach it, in mentee order. */
	public int[][] edgesByMentor() {
		int[] count = new int[mentorCount];
		for (int e = 0; e < edgeCount(); e++) {
			count[mentor[e]]++;
		}
		int[][] byMentor = new int[mentorCount][];
		for (int j = 0; j < mentorCount; j++) {
			byMentor[j] = new int[count[j]];
		}
		Arrays.fill(count, 0);
		for (int i = 0; i < menteeCount; i++) {
			for (int e = start[i]; e < start[i + 1]; e++) {
				int j = mentor[e];
				byMentor[j][count[j]++] = e;
			}
		}
		return byMentor;
	}

	/** For each edge, its mentee (the inverse of the row structure). */
	public int[] menteeOfEdges() {
		int[] of = new int[edgeCount()];
		for (int i = 0; i < menteeCount; i++) {
			Arrays.fill(of, start[i], start[i + 1], i);
		}
		return of;
	}

	/** Collects edges in any order; a pair added twice keeps its larger weight. */
	public static final class Builder {

		private final int menteeCount;
		private final int mentorCount;
		private int size;
		private int[] mentees = new int[16];
		private int[] mentors = new int[16];
		private int[] weights = new int[16];

		public Builder(int menteeCount, int mentorCount) {
			this.menteeCount = menteeCount;
			this.mentorCount = mentorCount;
		}

		public Builder add(int mentee, int mentorIndex, int units) {
			if (size == mentees.length) {
				int grown = mentees.length * 2;
				mentees = Arrays.copyOf(mentees, grown);
				mentors = Arrays.copyOf(mentors, grown);
				weights = Arrays.copyOf(weights, grown);
			}
			mentees[size] = mentee;
			mentors[size] = mentorIndex;
			weights[size] = units;
			size++;
			return this;
		}

		/** Adds every edge of another graph. */
		public Builder addAll(PairGraph graph) {
			for (int i = 0; i < graph.menteeCount; i++) {
				for (int e = graph.start[i]; e < graph.start[i + 1]; e++) {
					add(i, graph.mentor[e], graph.weight[e]);
				}
			}
			return this;
		}

		public int size() {
			return size;
		}

		/** Copies the edges into another builder, renumbering mentees and mentors. */
		public void copyTo(Builder target, int[] menteeMap, int[] mentorMap) {
			for (int k = 0; k < size; k++) {
				target.add(menteeMap[mentees[k]], mentorMap[mentors[k]], weights[k]);
			}
		}

		/**
		 * After {@link #build()}: the first pair found twice, packed as {@code mentee << 32 | mentor},
		 * or -1.
		 */
		public long firstDuplicate() {
			return firstDuplicate;
		}

		private long firstDuplicate = -1;

		public PairGraph build() {
			int[] start = new int[menteeCount + 1];
			for (int k = 0; k < size; k++) {
				start[mentees[k] + 1]++;
			}
			for (int i = 0; i < menteeCount; i++) {
				start[i + 1] += start[i];
			}
			int[] fill = Arrays.copyOf(start, menteeCount);
			long[] packed = new long[size];
			for (int k = 0; k < size; k++) {
				packed[fill[mentees[k]]++] = ((long) mentors[k] << 32) | (weights[k] & 0xffffffffL);
			}
			int[] mentor = new int[size];
			int[] weight = new int[size];
			int out = 0;
			int[] compactStart = new int[menteeCount + 1];
			for (int i = 0; i < menteeCount; i++) {
				Arrays.sort(packed, start[i], start[i + 1]);
				compactStart[i] = out;
				for (int k = start[i]; k < start[i + 1]; k++) {
					int j = (int) (packed[k] >>> 32);
					if (out > compactStart[i] && mentor[out - 1] == j) {
						if (firstDuplicate < 0) {
							firstDuplicate = ((long) i << 32) | j;
						}
						weight[out - 1] = Math.max(weight[out - 1], (int) packed[k]);
						continue;
					}
					mentor[out] = j;
					weight[out] = (int) packed[k];
					out++;
				}
			}
			compactStart[menteeCount] = out;
			return new PairGraph(menteeCount, mentorCount, compactStart, Arrays.copyOf(mentor, out),
					Arrays.copyOf(weight, out));
		}
	}
}
