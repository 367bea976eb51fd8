package org.guildhall.matching.engine;

import java.util.Arrays;

/**
 * Exact maximum-weight b-matching by successive shortest augmenting paths (the Hungarian method,
 * in primal–dual phases that augment along many shortest paths per search) on the sparse pair graph, with node potentials so every search is a
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

	/**
	 * Starts from a matching and mentor values (empty and zero, or the previous pricing round's
	 * answer). Mentee values become the smallest that cover every edge,
	 * {@code u_i = max(0, max_j W_ij − v_j)}; pairs that are exactly tight are kept; a mentor left
	 * with a free slot has its value dropped to 0 (and the pairs this loosens are released, which
	 * can cascade). What remains satisfies every optimality condition except that some free mentees
	 * have {@code u_i > 0}; those are routed by the primal–dual phases below.
	 *
	 * @return how many mentees needed an augmentation
	 */
	int runWarm(boolean[] active, int[] initialMentorOf, long[] v, Progress progress, String step) {
		for (int j = 0; j < m; j++) {
			pi[n + j] = capacity[j] > 0 ? -Math.max(0, v[j]) : 0;
		}
		for (int i = 0; i < n; i++) {
			if (!active[i]) {
				continue;
			}
			long best = 0;
			for (int e = graph.start(i); e < graph.end(i); e++) {
				int j = graph.mentor(e);
				long w = weightOf(e);
				if (w != Long.MIN_VALUE && capacity[j] > 0) {
					best = Math.max(best, w + pi[n + j]);
				}
			}
			pi[i] = best;
		}
		for (int i = 0; i < n; i++) {
			int j = initialMentorOf[i];
			if (!active[i] || j < 0 || capacity[j] == 0 || load[j] >= Math.min(capacity[j], n)) {
				continue;
			}
			int e = graph.find(i, j);
			if (e < 0) {
				continue;
			}
			long w = weightOf(e);
			if (w != Long.MIN_VALUE && w + pi[n + j] == pi[i]) {
				attach(i, j);
				mentorOf[i] = j;
				matchWeight[i] = w;
			}
		}
		shiftFreeSlots(active);
		int[] stack = new int[m];
		int top = 0;
		boolean[] queued = new boolean[m];
		for (int j = 0; j < m; j++) {
			if (pi[n + j] < 0 && load[j] < capacity[j]) {
				stack[top++] = j;
				queued[j] = true;
			}
		}
		if (top > 0) {
			int[][] byMentor = graph.edgesByMentor();
			int[] menteeOf = graph.menteeOfEdges();
			while (top > 0) {
				int j = stack[--top];
				queued[j] = false;
				if (pi[n + j] == 0 || load[j] >= capacity[j]) {
					continue;
				}
				pi[n + j] = 0;
				for (int e : byMentor[j]) {
					int i = menteeOf[e];
					long w = weightOf(e);
					if (!active[i] || w == Long.MIN_VALUE || w <= pi[i]) {
						continue;
					}
					pi[i] = w;
					int own = mentorOf[i];
					if (own >= 0 && own != j) {
						detach(i, own);
						mentorOf[i] = -1;
						if (pi[n + own] < 0 && !queued[own]) {
							stack[top++] = own;
							queued[own] = true;
						}
					}
				}
			}
		}
		int total = 0;
		for (int i = 0; i < n; i++) {
			if (active[i] && mentorOf[i] < 0 && pi[i] > 0) {
				total++;
			}
		}
		phases(active, total, progress, step);
		return total;
	}

	/**
	 * Gentle repair of a warm start. A mentor with a free slot and a positive value breaks
	 * optimality; dropping its value to 0 and releasing every pair that loosens cascades through
	 * the graph (after adding a hundred pairs nearly every mentee was re-routed). Instead, for
	 * each such mentor, a shortest-path search over mentors finds the cheapest way to fill the
	 * slot: from mentor a, a mentee k not matched to a costs its slack {@code u_k + v_a − w_ka};
	 * if k is unmatched the search may end there (k takes the slot), if k sits at mentor b the
	 * search continues at b (k would move from b to a); ending at mentor a by lowering its value
	 * to 0 costs {@code v_a}. With D the shortest distance, every settled mentor's value falls by
	 * {@code D − d_a} and its matched mentees' values rise by the same amount: every edge stays
	 * covered, matched pairs stay tight, the path becomes tight and the mentees move along it.
	 * Only the mentees on the path change mentor. Searches that grow large are left to the
	 * release cascade, which is exact from any covered state.
	 */
	private void shiftFreeSlots(boolean[] active) {
		boolean any = false;
		for (int j = 0; j < m && !any; j++) {
			any = pi[n + j] < 0 && load[j] < capacity[j];
		}
		if (!any) {
			return;
		}
		int[][] byMentor = graph.edgesByMentor();
		int[] menteeOf = graph.menteeOfEdges();
		repairDist = new long[m];
		repairSeen = new int[m];
		repairVia = new int[m];
		repairViaEdge = new int[m];
		repairSettled = new int[m];
		repairViaFrom = new int[m];
		repairList = new int[MAX_REPAIR_MENTORS + 1];
		int stamp = 0;
		for (int root = 0; root < m; root++) {
			if (!(pi[n + root] < 0 && load[root] < capacity[root])) {
				continue;
			}
			if (repairFrom(root, ++stamp, byMentor, menteeOf, active) && pi[n + root] < 0
					&& load[root] < capacity[root]) {
				root--; // another free slot at the same mentor
			}
		}
		repairDist = null;
		repairSeen = repairVia = repairViaEdge = repairSettled = repairViaFrom = repairList = null;
		heapSize = 0;
	}

	private long[] repairDist;
	private int[] repairSeen;
	private int[] repairVia;
	private int[] repairViaEdge;
	private int[] repairSettled;
	private int[] repairViaFrom;
	private int[] repairList;

	/**
	 * One repair search from a mentor with a free slot and a positive value (see
	 * {@link #shiftFreeSlots}); false when it grew too large and the slot is left to the cascade.
	 */
	private boolean repairFrom(int root, int stamp, int[][] byMentor, int[] menteeOf, boolean[] active) {
		heapSize = 0;
		repairDist[root] = 0;
		repairSeen[root] = stamp;
		repairVia[root] = -1;
		push(0, root);
		int settledCount = 0;
		long best = Long.MAX_VALUE;
		int endMentor = -1;
		int endMentee = -1;
		int endEdge = -1;
		boolean tooLarge = false;
		while (heapSize > 0) {
			long d = heapKey[0];
			int a = heapNode[0];
			pop();
			if (repairSettled[a] == stamp || d != repairDist[a]) {
				continue;
			}
			if (d >= best) {
				break;
			}
			repairSettled[a] = stamp;
			repairList[settledCount++] = a;
			if (settledCount == MAX_REPAIR_MENTORS) {
				tooLarge = true;
				break;
			}
			long value = -pi[n + a];
			if (d + value < best) {
				best = d + value;
				endMentor = a;
				endMentee = -1;
			}
			for (int e : byMentor[a]) {
				int k = menteeOf[e];
				if (!active[k] || mentorOf[k] == a) {
					continue;
				}
				long w = weightOf(e);
				if (w == Long.MIN_VALUE) {
					continue;
				}
				long nd = d + pi[k] - (w + pi[n + a]);
				int b = mentorOf[k];
				if (b < 0) {
					if (nd < best) {
						best = nd;
						endMentor = a;
						endMentee = k;
						endEdge = e;
					}
				}
				else if (nd < best && repairSettled[b] != stamp && (repairSeen[b] != stamp || nd < repairDist[b])) {
					repairSeen[b] = stamp;
					repairDist[b] = nd;
					repairVia[b] = k;
					repairViaEdge[b] = e;
					repairViaFrom[b] = a;
					push(nd, b);
				}
			}
		}
		settledTotal += settledCount;
		repairSearches++;
		if (tooLarge || endMentor < 0) {
			heapSize = 0;
			return false;
		}
		// Dual update on the settled mentors (distance below best), then move mentees along the path.
		for (int r = 0; r < settledCount; r++) {
			int a = repairList[r];
			if (repairDist[a] < best) {
				long x = best - repairDist[a];
				pi[n + a] += x;
				for (int at = slotStart[a]; at < slotStart[a] + load[a]; at++) {
					pi[slots[at]] += x;
				}
			}
		}
		// Walking back from the end: each mentor on the path gives its path mentee to its parent
		// and takes the one coming from below (at the end: endMentee, or nobody when the end
		// mentor's value fell to 0 and its slot may stay free).
		int a = endMentor;
		int incoming = endMentee;
		int incomingEdge = endEdge;
		while (true) {
			int k = a == root ? -1 : repairVia[a];
			if (k >= 0) {
				detach(k, a);
				mentorOf[k] = -1;
			}
			if (incoming >= 0) {
				attach(incoming, a);
				mentorOf[incoming] = a;
				matchWeight[incoming] = weightOf(incomingEdge);
			}
			if (a == root) {
				break;
			}
			incoming = k;
			incomingEdge = repairViaEdge[a];
			a = repairViaFrom[a];
		}
		heapSize = 0;
		return true;
	}

	/** Mentors one warm-start repair search may settle before the release cascade takes over. */
	private static final int MAX_REPAIR_MENTORS = 4096;

	private static final int MIN_AUGMENTATIONS_PER_PHASE = 16;

	/** Shortest-path phases run so far (one Dijkstra each). */
	int phaseCount;

	/** Warm-start repair searches (over mentors) for free slots with a positive value. */
	int repairSearches;

	/** Single-mentee searches run after the phases. */
	int searchCount;

	/** Nodes settled by all searches: the solver's work, which unlike wall time does not depend on load. */
	long settledTotal;

	/**
	 * Primal–dual phases: one Dijkstra from all free mentees at once (a virtual source linked to
	 * each with reduced cost {@code max π − π_i}) finds the shortest distance D to the sink; the
	 * potentials are updated so that every shortest path is made of zero-reduced-cost arcs; then a
	 * depth-first search augments along as many node-disjoint zero-cost paths as it finds. Each phase
	 * augments at least once, so it ends; reduced costs stay non-negative throughout, so the result
	 * is optimal exactly as with one augmentation per search, but with far fewer searches.
	 */
	private void phases(boolean[] active, int total, Progress progress, String step) {
		int[] free = new int[n];
		int freeCount = 0;
		for (int i = 0; i < n; i++) {
			if (active[i] && mentorOf[i] < 0 && pi[i] > 0) {
				free[freeCount++] = i;
			}
		}
		int[] mark = new int[n + m];
		int[] stackNode = new int[n + m + 1];
		int[] stackPos = new int[n + m + 1];
		int[] stackEdge = new int[n + m + 1];
		int stamp = 0;
		while (freeCount > 0) {
			phaseCount++;
			round++;
			heapSize = 0;
			settledCount = 0;
			long top = Long.MIN_VALUE;
			for (int f = 0; f < freeCount; f++) {
				top = Math.max(top, pi[free[f]]);
			}
			long best = top;
			for (int f = 0; f < freeCount; f++) {
				int i = free[f];
				dist[i] = top - pi[i];
				seen[i] = round;
				push(dist[i], i);
			}
			while (heapSize > 0) {
				long d = heapKey[0];
				int x = heapNode[0];
				pop();
				if (done[x] == round || d > dist[x]) {
					continue;
				}
				if (d > best) {
					break;
				}
				done[x] = round;
				if (settledCount == settled.length) {
					settled = Arrays.copyOf(settled, settledCount * 2);
				}
				settled[settledCount++] = x;
				if (x < n) {
					long pii = pi[x];
					best = Math.min(best, d + pii);
					int own = mentorOf[x];
					for (int e = graph.start(x), stop = graph.end(x); e < stop; e++) {
						int w = graph.weight(e);
						if (w < threshold) {
							continue;
						}
						int j = graph.mentor(e);
						int node = n + j;
						if (j == own || capacity[j] == 0 || done[node] == round) {
							continue;
						}
						long nd = d + pii - pi[node] - (scale * w + bonus);
						if (nd <= best && (seen[node] != round || nd < dist[node])) {
							seen[node] = round;
							dist[node] = nd;
							push(nd, node);
						}
					}
				}
				else {
					int j = x - n;
					long pj = pi[x];
					if (load[j] < capacity[j]) {
						best = Math.min(best, d + pj);
					}
					for (int s = slotStart[j], stop = slotStart[j] + load[j]; s < stop; s++) {
						int k = slots[s];
						if (done[k] == round) {
							continue;
						}
						long nd = d + matchWeight[k] + pj - pi[k];
						if (nd <= best && (seen[k] != round || nd < dist[k])) {
							seen[k] = round;
							dist[k] = nd;
							push(nd, k);
						}
					}
				}
			}
			settledTotal += settledCount;
			for (int s = 0; s < settledCount; s++) {
				int x = settled[s];
				pi[x] += dist[x] - best;
			}
			stamp++;
			int augmented = 0;
			for (int f = 0; f < freeCount; f++) {
				int source = free[f];
				if (mark[source] == stamp) {
					continue;
				}
				if (augmentAlongZeroPath(source, mark, stamp, stackNode, stackPos, stackEdge)) {
					augmented++;
				}
			}
			if (augmented < Math.max(MIN_AUGMENTATIONS_PER_PHASE, freeCount / 64)) {
				// Phases pay for a search over every free mentee; once they route few paths each
				// (typically mentees who will stay unmatched), one search per mentee is cheaper.
				for (int f = 0; f < freeCount; f++) {
					int i = free[f];
					if (mentorOf[i] < 0 && pi[i] > 0) {
						augmentFrom(i);
					}
				}
				progress.report(step, total, total);
				return;
			}
			int kept = 0;
			for (int f = 0; f < freeCount; f++) {
				int i = free[f];
				if (mentorOf[i] < 0 && pi[i] > 0) {
					free[kept++] = i;
				}
			}
			freeCount = kept;
			progress.report(step, total - freeCount, total);
		}
	}

	/** Depth-first search along zero-reduced-cost arcs from a free mentee to the sink; augments. */
	private boolean augmentAlongZeroPath(int source, int[] mark, int stamp, int[] stackNode, int[] stackPos,
			int[] stackEdge) {
		int depth = 0;
		stackNode[0] = source;
		stackPos[0] = graph.start(source);
		mark[source] = stamp;
		while (depth >= 0) {
			int x = stackNode[depth];
			if (x < n) {
				if (depth > 0 && pi[x] == 0) {
					return augmentPath(stackNode, stackEdge, depth, true);
				}
				int own = mentorOf[x];
				int next = -1;
				int e = stackPos[depth];
				for (int stop = graph.end(x); e < stop; e++) {
					int w = graph.weight(e);
					if (w < threshold) {
						continue;
					}
					int j = graph.mentor(e);
					if (j == own || capacity[j] == 0 || mark[n + j] == stamp) {
						continue;
					}
					if (pi[x] - pi[n + j] - (scale * w + bonus) == 0) {
						next = n + j;
						break;
					}
				}
				stackPos[depth] = e + 1;
				if (next >= 0) {
					stackEdge[depth] = e;
					mark[next] = stamp;
					depth++;
					stackNode[depth] = next;
					stackPos[depth] = 0;
					continue;
				}
				if (depth == 0 && pi[x] == 0) {
					return true;
				}
				depth--;
			}
			else {
				int j = x - n;
				if (stackPos[depth] == 0 && load[j] < capacity[j] && pi[x] == 0) {
					return augmentPath(stackNode, stackEdge, depth, false);
				}
				int next = -1;
				int s = stackPos[depth];
				for (; s < load[j]; s++) {
					int k = slots[slotStart[j] + s];
					if (mark[k] != stamp && matchWeight[k] + pi[x] - pi[k] == 0) {
						next = k;
						break;
					}
				}
				stackPos[depth] = s + 1;
				if (next >= 0) {
					mark[next] = stamp;
					depth++;
					stackNode[depth] = next;
					stackPos[depth] = graph.start(next);
					continue;
				}
				depth--;
			}
		}
		return false;
	}

	/**
	 * Applies a path source, mentor, mentee, mentor, ... ending at a mentor with a free slot, or (when
	 * {@code endsAtMentee}) at a matched mentee who leaves for the "unmatched" option.
	 */
	private boolean augmentPath(int[] stackNode, int[] stackEdge, int last, boolean endsAtMentee) {
		int top = last;
		if (endsAtMentee) {
			int k = stackNode[last];
			detach(k, mentorOf[k]);
			mentorOf[k] = -1;
			top = last - 1;
		}
		for (int d = top - 1; d >= 0; d -= 2) {
			int x = stackNode[d];
			int j = stackNode[d + 1] - n;
			if (mentorOf[x] >= 0) {
				detach(x, mentorOf[x]);
			}
			attach(x, j);
			mentorOf[x] = j;
			matchWeight[x] = weightOf(stackEdge[d]);
		}
		return true;
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
		searchCount++;
		settledTotal += settledCount;
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
