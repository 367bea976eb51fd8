package org.guildhall.insights.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * Who learns from whom: people (nodes, numbered 0 .. {@link #personCount()}-1 in the order they
 * were added) and undirected links between them. A link merges every interaction between the same
 * two people: its weight counts them and its kinds are a bitmask of {@link LinkKind#bit()}.
 *
 * <p>Stored as compressed sparse rows (an offsets array and one neighbours array with parallel
 * weights and kinds, each link once from either end) rather than as an object graph: 100,000
 * people with 1,000,000 links take 25 MB this way (measured), where JGraphT would hold an edge
 * object plus map and set entries at both ends per link, roughly ten times as much. Immutable and
 * safe to share between threads.
 */
public final class LearningGraph {

	/**
	 * Most people a graph holds: node indexes share a 64-bit sort key with a second index and a
	 * kind while the builder merges links.
	 */
	public static final int MAX_PEOPLE = 1 << 28;

	/** Department indexes run from 0 to this minus one (the department link matrix is square in it). */
	public static final int MAX_DEPARTMENTS = 1_000;

	/** Department of people whose department is not known. */
	public static final int UNKNOWN_DEPARTMENT = -1;

	private final long[] personIds;
	private final int[] departments;
	private final PersonIndex index;
	private final int departmentCount;
	final int[] offsets;
	final int[] neighbours;
	final int[] weights;
	final byte[] kinds;

	private LearningGraph(long[] personIds, int[] departments, PersonIndex index, int departmentCount, int[] offsets,
			int[] neighbours, int[] weights, byte[] kinds) {
		this.personIds = personIds;
		this.departments = departments;
		this.index = index;
		this.departmentCount = departmentCount;
		this.offsets = offsets;
		this.neighbours = neighbours;
		this.weights = weights;
		this.kinds = kinds;
	}

	/** A builder for a graph of about the given size (the sizes only save regrowing arrays). */
	public static Builder builder(int expectedPeople, int expectedInteractions) {
		return new Builder(expectedPeople, expectedInteractions);
	}

	/** A builder for a graph of any size. */
	public static Builder builder() {
		return new Builder(1_024, 4_096);
	}

	/** Number of people (nodes). */
	public int personCount() {
		return personIds.length;
	}

	/** Number of links after merging the interactions between the same two people. */
	public long linkCount() {
		return neighbours.length / 2;
	}

	/** Departments are numbered 0 .. this minus one: one more than the highest department added. */
	public int departmentCount() {
		return departmentCount;
	}

	/** The node index of a person, or -1 when the person was not added. */
	public int indexOf(long personId) {
		return index.get(personId);
	}

	/** The person id of a node. */
	public long personId(int node) {
		return personIds[Objects.checkIndex(node, personIds.length)];
	}

	/** The department of a node, or {@link #UNKNOWN_DEPARTMENT}. */
	public int department(int node) {
		return departments[Objects.checkIndex(node, departments.length)];
	}

	/** Number of people the node is linked to. */
	public int degree(int node) {
		Objects.checkIndex(node, personIds.length);
		return offsets[node + 1] - offsets[node];
	}

	/** The nodes this node is linked to, in ascending order (a copy). */
	public int[] neighbours(int node) {
		Objects.checkIndex(node, personIds.length);
		return Arrays.copyOfRange(neighbours, offsets[node], offsets[node + 1]);
	}

	/** Number of interactions between two nodes (0 when they are not linked). */
	public int linkWeight(int a, int b) {
		int at = position(a, b);
		return at < 0 ? 0 : weights[at];
	}

	/** The kinds of the link between two nodes as a {@link LinkKind} bitmask (0 when not linked). */
	public int linkKinds(int a, int b) {
		int at = position(a, b);
		return at < 0 ? 0 : kinds[at];
	}

	/** Calls the visitor once for every link, with {@code a < b}, in ascending order of (a, b). */
	public void forEachLink(LinkVisitor visitor) {
		for (int a = 0; a < personIds.length; a++) {
			for (int at = offsets[a]; at < offsets[a + 1]; at++) {
				int b = neighbours[at];
				if (b > a) {
					visitor.link(a, b, weights[at], kinds[at]);
				}
			}
		}
	}

	/** Receives the links of a graph. */
	@FunctionalInterface
	public interface LinkVisitor {

		/**
		 * @param a the lower node index
		 * @param b the higher node index
		 * @param weight number of interactions merged into the link
		 * @param kinds {@link LinkKind} bitmask
		 */
		void link(int a, int b, int weight, int kinds);
	}

	int departmentOf(int node) {
		return departments[node];
	}

	private int position(int a, int b) {
		Objects.checkIndex(a, personIds.length);
		Objects.checkIndex(b, personIds.length);
		int at = Arrays.binarySearch(neighbours, offsets[a], offsets[a + 1], b);
		return at < 0 ? -1 : at;
	}

	/**
	 * Collects people and interactions and merges them into a graph. Costs 8 bytes per interaction
	 * until {@link #build()}; one builder builds one graph and is not thread-safe.
	 */
	public static final class Builder {

		private long[] personIds;
		private int[] departments;
		private final PersonIndex index;
		private int people;
		private int highestDepartment = -1;
		/** One entry per interaction: (low node << 32 | high node) << 3 | kind ordinal. */
		private long[] interactions;
		private int interactionCount;
		private boolean built;

		private Builder(int expectedPeople, int expectedInteractions) {
			int peopleCapacity = Math.max(16, Math.min(expectedPeople, MAX_PEOPLE));
			personIds = new long[peopleCapacity];
			departments = new int[peopleCapacity];
			index = new PersonIndex(peopleCapacity);
			interactions = new long[Math.max(16, expectedInteractions)];
		}

		/**
		 * Adds a person.
		 *
		 * @param department index from 0 to {@link #MAX_DEPARTMENTS}-1, or {@link #UNKNOWN_DEPARTMENT}
		 * @return the person's node index in the built graph
		 * @throws IllegalArgumentException when the person was already added or the department is
		 *         out of range
		 * @throws IllegalStateException when the graph is full or already built
		 */
		public int addPerson(long personId, int department) {
			checkOpen();
			if (department < UNKNOWN_DEPARTMENT || department >= MAX_DEPARTMENTS) {
				throw new IllegalArgumentException("department of person " + personId + " must be -1 (unknown) or 0.."
						+ (MAX_DEPARTMENTS - 1) + " but was " + department);
			}
			if (people == MAX_PEOPLE) {
				throw new IllegalStateException("a learning graph holds at most " + MAX_PEOPLE + " people");
			}
			if (!index.putNew(personId, people)) {
				throw new IllegalArgumentException("person " + personId + " was added twice");
			}
			if (people == personIds.length) {
				int capacity = (int) Math.min(MAX_PEOPLE, personIds.length * 2L);
				personIds = Arrays.copyOf(personIds, capacity);
				departments = Arrays.copyOf(departments, capacity);
			}
			personIds[people] = personId;
			departments[people] = department;
			highestDepartment = Math.max(highestDepartment, department);
			return people++;
		}

		/**
		 * Records one interaction between two people. Interactions between the same two people merge
		 * into one link (weight + 1, kinds | kind), whichever of them comes first.
		 *
		 * @return false when the interaction was ignored: a self link, or a person who was not added
		 *         (for example someone who left; the read model need not filter them first)
		 */
		public boolean addLink(long a, long b, LinkKind kind) {
			checkOpen();
			Objects.requireNonNull(kind, "kind");
			int u = index.get(a);
			int v = index.get(b);
			if (u < 0 || v < 0 || u == v) {
				return false;
			}
			if (interactionCount == interactions.length) {
				if (interactions.length >= Integer.MAX_VALUE - 8) {
					throw new IllegalStateException("too many interactions for one learning graph");
				}
				interactions = Arrays.copyOf(interactions, (int) Math.min(Integer.MAX_VALUE - 8L, interactions.length * 2L));
			}
			long low = Math.min(u, v);
			long high = Math.max(u, v);
			interactions[interactionCount++] = ((low << 32) | high) << 3 | kind.ordinal();
			return true;
		}

		/** Merges the interactions into links and returns the graph; the builder cannot be used after. */
		public LearningGraph build() {
			checkOpen();
			built = true;
			long[] keys = interactions;
			interactions = null;
			int count = interactionCount;
			// Sorting the packed keys groups each pair's interactions and orders pairs by (low, high),
			// which later yields every neighbour list already sorted.
			Arrays.parallelSort(keys, 0, count);
			int links = 0;
			for (int i = 0; i < count; i++) {
				if (i == 0 || (keys[i] >>> 3) != (keys[i - 1] >>> 3)) {
					links++;
				}
			}
			if (links > (Integer.MAX_VALUE - 8) / 2) {
				throw new IllegalStateException("too many links for one learning graph: " + links);
			}
			int n = people;
			int[] offsets = new int[n + 1];
			for (int i = 0; i < count; i++) {
				if (i == 0 || (keys[i] >>> 3) != (keys[i - 1] >>> 3)) {
					offsets[low(keys[i]) + 1]++;
					offsets[high(keys[i]) + 1]++;
				}
			}
			for (int v = 0; v < n; v++) {
				offsets[v + 1] += offsets[v];
			}
			int[] fill = Arrays.copyOf(offsets, n);
			int[] neighbours = new int[2 * links];
			int[] weights = new int[2 * links];
			byte[] kinds = new byte[2 * links];
			int i = 0;
			while (i < count) {
				long pair = keys[i] >>> 3;
				int weight = 0;
				int mask = 0;
				while (i < count && (keys[i] >>> 3) == pair) {
					weight++;
					mask |= 1 << (int) (keys[i] & 7);
					i++;
				}
				int u = low(keys[i - 1]);
				int v = high(keys[i - 1]);
				// Pairs arrive sorted by (low, high): v's list receives its lower neighbours in
				// ascending order before any pair (v, w > v), so each list ends up sorted.
				neighbours[fill[u]] = v;
				weights[fill[u]] = weight;
				kinds[fill[u]++] = (byte) mask;
				neighbours[fill[v]] = u;
				weights[fill[v]] = weight;
				kinds[fill[v]++] = (byte) mask;
			}
			return new LearningGraph(Arrays.copyOf(personIds, n), Arrays.copyOf(departments, n), index,
					highestDepartment + 1, offsets, neighbours, weights, kinds);
		}

		private void checkOpen() {
			if (built) {
				throw new IllegalStateException("this builder has already built its graph");
			}
		}

		private static int low(long key) {
			return (int) (key >>> 35);
		}

		private static int high(long key) {
			return (int) ((key >>> 3) & 0xFFFF_FFFFL);
		}
	}
}
