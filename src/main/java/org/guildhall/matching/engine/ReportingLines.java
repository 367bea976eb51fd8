package org.guildhall.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manager tree. Two people share a reporting line when one is the other, or one is an
 * ancestor (manager, manager's manager, ...) of the other. Answers in constant time from the
 * entry and exit order of a depth-first walk.
 */
public final class ReportingLines {

	private static final ReportingLines NONE = new ReportingLines(Map.of(), new int[0], new int[0]);

	private final Map<String, Integer> index;
	private final int[] enter;
	private final int[] exit;

	private ReportingLines(Map<String, Integer> index, int[] enter, int[] exit) {
		this.index = index;
		this.enter = enter;
		this.exit = exit;
	}

	/** No manager relations at all. */
	public static ReportingLines none() {
		return NONE;
	}

	/**
	 * Builds the tree from person → manager entries.
	 *
	 * @throws InvalidProblemException when the managers form a cycle (names a person on it)
	 */
	public static ReportingLines of(Map<String, String> managerOf) {
		if (managerOf.isEmpty()) {
			return NONE;
		}
		Map<String, Integer> index = new HashMap<>();
		List<String> names = new ArrayList<>();
		for (Map.Entry<String, String> entry : new TreeMap<>(managerOf).entrySet()) {
			for (String person : new String[] { entry.getKey(), entry.getValue() }) {
				if (!index.containsKey(person)) {
					index.put(person, names.size());
					names.add(person);
				}
			}
		}
		int size = names.size();
		int[] parent = new int[size];
		java.util.Arrays.fill(parent, -1);
		for (Map.Entry<String, String> entry : managerOf.entrySet()) {
			if (entry.getKey().equals(entry.getValue())) {
				throw new InvalidProblemException("managers: '" + entry.getKey() + "' is their own manager");
			}
			parent[index.get(entry.getKey())] = index.get(entry.getValue());
		}
		int[] childCount = new int[size];
		for (int p : parent) {
			if (p >= 0) {
				childCount[p]++;
			}
		}
		int[][] children = new int[size][];
		for (int k = 0; k < size; k++) {
			children[k] = new int[childCount[k]];
		}
		int[] fill = new int[size];
		for (int k = 0; k < size; k++) {
			if (parent[k] >= 0) {
				children[parent[k]][fill[parent[k]]++] = k;
			}
		}
		int[] enter = new int[size];
		int[] exit = new int[size];
		boolean[] seen = new boolean[size];
		int clock = 0;
		int[] stack = new int[size];
		int[] next = new int[size];
		for (int root = 0; root < size; root++) {
			if (parent[root] != -1) {
				continue;
			}
			int top = 0;
			stack[0] = root;
			next[0] = 0;
			seen[root] = true;
			enter[root] = clock++;
			while (top >= 0) {
				int node = stack[top];
				if (next[top] < children[node].length) {
					int child = children[node][next[top]++];
					seen[child] = true;
					enter[child] = clock++;
					top++;
					stack[top] = child;
					next[top] = 0;
				}
				else {
					exit[node] = clock++;
					top--;
				}
			}
		}
		for (int k = 0; k < size; k++) {
			if (!seen[k]) {
				throw new InvalidProblemException(
						"managers: '" + names.get(k) + "' has a cycle of managers above them (nobody at the top)");
			}
		}
		return new ReportingLines(index, enter, exit);
	}

	/** True when the two people are the same or one manages the other, directly or not. */
	public boolean inSameLine(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		Integer x = index.get(a);
		Integer y = index.get(b);
		if (x == null || y == null) {
			return false;
		}
		return encloses(x, y) || encloses(y, x);
	}

	private boolean encloses(int outer, int inner) {
		return enter[outer] <= enter[inner] && exit[inner] <= exit[outer];
	}

	/**
	 * The walk interval of a person packed as {@code enter << 32 | exit}, or -1 for someone
	 * outside the tree. Two people share a line when one interval encloses the other.
	 */
	public long interval(String person) {
		Integer at = index.get(person);
		return at == null ? -1L : ((long) enter[at] << 32) | exit[at];
	}

	/** The interval test on packed values from {@link #interval(String)}. */
	public static boolean intervalsShareLine(long a, long b) {
		if (a < 0 || b < 0) {
			return false;
		}
		int aIn = (int) (a >>> 32);
		int aOut = (int) a;
		int bIn = (int) (b >>> 32);
		int bOut = (int) b;
		return (aIn <= bIn && bOut <= aOut) || (bIn <= aIn && aOut <= bOut);
	}
}
