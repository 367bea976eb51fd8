package org.guildhall.matching.engine;

import java.util.Arrays;
import java.util.PriorityQueue;

/** The three objectives on a candidate graph, with required pairs already fixed. */
final class Solvers {

	private Solvers() {
	}

	/** Residual capacities after required pairs, and which mentees are still to be matched. */
	record Residual(int[] capacity, boolean[] active) {

		static Residual of(MatchingProblem problem) {
			int[] capacity = problem.capacity.clone();
			boolean[] active = new boolean[problem.menteeCount()];
			for (int i = 0; i < active.length; i++) {
				int j = problem.requiredMentor[i];
				if (j >= 0) {
					capacity[j]--;
				}
				else {
					active[i] = true;
				}
			}
			return new Residual(capacity, active);
		}
	}

	/** Maximum total score; {@code warm} (may be null) is the previous round's answer to start from. */
	static Solution optimal(PairGraph graph, Residual residual, Solution warm, Progress progress) {
		return weighted(graph, residual, 1, 0, 0, warm, progress, "solving (optimal)");
	}

	/**
	 * Maximum of Σ (scale · w + bonus) over edges with w ≥ threshold, by primal–dual phases of
	 * shortest augmenting paths (many augmentations per Dijkstra). Warm: starts from the previous
	 * round's matching and mentor values, so a pricing round only re-routes the mentees whose new
	 * pairs the old values did not cover. The result carries the independently checked dual
	 * certificate.
	 */
	static Solution weighted(PairGraph graph, Residual residual, long scale, long bonus, int threshold, Solution warm,
			Progress progress, String step) {
		AugmentingPaths paths = new AugmentingPaths(graph, residual.capacity, scale, bonus, threshold);
		int[] start;
		long[] values;
		String note;
		if (warm != null && warm.mentorDuals() != null) {
			start = warm.mentorOf();
			values = warm.mentorDuals();
			note = "warm start";
		}
		else if (scale == 1 && bonus == 0 && threshold == 0) {
			// Plain maximum weight from nothing: an ε-scaling auction finds nearly exact prices far
			// faster than shortest paths route the last mentees of a tight market.
			long auctionStarted = System.nanoTime();
			PriceAuction auction = new PriceAuction(graph, residual.capacity, residual.active);
			boolean finished = auction.run();
			long auctionMillis = (System.nanoTime() - auctionStarted) / 1_000_000;
			if (finished) {
				start = auction.mentorOf;
				values = auction.mentorValues();
				note = "auction start (" + auction.stages + " stages, " + auction.bids + " bids, " + auctionMillis + " ms)";
			}
			else {
				start = new int[graph.menteeCount()];
				Arrays.fill(start, -1);
				values = new long[graph.mentorCount()];
				note = "cold start (auction gave up after " + auction.bids + " bids)";
			}
		}
		else {
			start = new int[graph.menteeCount()];
			Arrays.fill(start, -1);
			values = new long[graph.mentorCount()];
			note = "cold start";
		}
		int repaired = paths.runWarm(residual.active, start, values, progress, step);
		long[] u = paths.menteeDuals();
		long[] v = paths.mentorDuals();
		DualCertificate certificate = DualCertificate.check(paths, graph, residual.active, residual.capacity, u, v);
		return new Solution(paths.mentorOf, u, v, certificate,
				note + "; " + repaired + " free mentees, " + paths.phaseCount + " shortest-path phases, "
						+ paths.searchCount + " single searches, " + paths.repairSearches + " repair searches, "
						+ paths.settledTotal + " nodes settled");
	}

	/** Most mentees matched, then the highest lowest score, then the highest total. */
	static Solution fair(PairGraph graph, Residual residual, Progress progress) {
		int cardinality = cardinality(graph, residual, 0);
		int[] distinct = distinctWeights(graph, residual.active);
		// The largest threshold that still lets as many mentees be matched: binary search, as the
		// number of mentees matchable with edges at or above a threshold only falls as it rises.
		int lo = 0;
		int hi = distinct.length - 1;
		int threshold = distinct.length == 0 ? 0 : distinct[0];
		if (cardinality > 0) {
			while (lo < hi) {
				int mid = (lo + hi + 1) >>> 1;
				progress.report("fair: raising the lowest score", mid, distinct.length);
				if (cardinality(graph, residual, distinct[mid]) == cardinality) {
					lo = mid;
				}
				else {
					hi = mid - 1;
				}
			}
			threshold = distinct[lo];
		}
		int active = 0;
		for (boolean a : residual.active) {
			active += a ? 1 : 0;
		}
		long bonus = (long) (graph.maxWeight() + 1) * (active + 1);
		Solution solved = weighted(graph, residual, 1, bonus, threshold, null, progress, "solving (fair)");
		DualCertificate certificate = solved.certificate();
		int[] mentorOf = solved.mentorOf();
		int matched = 0;
		for (int i = 0; i < mentorOf.length; i++) {
			matched += mentorOf[i] >= 0 && residual.active[i] ? 1 : 0;
		}
		String note = "matched " + matched + " of at most " + cardinality + "; lowest score at least "
				+ Scores.toScore(threshold);
		if (matched != cardinality) {
			certificate = new DualCertificate(certificate.bound(), certificate.total(), certificate.uncovered() + 1);
		}
		return new Solution(mentorOf, solved.menteeDuals(), solved.mentorDuals(), certificate, note);
	}

	static int cardinality(PairGraph graph, Residual residual, int threshold) {
		int[] mentorOf = weighted(graph, residual, 0, 1, threshold, null, Progress.NONE, "").mentorOf();
		int count = 0;
		for (int i = 0; i < mentorOf.length; i++) {
			count += mentorOf[i] >= 0 ? 1 : 0;
		}
		return count;
	}

	private static int[] distinctWeights(PairGraph graph, boolean[] active) {
		int[] all = new int[graph.edgeCount()];
		int size = 0;
		for (int i = 0; i < graph.menteeCount(); i++) {
			if (active[i]) {
				for (int e = graph.start(i); e < graph.end(i); e++) {
					all[size++] = graph.weight(e);
				}
			}
		}
		int[] sorted = Arrays.copyOf(all, size);
		Arrays.sort(sorted);
		int distinct = 0;
		for (int k = 0; k < sorted.length; k++) {
			if (k == 0 || sorted[k] != sorted[k - 1]) {
				sorted[distinct++] = sorted[k];
			}
		}
		return Arrays.copyOf(sorted, distinct);
	}

	/**
	 * Mentee-proposing deferred acceptance with capacities. Each mentee proposes down its
	 * preference list; a full mentor keeps the mentees it ranks best. The result is the
	 * mentee-optimal stable matching, which does not depend on the order of proposals.
	 */
	static Solution stable(PairGraph graph, Residual residual, Preferences preferences) {
		int n = graph.menteeCount();
		int m = graph.mentorCount();
		int[] mentorOf = new int[n];
		Arrays.fill(mentorOf, -1);
		int[] next = new int[n];
		@SuppressWarnings("unchecked")
		PriorityQueue<long[]>[] held = new PriorityQueue[m];
		int[] stack = new int[n];
		int top = 0;
		for (int i = n - 1; i >= 0; i--) {
			if (residual.active[i]) {
				stack[top++] = i;
			}
		}
		while (top > 0) {
			int i = stack[--top];
			int[] list = preferences.menteeOrder[i];
			while (next[i] < list.length) {
				int e = list[next[i]++];
				int j = graph.mentor(e);
				if (residual.capacity[j] <= 0) {
					continue;
				}
				long rank = preferences.mentorRankOfEdge[e];
				if (held[j] == null) {
					held[j] = new PriorityQueue<>((a, b) -> Long.compare(b[0], a[0]));
				}
				if (held[j].size() < residual.capacity[j]) {
					held[j].add(new long[] { rank, i });
					mentorOf[i] = j;
					break;
				}
				long[] worst = held[j].peek();
				if (rank < worst[0]) {
					held[j].poll();
					int dropped = (int) worst[1];
					mentorOf[dropped] = -1;
					stack[top++] = dropped;
					held[j].add(new long[] { rank, i });
					mentorOf[i] = j;
					break;
				}
			}
		}
		return new Solution(mentorOf, null, null, null, null);
	}
}
