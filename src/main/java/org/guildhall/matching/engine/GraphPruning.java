package org.guildhall.matching.engine;

import java.util.Arrays;

/**
 * Candidate pairs from a fully scored graph: each mentee's best K and each mentor's best
 * K × capacity; the rest are checked against the dual after solving ({@link #remainder}).
 */
final class GraphPruning {

	private GraphPruning() {
	}

	/**
	 * Each active mentee's best K edges and each mentor's best K × capacity (ties to the lower
	 * index), by selection: one pass over the rows with bounded min-heaps of packed keys
	 * ({@code weight << 32 | reversed index}, larger is better), no sorting and no boxing.
	 */
	static PairGraph topK(PairGraph full, int k, int[] capacity, boolean[] active) {
		int n = full.menteeCount();
		int m = full.mentorCount();
		boolean[] keep = new boolean[full.edgeCount()];
		int[] edgesOfMentor = new int[m];
		for (int i = 0; i < n; i++) {
			if (active[i]) {
				for (int e = full.start(i); e < full.end(i); e++) {
					edgesOfMentor[full.mentor(e)]++;
				}
			}
		}
		int[] heapStart = new int[m + 1];
		for (int j = 0; j < m; j++) {
			long limit = Math.min((long) k * capacity[j], edgesOfMentor[j]);
			heapStart[j + 1] = heapStart[j] + (int) limit;
		}
		long[] mentorHeap = new long[heapStart[m]];
		int[] mentorSize = new int[m];
		long[] row = new long[Math.max(1, k)];
		for (int i = 0; i < n; i++) {
			if (!active[i]) {
				continue;
			}
			int from = full.start(i);
			int size = full.end(i) - from;
			int rowSize = 0;
			for (int e = from; e < from + size; e++) {
				int w = full.weight(e);
				if (size > k) {
					long key = ((long) w << 32) | (Integer.MAX_VALUE - (e - from));
					rowSize = offer(row, 0, k, rowSize, key);
				}
				int j = full.mentor(e);
				int limit = heapStart[j + 1] - heapStart[j];
				if (limit > 0) {
					mentorSize[j] = offer(mentorHeap, heapStart[j], limit, mentorSize[j],
							((long) w << 32) | (Integer.MAX_VALUE - i));
				}
			}
			if (size <= k) {
				Arrays.fill(keep, from, from + size, true);
			}
			else {
				for (int r = 0; r < rowSize; r++) {
					keep[from + Integer.MAX_VALUE - (int) row[r]] = true;
				}
			}
		}
		for (int j = 0; j < m; j++) {
			for (int r = heapStart[j]; r < heapStart[j] + mentorSize[j]; r++) {
				int i = Integer.MAX_VALUE - (int) mentorHeap[r];
				keep[full.find(i, j)] = true;
			}
		}
		PairGraph.Builder out = new PairGraph.Builder(n, m);
		for (int i = 0; i < n; i++) {
			for (int e = full.start(i); e < full.end(i); e++) {
				if (keep[e]) {
					out.add(i, full.mentor(e), full.weight(e));
				}
			}
		}
		return out.build();
	}

	/** Offers a key to a bounded min-heap in {@code heap[base..base+limit)}; returns the new size. */
	private static int offer(long[] heap, int base, int limit, int size, long key) {
		if (size < limit) {
			int at = size;
			while (at > 0) {
				int parent = (at - 1) >>> 1;
				if (heap[base + parent] <= key) {
					break;
				}
				heap[base + at] = heap[base + parent];
				at = parent;
			}
			heap[base + at] = key;
			return size + 1;
		}
		if (key <= heap[base]) {
			return size;
		}
		int at = 0;
		while (true) {
			int child = 2 * at + 1;
			if (child >= limit) {
				break;
			}
			if (child + 1 < limit && heap[base + child + 1] < heap[base + child]) {
				child++;
			}
			if (heap[base + child] >= key) {
				break;
			}
			heap[base + at] = heap[base + child];
			at = child;
		}
		heap[base + at] = key;
		return size;
	}

	/**
	 * Exact pricing over every listed pair. Per mentee, only the {@code perMentee} most uncovered
	 * pairs join the graph in one round (column generation), which keeps each re-solve small.
	 */
	static Remainder remainder(PairGraph full, int perMentee) {
		return (u, v, active, capacity, candidates, added) -> {
			long raise = 0;
			long[] violations = new long[16];
			for (int i = 0; i < full.menteeCount(); i++) {
				if (!active[i]) {
					continue;
				}
				long need = 0;
				int count = 0;
				for (int e = full.start(i); e < full.end(i); e++) {
					int j = full.mentor(e);
					long slack = u[i] + v[j] - full.weight(e);
					if (slack < 0 && capacity[j] > 0 && candidates.find(i, j) < 0) {
						need = Math.max(need, -slack);
						if (count == violations.length) {
							violations = Arrays.copyOf(violations, count * 2);
						}
						// most uncovered first, then by edge (deterministic)
						violations[count++] = (slack << 32) | (e - full.start(i));
					}
				}
				if (count > perMentee) {
					Arrays.sort(violations, 0, count);
					count = perMentee;
				}
				for (int k = 0; k < count; k++) {
					int e = full.start(i) + (int) (violations[k] & 0xffffffffL);
					added.add(i, full.mentor(e), full.weight(e));
				}
				raise += need;
			}
			return raise;
		};
	}
}
