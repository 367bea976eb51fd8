package org.guildhall.matching.engine;

import java.util.Arrays;

/**
 * A fast approximate start for the exact solver: an ε-scaling auction (Bertsekas) with mentor
 * capacities. Free mentees bid for their best mentor at its price; a full mentor takes the new
 * bid and lets its lowest bidder go, who bids again. A bid raises the price to where the mentee
 * would be indifferent to its second-best option plus ε, so each bid moves a mentee and raises a
 * price by at least ε: the work per mentee is a row scan, where a shortest-path search settles a
 * large part of the graph. Stages shrink ε down to one weight unit; the matching and mentor prices
 * of the last stage are then handed to {@link AugmentingPaths#runWarm}, which makes them exact
 * (prices accurate to one unit leave almost nothing to route) and proves the result.
 *
 * <p>The auction is only a start: whatever it leaves, the exact solver repairs. If it exceeds its
 * bid budget (a price war on an unusual instance) it gives up and the exact solver starts cold.
 * Mentees are processed in a fixed order, so the result is deterministic.
 */
final class PriceAuction {

	/** ε shrinks by this factor per stage. */
	private static final int EPSILON_FACTOR = 8;

	/** A price above every weight, for mentors without places. */
	private static final long UNAVAILABLE = Long.MAX_VALUE / 4;

	/** Bids allowed per active mentee and stage before the auction gives up. */
	private static final int BIDS_PER_MENTEE_AND_STAGE = 200;

	private final PairGraph graph;
	private final int n;
	private final int m;
	private final boolean[] active;

	/**
	 * Per mentor: what a new bidder must beat now: while it has a free place the price it started
	 * the stage with, once full the lowest bid it holds.
	 */
	private final long[] current;
	private final int[] load;
	private final int[] heapStart;
	private final long[] heapBid;
	private final int[] heapMentee;
	final int[] mentorOf;

	/** Bids placed in all stages (the auction's work). */
	long bids;

	/** Stages run. */
	int stages;

	PriceAuction(PairGraph graph, int[] capacity, boolean[] active) {
		this.graph = graph;
		this.n = graph.menteeCount();
		this.m = graph.mentorCount();
		this.active = active;
		this.current = new long[m];
		this.load = new int[m];
		this.heapStart = new int[m + 1];
		for (int j = 0; j < m; j++) {
			heapStart[j + 1] = heapStart[j] + Math.max(0, Math.min(capacity[j], n));
			if (heapStart[j + 1] == heapStart[j]) {
				current[j] = UNAVAILABLE; // no place left: no weight can pay this price
			}
		}
		this.heapBid = new long[heapStart[m]];
		this.heapMentee = new int[heapStart[m]];
		this.mentorOf = new int[n];
	}

	/**
	 * Runs the stages on plain weights ({@code w ≥ 0}, every edge enabled).
	 *
	 * @return true when every stage finished within its budget
	 */
	boolean run() {
		int activeCount = 0;
		for (int i = 0; i < n; i++) {
			activeCount += active[i] ? 1 : 0;
		}
		long maxWeight = graph.maxWeight();
		long epsilon = Math.max(1, maxWeight / EPSILON_FACTOR);
		int[] queue = new int[n];
		long budget = (long) BIDS_PER_MENTEE_AND_STAGE * Math.max(1, activeCount);
		while (true) {
			stages++;
			if (!stage(epsilon, queue, budget)) {
				return false;
			}
			if (epsilon == 1) {
				return true;
			}
			epsilon = Math.max(1, epsilon / EPSILON_FACTOR);
		}
	}

	/** Mentor values for the exact solver: the price a new mentee would pay (0 for mentors without places). */
	long[] mentorValues() {
		long[] v = new long[m];
		for (int j = 0; j < m; j++) {
			v[j] = heapStart[j + 1] > heapStart[j] ? current[j] : 0;
		}
		return v;
	}

	/** The previous stage's ε (0 before the first stage). */
	private long previousEpsilon;

	private boolean stage(long epsilon, int[] queue, long budget) {
		// Keep prices, drop the assignment: every mentee bids again against the previous stage's
		// prices, lowered by the previous ε. A forward auction only raises prices, and a stage with a
		// large ε overshoots by up to ε; where places are scarcer than mentees, prices that stay too
		// high price mentees out for good (the exact solver then has to lower them place by place:
		// on 50k x 10k the repair scanned 7.8M edges, 2.4M with this). Shifting every price by the
		// same amount changes no preference between mentors, only against staying unmatched.
		for (int j = 0; j < m; j++) {
			if (heapStart[j + 1] > heapStart[j]) {
				current[j] = Math.max(0, current[j] - previousEpsilon);
			}
			load[j] = 0;
		}
		Arrays.fill(mentorOf, -1);
		int head = 0;
		int tail = 0;
		int size = 0;
		for (int i = 0; i < n; i++) {
			if (active[i]) {
				queue[tail++] = i;
				size++;
			}
		}
		if (tail == n) {
			tail = 0;
		}
		long stageBids = 0;
		while (size > 0) {
			int i = queue[head];
			head = head + 1 == n ? 0 : head + 1;
			size--;
			long first = 0;
			long second = 0;
			int bestMentor = -1;
			int bestEdge = -1;
			for (int e = graph.start(i), stop = graph.end(i); e < stop; e++) {
				int j = graph.mentor(e);
				long value = graph.weight(e) - current[j];
				if (value > first) {
					second = first;
					first = value;
					bestMentor = j;
					bestEdge = e;
				}
				else if (value > second) {
					second = value;
				}
			}
			if (bestMentor < 0) {
				continue; // staying unmatched is best (value 0)
			}
			stageBids++;
			if (stageBids > budget) {
				return false;
			}
			int j = bestMentor;
			long bid = graph.weight(bestEdge) - second + epsilon;
			int capacityJ = heapStart[j + 1] - heapStart[j];
			if (load[j] == capacityJ) {
				int evicted = heapMentee[heapStart[j]];
				mentorOf[evicted] = -1;
				queue[tail] = evicted;
				tail = tail + 1 == n ? 0 : tail + 1;
				size++;
				replaceMin(j, bid, i);
				current[j] = heapBid[heapStart[j]];
			}
			else {
				insert(j, bid, i);
				if (load[j] == capacityJ) {
					current[j] = heapBid[heapStart[j]];
				}
			}
			mentorOf[i] = j;
		}
		bids += stageBids;
		previousEpsilon = epsilon;
		return true;
	}

	private void insert(int j, long bid, int mentee) {
		int base = heapStart[j];
		int at = load[j]++;
		while (at > 0) {
			int parent = (at - 1) >>> 1;
			if (less(heapBid[base + parent], heapMentee[base + parent], bid, mentee)) {
				break;
			}
			heapBid[base + at] = heapBid[base + parent];
			heapMentee[base + at] = heapMentee[base + parent];
			at = parent;
		}
		heapBid[base + at] = bid;
		heapMentee[base + at] = mentee;
	}

	private void replaceMin(int j, long bid, int mentee) {
		int base = heapStart[j];
		int size = load[j];
		int at = 0;
		while (true) {
			int child = 2 * at + 1;
			if (child >= size) {
				break;
			}
			int right = child + 1;
			if (right < size && less(heapBid[base + right], heapMentee[base + right], heapBid[base + child],
					heapMentee[base + child])) {
				child = right;
			}
			if (less(bid, mentee, heapBid[base + child], heapMentee[base + child])) {
				break;
			}
			heapBid[base + at] = heapBid[base + child];
			heapMentee[base + at] = heapMentee[base + child];
			at = child;
		}
		heapBid[base + at] = bid;
		heapMentee[base + at] = mentee;
	}

	private static boolean less(long bidA, int menteeA, long bidB, int menteeB) {
		return bidA < bidB || (bidA == bidB && menteeA < menteeB);
	}
}
