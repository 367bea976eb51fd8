package org.guildhall.insights.network;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Louvain community detection (Blondel, Guillaume, Lambiotte and Lefebvre 2008) on link weights,
 * then each community split into its connected pieces.
 *
 * <p>Louvain rather than label propagation: label propagation on networks with a few very connected
 * people tends to flood most of the graph with one label, and it optimises nothing one can report;
 * Louvain maximises modularity, which the figures report so a reader can judge the clusters.
 * Louvain can leave a community internally disconnected (Traag, Waltman and van Eck 2019); splitting
 * such a community into its pieces never lowers modularity (the pieces share no links, and the
 * squared-degree penalty of the whole is at least the pieces' sum), so every cluster reported is
 * connected. Deterministic: nodes are visited in an order shuffled from the seed, ties go to the
 * smallest community, and a node stays put unless a move strictly gains.
 */
final class Communities {

	/** A pass that improves modularity by less than this ends the level. */
	private static final double MIN_GAIN = 1e-7;

	private static final int MAX_PASSES = 50;

	private Communities() {
	}

	/** One level of the Louvain hierarchy: nodes are communities of the level below. */
	private record Level(int size, int[] offsets, int[] neighbours, double[] weights, double[] loops,
			double[] strength) {
	}

	static NetworkFigures.Clusters find(LearningGraph g, long seed) {
		int n = g.personCount();
		double[] weights = new double[g.weights.length];
		double[] strength = new double[n];
		for (int v = 0; v < n; v++) {
			for (int at = g.offsets[v]; at < g.offsets[v + 1]; at++) {
				weights[at] = g.weights[at];
				strength[v] += g.weights[at];
			}
		}
		int[] membership = new int[n];
		for (int v = 0; v < n; v++) {
			membership[v] = v;
		}
		SplittableRandom random = new SplittableRandom(seed);
		Level level = new Level(n, g.offsets, g.neighbours, weights, new double[n], strength);
		while (level.size() > 0) {
			int[] community = moveNodes(level, random);
			int communities = 0;
			for (int c : community) {
				communities = Math.max(communities, c + 1);
			}
			for (int v = 0; v < n; v++) {
				membership[v] = community[membership[v]];
			}
			if (communities == level.size()) {
				break;
			}
			level = aggregate(level, community, communities);
		}
		return figures(g, pieces(g, membership));
	}

	/**
	 * Moves nodes to the neighbouring community with the largest modularity gain until a pass gains
	 * less than {@link #MIN_GAIN}; returns communities numbered 0.. in order of their first node.
	 */
	private static int[] moveNodes(Level level, SplittableRandom random) {
		int size = level.size();
		int[] community = new int[size];
		double[] total = new double[size];
		double twiceWeight = 0;
		for (int i = 0; i < size; i++) {
			community[i] = i;
			total[i] = level.strength()[i];
			twiceWeight += level.strength()[i];
		}
		if (twiceWeight == 0) {
			return community;
		}
		int[] order = new int[size];
		for (int i = 0; i < size; i++) {
			order[i] = i;
		}
		for (int i = size - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		int[] offsets = level.offsets();
		int[] neighbours = level.neighbours();
		double[] weights = level.weights();
		double[] weightTo = new double[size];
		boolean[] seen = new boolean[size];
		int[] touched = new int[size];
		for (int pass = 0; pass < MAX_PASSES; pass++) {
			double gained = 0;
			for (int i : order) {
				int own = community[i];
				double strength = level.strength()[i];
				int found = 0;
				for (int at = offsets[i]; at < offsets[i + 1]; at++) {
					int c = community[neighbours[at]];
					if (!seen[c]) {
						seen[c] = true;
						weightTo[c] = 0;
						touched[found++] = c;
					}
					weightTo[c] += weights[at];
				}
				total[own] -= strength;
				// Gain of joining community c, up to a common factor: links into c minus what a random
				// graph with the same strengths would put there.
				double ownGain = (seen[own] ? weightTo[own] : 0) - total[own] * strength / twiceWeight;
				int best = own;
				double bestGain = ownGain;
				for (int t = 0; t < found; t++) {
					int c = touched[t];
					if (c != own) {
						double gain = weightTo[c] - total[c] * strength / twiceWeight;
						if (gain > bestGain || (gain == bestGain && best != own && c < best)) {
							best = c;
							bestGain = gain;
						}
					}
				}
				total[best] += strength;
				if (best != own) {
					community[i] = best;
					gained += 2 * (bestGain - ownGain) / twiceWeight;
				}
				for (int t = 0; t < found; t++) {
					seen[touched[t]] = false;
				}
			}
			if (gained < MIN_GAIN) {
				break;
			}
		}
		int[] renumbered = new int[size];
		Arrays.fill(renumbered, -1);
		int next = 0;
		for (int i = 0; i < size; i++) {
			int c = community[i];
			if (renumbered[c] < 0) {
				renumbered[c] = next++;
			}
			community[i] = renumbered[c];
		}
		return community;
	}

	/** The graph of communities: links between them summed, links inside them kept as loops. */
	private static Level aggregate(Level level, int[] community, int communities) {
		int size = level.size();
		int[] start = new int[communities + 1];
		for (int i = 0; i < size; i++) {
			start[community[i] + 1]++;
		}
		for (int c = 0; c < communities; c++) {
			start[c + 1] += start[c];
		}
		int[] members = new int[size];
		int[] fill = Arrays.copyOf(start, communities);
		for (int i = 0; i < size; i++) {
			members[fill[community[i]]++] = i;
		}
		int[] offsets = new int[communities + 1];
		int[] neighbours = new int[level.neighbours().length];
		double[] weights = new double[level.neighbours().length];
		double[] loops = new double[communities];
		double[] strength = new double[communities];
		double[] weightTo = new double[communities];
		int[] marker = new int[communities];
		Arrays.fill(marker, -1);
		int[] touched = new int[communities];
		int position = 0;
		for (int c = 0; c < communities; c++) {
			int found = 0;
			double inside = 0;
			for (int m = start[c]; m < start[c + 1]; m++) {
				int i = members[m];
				loops[c] += level.loops()[i];
				strength[c] += level.strength()[i];
				for (int at = level.offsets()[i]; at < level.offsets()[i + 1]; at++) {
					int d = community[level.neighbours()[at]];
					if (d == c) {
						inside += level.weights()[at];
					}
					else {
						if (marker[d] != c) {
							marker[d] = c;
							weightTo[d] = 0;
							touched[found++] = d;
						}
						weightTo[d] += level.weights()[at];
					}
				}
			}
			// Every link inside c was seen from both ends.
			loops[c] += inside / 2;
			for (int t = 0; t < found; t++) {
				neighbours[position] = touched[t];
				weights[position++] = weightTo[touched[t]];
			}
			offsets[c + 1] = position;
		}
		return new Level(communities, offsets, Arrays.copyOf(neighbours, position), Arrays.copyOf(weights, position),
				loops, strength);
	}

	/** Splits communities into connected pieces, numbered in order of their lowest node. */
	private static int[] pieces(LearningGraph g, int[] membership) {
		int n = g.personCount();
		int[] piece = new int[n];
		Arrays.fill(piece, -1);
		int[] queue = new int[n];
		int next = 0;
		for (int root = 0; root < n; root++) {
			if (piece[root] >= 0) {
				continue;
			}
			int id = next++;
			piece[root] = id;
			queue[0] = root;
			int head = 0;
			int tail = 1;
			while (head < tail) {
				int v = queue[head++];
				for (int at = g.offsets[v]; at < g.offsets[v + 1]; at++) {
					int w = g.neighbours[at];
					if (piece[w] < 0 && membership[w] == membership[root]) {
						piece[w] = id;
						queue[tail++] = w;
					}
				}
			}
		}
		return piece;
	}

	private static NetworkFigures.Clusters figures(LearningGraph g, int[] piece) {
		int n = g.personCount();
		int pieces = 0;
		for (int p : piece) {
			pieces = Math.max(pieces, p + 1);
		}
		int[] size = new int[pieces];
		double[] inside = new double[pieces];
		double[] total = new double[pieces];
		double weight = 0;
		for (int v = 0; v < n; v++) {
			size[piece[v]]++;
			for (int at = g.offsets[v]; at < g.offsets[v + 1]; at++) {
				int w = g.neighbours[at];
				total[piece[v]] += g.weights[at];
				if (w > v) {
					weight += g.weights[at];
					if (piece[w] == piece[v]) {
						inside[piece[v]] += g.weights[at];
					}
				}
			}
		}
		double modularity = 0;
		if (weight > 0) {
			for (int p = 0; p < pieces; p++) {
				double share = total[p] / (2 * weight);
				modularity += inside[p] / weight - share * share;
			}
		}
		// Clusters of two or more, largest first; equal sizes keep the order of their lowest node.
		int count = 0;
		for (int p = 0; p < pieces; p++) {
			if (size[p] > 1) {
				count++;
			}
		}
		long[] keyed = new long[count];
		int k = 0;
		for (int p = 0; p < pieces; p++) {
			if (size[p] > 1) {
				keyed[k++] = ((long) (Integer.MAX_VALUE - size[p]) << 32) | p;
			}
		}
		Arrays.sort(keyed);
		int[] clusterOfPiece = new int[pieces];
		Arrays.fill(clusterOfPiece, -1);
		int[] sizes = new int[count];
		for (int c = 0; c < count; c++) {
			int p = (int) keyed[c];
			clusterOfPiece[p] = c;
			sizes[c] = size[p];
		}
		int[] clusterOf = new int[n];
		for (int v = 0; v < n; v++) {
			clusterOf[v] = clusterOfPiece[piece[v]];
		}
		return new NetworkFigures.Clusters(count, sizes, clusterOf, modularity);
	}
}
