package org.guildhall.insights.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Betweenness centrality of an undirected, unweighted graph, normalised by (n−1)(n−2)/2: exact by
 * Brandes' algorithm, or estimated by sampling shortest paths after Riondato and Kornaropoulos.
 */
final class Betweenness {

	/** The constant of the ε-approximation theorem that Riondato and Kornaropoulos use (about 1/2). */
	static final double C = 0.5;

	private static final int CHUNK = 64;

	private Betweenness() {
	}

	/**
	 * Brandes (2001): one breadth-first search per source counts shortest paths forward and
	 * accumulates dependencies backward, O(nm) in all. Worker t takes sources t, t + T, ... and keeps
	 * its own sums, added in worker order, so a given thread count always gives the same bits.
	 */
	static double[] exact(LearningGraph g, int threads, NetworkAnalysis.Progress progress) {
		int n = g.personCount();
		double[] result = new double[n];
		if (n < 3) {
			return result;
		}
		int workers = Math.max(1, Math.min(threads, n / 64 + 1));
		double[][] sums = new double[workers][];
		AtomicLong done = new AtomicLong();
		Workers.run(workers, "network-brandes-", t -> {
			double[] sum = new double[n];
			int[] distance = new int[n];
			Arrays.fill(distance, -1);
			double[] sigma = new double[n];
			double[] dependency = new double[n];
			int[] order = new int[n];
			int[] offsets = g.offsets;
			int[] neighbours = g.neighbours;
			int counted = 0;
			for (int s = t; s < n; s += workers) {
				if (offsets[s + 1] - offsets[s] > 0) {
					accumulate(s, offsets, neighbours, distance, sigma, dependency, order, sum);
				}
				if (++counted == CHUNK) {
					long total = done.addAndGet(counted);
					counted = 0;
					if (t == 0) {
						progress.report("bridging", total, n);
					}
				}
			}
			sums[t] = sum;
		});
		// Each unordered pair is counted from both ends, so the sums are twice the undirected value;
		// (n−1)(n−2) therefore normalises to the (n−1)(n−2)/2 pairs that exclude the person.
		double scale = 1.0 / ((double) (n - 1) * (n - 2));
		for (double[] sum : sums) {
			for (int v = 0; v < n; v++) {
				result[v] += sum[v];
			}
		}
		for (int v = 0; v < n; v++) {
			result[v] *= scale;
		}
		progress.report("bridging", n, n);
		return result;
	}

	private static void accumulate(int s, int[] offsets, int[] neighbours, int[] distance, double[] sigma,
			double[] dependency, int[] order, double[] sum) {
		order[0] = s;
		distance[s] = 0;
		sigma[s] = 1;
		int head = 0;
		int tail = 1;
		while (head < tail) {
			int v = order[head++];
			int next = distance[v] + 1;
			double sv = sigma[v];
			for (int at = offsets[v]; at < offsets[v + 1]; at++) {
				int w = neighbours[at];
				if (distance[w] < 0) {
					distance[w] = next;
					order[tail++] = w;
				}
				if (distance[w] == next) {
					sigma[w] += sv;
				}
			}
		}
		// Reverse BFS order: every node's successors are finished before the node itself.
		for (int i = tail - 1; i > 0; i--) {
			int w = order[i];
			int previous = distance[w] - 1;
			double share = (1 + dependency[w]) / sigma[w];
			for (int at = offsets[w]; at < offsets[w + 1]; at++) {
				int v = neighbours[at];
				if (distance[v] == previous) {
					dependency[v] += sigma[v] * share;
				}
			}
			sum[w] += dependency[w];
		}
		for (int i = 0; i < tail; i++) {
			int v = order[i];
			distance[v] = -1;
			sigma[v] = 0;
			dependency[v] = 0;
		}
	}

	/**
	 * The Riondato–Kornaropoulos sample size r = ⌈(c/ε'²)(⌊log₂(VD−2)⌋ + 1 + ln(1/δ))⌉ with c = 0.5.
	 * Their guarantee is on values normalised by n(n−1)/2, all pairs; ours are normalised by the
	 * (n−1)(n−2)/2 pairs without the person, larger by n/(n−2), so the sample is sized for
	 * ε' = ε(n−2)/n to keep ±ε on our scale. VD below 3 is raised to 3 (any upper bound is valid).
	 */
	static long sampleSize(int n, int vertexDiameterBound, double epsilon, double delta) {
		double scaledEpsilon = n > 2 ? epsilon * (n - 2) / n : epsilon;
		int vd = Math.max(3, vertexDiameterBound);
		int floorLog2 = 31 - Integer.numberOfLeadingZeros(vd - 2);
		return (long) Math.ceil(C / (scaledEpsilon * scaledEpsilon) * (floorLog2 + 1 + Math.log(1 / delta)));
	}

	/**
	 * Riondato and Kornaropoulos (2016), algorithm for all nodes: draw r ordered pairs (u, v), u ≠ v,
	 * uniformly; for each, draw one shortest u–v path uniformly among all of them and credit 1/r to
	 * each node inside it (not u or v). The estimate is unbiased for Σ σ_uv(w)/σ_uv / (n(n−1)), and
	 * with r from {@link #sampleSize} every node is within ε' of it at once with probability ≥ 1−δ.
	 *
	 * <p>Each path comes from a balanced bidirectional breadth-first search (as in KADABRA, Borassi
	 * and Natale 2019): it grows the side whose frontier has fewer link ends until the two searches
	 * touch, which on small-world networks visits a small fraction of the graph. All shortest paths
	 * cross from u's last level to v's last level by exactly one link (x, y), and there are
	 * σ_u(x)·σ_v(y) of them through it; picking a link with that weight and then walking back to each
	 * end picking each predecessor p of z with probability σ(p)/σ(z) gives each shortest path
	 * probability exactly 1/σ_uv, the uniform draw the theorem needs.
	 *
	 * <p>Sample i draws from its own generator seeded from (seed, i) and credits are whole counts, so
	 * the result is the same for any number of threads.
	 */
	static double[] sampled(LearningGraph g, int[] componentOf, long samples, long seed, int threads,
			NetworkAnalysis.Progress progress) {
		int n = g.personCount();
		double[] result = new double[n];
		if (n < 3 || samples == 0) {
			return result;
		}
		int workers = Math.max(1, Math.min(threads, (int) Math.min(Integer.MAX_VALUE, samples / CHUNK + 1)));
		long[][] counts = new long[workers][];
		AtomicLong next = new AtomicLong();
		AtomicLong done = new AtomicLong();
		Workers.run(workers, "network-sampling-", t -> {
			PathSampler sampler = new PathSampler(g);
			for (long start = next.getAndAdd(CHUNK); start < samples; start = next.getAndAdd(CHUNK)) {
				long end = Math.min(samples, start + CHUNK);
				for (long i = start; i < end; i++) {
					SplittableRandom random = new SplittableRandom(Mixing.mix64(seed ^ Mixing.mix64(i + 1)));
					int u = random.nextInt(n);
					int v = random.nextInt(n - 1);
					if (v >= u) {
						v++;
					}
					if (componentOf[u] == componentOf[v]) {
						sampler.creditShortestPath(u, v, random);
					}
				}
				long total = done.addAndGet(end - start);
				if (t == 0) {
					progress.report("bridging", total, samples);
				}
			}
			counts[t] = sampler.credits;
		});
		double scale = n / (n - 2.0) / samples;
		for (long[] count : counts) {
			for (int v = 0; v < n; v++) {
				result[v] += count[v];
			}
		}
		for (int v = 0; v < n; v++) {
			result[v] *= scale;
		}
		progress.report("bridging", samples, samples);
		return result;
	}

	/** One worker's state for drawing shortest paths; arrays are reset after every path. */
	private static final class PathSampler {

		private final int[] offsets;
		private final int[] neighbours;
		final long[] credits;
		private final int[] distanceU;
		private final int[] distanceV;
		private final double[] sigmaU;
		private final double[] sigmaV;
		private final int[] visitedU;
		private final int[] visitedV;
		private int[] meetX = new int[64];
		private int[] meetY = new int[64];
		private double[] meetWeight = new double[64];

		PathSampler(LearningGraph g) {
			int n = g.personCount();
			offsets = g.offsets;
			neighbours = g.neighbours;
			credits = new long[n];
			distanceU = new int[n];
			distanceV = new int[n];
			Arrays.fill(distanceU, -1);
			Arrays.fill(distanceV, -1);
			sigmaU = new double[n];
			sigmaV = new double[n];
			visitedU = new int[n];
			visitedV = new int[n];
		}

		/** Draws one shortest u–v path uniformly (u and v connected) and credits its inner nodes. */
		void creditShortestPath(int u, int v, SplittableRandom random) {
			visitedU[0] = u;
			distanceU[u] = 0;
			sigmaU[u] = 1;
			visitedV[0] = v;
			distanceV[v] = 0;
			sigmaV[v] = 1;
			// Each side's visited list is its BFS queue; its frontier is [start, end).
			int startU = 0;
			int endU = 1;
			int sizeU = 1;
			int startV = 0;
			int endV = 1;
			int sizeV = 1;
			long frontierLinksU = degree(u);
			long frontierLinksV = degree(v);
			int meetings = 0;
			while (startU < endU && startV < endV) {
				boolean growU = frontierLinksU <= frontierLinksV;
				int[] visited = growU ? visitedU : visitedV;
				int[] distance = growU ? distanceU : distanceV;
				double[] sigma = growU ? sigmaU : sigmaV;
				int[] otherDistance = growU ? distanceV : distanceU;
				double[] otherSigma = growU ? sigmaV : sigmaU;
				int start = growU ? startU : startV;
				int end = growU ? endU : endV;
				int size = growU ? sizeU : sizeV;
				long nextLinks = 0;
				for (int i = start; i < end; i++) {
					int x = visited[i];
					int level = distance[x] + 1;
					double sx = sigma[x];
					for (int at = offsets[x]; at < offsets[x + 1]; at++) {
						int y = neighbours[at];
						if (otherDistance[y] >= 0) {
							// The searches touch: (x, y) carries σ(x)·σ(y) shortest paths. The balls
							// were disjoint until now, so y lies on the other side's frontier and all
							// links found in this level give paths of one and the same, shortest, length.
							if (meetings == meetX.length) {
								growMeetings();
							}
							meetX[meetings] = growU ? x : y;
							meetY[meetings] = growU ? y : x;
							meetWeight[meetings++] = sx * otherSigma[y];
						}
						else if (meetings == 0) {
							if (distance[y] < 0) {
								distance[y] = level;
								sigma[y] = sx;
								visited[size++] = y;
								nextLinks += degree(y);
							}
							else if (distance[y] == level) {
								sigma[y] += sx;
							}
						}
					}
				}
				if (growU) {
					startU = end;
					endU = size;
					sizeU = size;
					frontierLinksU = nextLinks;
				}
				else {
					startV = end;
					endV = size;
					sizeV = size;
					frontierLinksV = nextLinks;
				}
				if (meetings > 0) {
					break;
				}
			}
			if (meetings > 0) {
				int chosen = pickMeeting(meetings, random);
				walkBack(meetX[chosen], u, distanceU, sigmaU, random);
				walkBack(meetY[chosen], v, distanceV, sigmaV, random);
			}
			for (int i = 0; i < sizeU; i++) {
				int x = visitedU[i];
				distanceU[x] = -1;
				sigmaU[x] = 0;
			}
			for (int i = 0; i < sizeV; i++) {
				int x = visitedV[i];
				distanceV[x] = -1;
				sigmaV[x] = 0;
			}
		}

		private int pickMeeting(int meetings, SplittableRandom random) {
			double total = 0;
			for (int i = 0; i < meetings; i++) {
				total += meetWeight[i];
			}
			double target = random.nextDouble() * total;
			double running = 0;
			for (int i = 0; i < meetings; i++) {
				running += meetWeight[i];
				if (target < running) {
					return i;
				}
			}
			return meetings - 1;
		}

		/** Walks from z back to the search's source, crediting z and every node before the source. */
		private void walkBack(int z, int source, int[] distance, double[] sigma, SplittableRandom random) {
			while (z != source) {
				credits[z]++;
				int previous = distance[z] - 1;
				double target = random.nextDouble() * sigma[z];
				double running = 0;
				int chosen = -1;
				for (int at = offsets[z]; at < offsets[z + 1]; at++) {
					int p = neighbours[at];
					if (distance[p] == previous) {
						chosen = p;
						running += sigma[p];
						if (target < running) {
							break;
						}
					}
				}
				z = chosen;
			}
		}

		private int degree(int v) {
			return offsets[v + 1] - offsets[v];
		}

		private void growMeetings() {
			meetX = Arrays.copyOf(meetX, meetX.length * 2);
			meetY = Arrays.copyOf(meetY, meetY.length * 2);
			meetWeight = Arrays.copyOf(meetWeight, meetWeight.length * 2);
		}
	}
}
