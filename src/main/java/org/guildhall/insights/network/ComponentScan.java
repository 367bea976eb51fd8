package org.guildhall.insights.network;

import java.util.Arrays;

/**
 * Labels connected components by breadth-first search and, from the same searches, bounds the
 * vertex diameter that sizes the betweenness sample.
 */
final class ComponentScan {

	final int[] componentOf;
	final int[] sizes;
	final int withLinks;
	final int largestSize;
	/**
	 * An upper bound on the number of nodes on any shortest path. From a component's root r, any two
	 * nodes a, b satisfy d(a, b) ≤ d(a, r) + d(r, b) ≤ d1 + d2, the two largest distances from r
	 * (triangle inequality); a path of d1 + d2 links has d1 + d2 + 1 nodes, and never more than the
	 * component has. This is the bound Riondato and Kornaropoulos use for undirected graphs.
	 */
	final int vertexDiameterBound;

	private ComponentScan(int[] componentOf, int[] sizes, int withLinks, int largestSize, int vertexDiameterBound) {
		this.componentOf = componentOf;
		this.sizes = sizes;
		this.withLinks = withLinks;
		this.largestSize = largestSize;
		this.vertexDiameterBound = vertexDiameterBound;
	}

	static ComponentScan of(LearningGraph g) {
		int n = g.personCount();
		int[] offsets = g.offsets;
		int[] neighbours = g.neighbours;
		int[] componentOf = new int[n];
		Arrays.fill(componentOf, -1);
		int[] distance = new int[n];
		int[] queue = new int[n];
		int[] sizes = new int[Math.max(1, n)];
		int count = 0;
		int withLinks = 0;
		int largest = 0;
		int vertexDiameter = Math.min(n, 1);
		for (int root = 0; root < n; root++) {
			if (componentOf[root] >= 0) {
				continue;
			}
			int component = count++;
			componentOf[root] = component;
			distance[root] = 0;
			queue[0] = root;
			int head = 0;
			int tail = 1;
			int first = 0;
			int second = 0;
			while (head < tail) {
				int v = queue[head++];
				int dv = distance[v];
				if (v != root) {
					if (dv >= first) {
						second = first;
						first = dv;
					}
					else if (dv > second) {
						second = dv;
					}
				}
				for (int at = offsets[v]; at < offsets[v + 1]; at++) {
					int w = neighbours[at];
					if (componentOf[w] < 0) {
						componentOf[w] = component;
						distance[w] = dv + 1;
						queue[tail++] = w;
					}
				}
			}
			sizes[component] = tail;
			if (tail > 1) {
				withLinks++;
			}
			largest = Math.max(largest, tail);
			vertexDiameter = Math.max(vertexDiameter, Math.min(tail, first + second + 1));
		}
		return new ComponentScan(componentOf, Arrays.copyOf(sizes, count), withLinks, largest, vertexDiameter);
	}

	NetworkFigures.Components figures() {
		return new NetworkFigures.Components(sizes.length, withLinks, largestSize, componentOf);
	}
}
