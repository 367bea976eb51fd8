package org.guildhall.matching.engine;

import java.util.Arrays;

/**
 * Exact maximum-weight b-matching by successive shortest augmenting paths (the Hungarian method,
 * one mentee at a time) on the sparse pair graph, with node potentials so every search is a
 * Dijkstra that stops as soon as the sink is settled and only updates settled nodes.
 *
 * <p>The flow network: mentee → mentor (cost −W), mentor → sink (capacity c), and mentee → sink
 * (cost 0, "stays unmatched"), so a mentee is only matched when it pays. Edge weights are
 * {@code W = scale · w + bonus} for edges with {@code w ≥ threshold} (others are ignored), which
 * gives plain maximum weight (1, 0), maximum cardinality (0, 1) and maximum weight among
 * maximum-cardinality matchings (1, large bonus).
 *
 * <p>At the end the potentials give a dual solution {@code u} (mentees) and {@code v} (mentors)
 * with {@code u_i + v_j ≥ W_ij} on every edge and equal objective values; see {@link DualCertificate}.
 */
final class AugmentingPaths {

	private static final long INF = Long.MAX_VALUE / 4;

	private final PairGraph graph;
	private final int n;
	private final int m;
	private final long scale;
	private final long bonus;
	private final int threshold;
	private final int[] capacity;

	final int[] mentorOf;
	private final long[] matchWeight;
	private final long[] pi;
	private final int[] load;
	private final int[] slotStart;
	private final int[] slots;
	private final int[] slotPos;

	private final long[] dist;
	private final int[] seen;
	private final int[] done;
	private final int[] predMentee;
	private final int[] predEdge;
	private int[] settled;
	private int settledCount;
	private int round;
	private long[] heapKey = new long[64];
	private int[] heapNode = new int[64];
	private int heapSize;

	/**
	 * @param capacity residual capacity per mentor (after required pairs)
	 */
	AugmentingPaths(PairGraph graph, int[] capacity, long scale, long bonus, int threshold) {
		this.graph = graph;
		this.n = graph.menteeCount();
		this.m = graph.mentorCount();
		this.scale = scale;
		this.bonus = bonus;
		this.threshold = threshold;
		this.capacity = capacity;
		this.mentorOf = new int[n];
		Arrays.fill(mentorOf, -1);
		this.matchWeight = new long[n];
		this.pi = new long[n + m];
		this.load = new int[m];
		this.slotStart = new int[m + 1];
		for (int j = 0; j < m; j++) {
			slotStart[j + 1] = slotStart[j] + Math.min(capacity[j], n);
		}
		this.slots = new int[slotStart[m]];
		this.slotPos = new int[n];
		this.dist = new long[n + m];
		this.seen = new int[n + m];
		this.done = new int[n + m];
		this.predMentee = new int[m];
		this.predEdge = new int[m];
		this.settled = new int[64];
	}

	long weightOf(int edge) {
		int w = graph.weight(edge);
		return w >= threshold ? scale * w + bonus : Long.MIN_VALUE;
	}

	/** Matches the given mentees (in this order), each by one shortest-path search. */
	void run(boolean[] active, Progress progress, String step) {
		for (int i = 0; i < n; i++) {
			if (!active[i]) {
				continue;
			}
			long best = 0;
			for (int e = graph.start(i); e < graph.end(i); e++) {
				long w = weightOf(e);
				if (w > best && capacity[graph.mentor(e)] > 0) {
					best = w;
				}
			}
			pi[i] = best;
		}
		int total = 0;
		for (boolean a : active) {
			total += a ? 1 : 0;
		}
		int doneCount = 0;
		for (int i = 0; i < n; i++) {
			if (active[i]) {
				augmentFrom(i);
				if (++doneCount % 2048 == 0) {
					progress.report(step, doneCount, total);
				}
			}
		}
		progress.report(step, total, total);
	}

	private void augmentFrom(int source) {
		round++;
		heapSize = 0;
		settledCount = 0;
		long best = pi[source];
		int end = source;
		dist[source] = 0;
		seen[source] = round;
		push(0, source);
		while (heapSize > 0) {
			long d = heapKey[0];
			int x = heapNode[0];
			pop();
			if (done[x] == round || d > dist[x]) {
				continue;
			}
			if (d >= best) {
				break;
			}
			done[x] = round;
			if (settledCount == settled.length) {
				settled = Arrays.copyOf(settled, settledCount * 2);
			}
			settled[settledCount++] = x;
			if (x < n) {
				int i = x;
				long pii = pi[i];
				if (i != source) {
					long viaDummy = d + pii;
					if (viaDummy < best) {
						best = viaDummy;
						end = i;
					}
				}
				int own = mentorOf[i];
				for (int e = graph.start(i), stop = graph.end(i); e < stop; e++) {
					int w = graph.weight(e);
					if (w < threshold) {
						continue;
					}
					int j = graph.mentor(e);
					if (j == own) {
						continue;
					}
					int node = n + j;
					if (done[node] == round || capacity[j] == 0) {
						continue;
					}
					long nd = d + pii - pi[node] - (scale * w + bonus);
					if (nd < best && (seen[node] != round || nd < dist[node])) {
						seen[node] = round;
						dist[node] = nd;
						predMentee[j] = i;
						predEdge[j] = e;
						push(nd, node);
					}
				}
			}
			else {
				int j = x - n;
				long pj = pi[x];
				if (load[j] < capacity[j]) {
					long viaFree = d + pj;
					if (viaFree < best) {
						best = viaFree;
						end = x;
					}
				}
				for (int s = slotStart[j], stop = slotStart[j] + load[j]; s < stop; s++) {
					int k = slots[s];
					if (done[k] == round) {
						continue;
					}
					long nd = d + matchWeight[k] + pj - pi[k];
					if (nd < best && (seen[k] != round || nd < dist[k])) {
						seen[k] = round;
						dist[k] = nd;
						push(nd, k);
					}
				}
			}
		}
		for (int s = 0; s < settledCount; s++) {
			int x = settled[s];
			pi[x] += dist[x] - best;
		}
		augment(source, end);
	}

	private void augment(int source, int end) {
		int cur;
		if (end < n) {
			if (end == source) {
				return;
			}
			cur = mentorOf[end];
			detach(end, cur);
			mentorOf[end] = -1;
		}
		else {
			cur = end - n;
		}
		while (true) {
			int i = predMentee[cur];
			int previous = mentorOf[i];
			if (previous >= 0) {
				detach(i, previous);
			}
			attach(i, cur);
			mentorOf[i] = cur;
			matchWeight[i] = weightOf(predEdge[cur]);
			if (i == source) {
				return;
			}
			cur = previous;
		}
	}

	private void attach(int mentee, int mentor) {
		int at = slotStart[mentor] + load[mentor]++;
		slots[at] = mentee;
		slotPos[mentee] = at;
	}

	private void detach(int mentee, int mentor) {
		int at = slotPos[mentee];
		int last = slotStart[mentor] + --load[mentor];
		int moved = slots[last];
		slots[at] = moved;
		slotPos[moved] = at;
	}

	/** Mentee duals: {@code u_i = max(0, π_i)} (the sink's potential is 0). */
	long[] menteeDuals() {
		long[] u = new long[n];
		for (int i = 0; i < n; i++) {
			u[i] = Math.max(0, pi[i]);
		}
		return u;
	}

	/** Mentor duals: {@code v_j = max(0, −π_j)}. */
	long[] mentorDuals() {
		long[] v = new long[m];
		for (int j = 0; j < m; j++) {
			v[j] = Math.max(0, -pi[n + j]);
		}
		return v;
	}

	private void push(long key, int node) {
		if (heapSize == heapKey.length) {
			heapKey = Arrays.copyOf(heapKey, heapSize * 2);
			heapNode = Arrays.copyOf(heapNode, heapSize * 2);
		}
		int at = heapSize++;
		while (at > 0) {
			int parent = (at - 1) >>> 1;
			if (heapKey[parent] < key || (heapKey[parent] == key && heapNode[parent] <= node)) {
				break;
			}
			heapKey[at] = heapKey[parent];
			heapNode[at] = heapNode[parent];
			at = parent;
		}
		heapKey[at] = key;
		heapNode[at] = node;
	}

	private void pop() {
		long key = heapKey[--heapSize];
		int node = heapNode[heapSize];
		int at = 0;
		int half = heapSize >>> 1;
		while (at < half) {
			int child = 2 * at + 1;
			int right = child + 1;
			if (right < heapSize && (heapKey[right] < heapKey[child]
					|| (heapKey[right] == heapKey[child] && heapNode[right] < heapNode[child]))) {
				child = right;
			}
			if (key < heapKey[child] || (key == heapKey[child] && node <= heapNode[child])) {
				break;
			}
			heapKey[at] = heapKey[child];
			heapNode[at] = heapNode[child];
			at = child;
		}
		heapKey[at] = key;
		heapNode[at] = node;
	}
}
