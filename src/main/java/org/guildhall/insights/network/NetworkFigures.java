package org.guildhall.insights.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@link NetworkAnalysis} found in a {@link LearningGraph}. Per-person arrays are indexed by
 * node index and shared, not copied (100,000 entries each): treat them as read-only.
 *
 * @param graph the graph the figures describe (for {@link #forPerson(int)})
 * @param organisation reach of the whole organisation ({@code department} is -1)
 * @param departments reach per department, at index = department (departments nobody belongs to
 *        have zero people)
 * @param unknownDepartment reach of the people whose department is not known (none, usually)
 * @param departmentLinks links between each pair of departments, symmetric; the diagonal holds the
 *        links inside each department. Links to people of unknown department are left out.
 * @param bridging betweenness centrality of every person and how it was computed
 * @param topBridges the people with the highest betweenness, highest first, at most
 *        {@link NetworkAnalysis.Options#topPeople()} and only people with a score above zero
 * @param clusters communities of people who learn mostly from each other
 * @param components connected components
 */
public record NetworkFigures(LearningGraph graph, Reach organisation, List<Reach> departments,
		Reach unknownDepartment, long[][] departmentLinks, Bridging bridging, List<Bridge> topBridges,
		Clusters clusters, Components components) {

	/**
	 * How connected a group of people is.
	 *
	 * @param department the department, or -1 for the whole organisation or the unknown department
	 * @param people people in the group
	 * @param connectedPeople people with at least one link
	 * @param isolatedPeople people without any link
	 * @param connectedShare connected people / people (0 for an empty group)
	 * @param links links with at least one end in the group (inside it plus crossing out of it)
	 * @param crossingLinks links whose two ends are in different known departments and one end in
	 *        the group; a link to someone of unknown department is counted in {@code links} only,
	 *        because nobody can say whether it crosses
	 * @param crossingShare crossing links / links (0 without links)
	 * @param bridgingSum sum of the members' normalised betweenness: how much of the organisation's
	 *        shortest learning paths run through this group's people
	 * @param bridgingMean bridgingSum / people (0 for an empty group)
	 */
	public record Reach(int department, int people, int connectedPeople, int isolatedPeople, double connectedShare,
			long links, long crossingLinks, double crossingShare, double bridgingSum, double bridgingMean) {

		static Reach of(int department, int people, int connectedPeople, long links, long crossingLinks,
				double bridgingSum) {
			return new Reach(department, people, connectedPeople, people - connectedPeople,
					people == 0 ? 0 : (double) connectedPeople / people, links, crossingLinks,
					links == 0 ? 0 : (double) crossingLinks / links, bridgingSum, people == 0 ? 0 : bridgingSum / people);
		}
	}

	/** How betweenness centrality was computed. */
	public enum Method {
		/** Brandes' algorithm over every source: exact up to floating point. */
		EXACT,
		/** Riondato–Kornaropoulos shortest-path sampling: every value within ±ε with probability ≥ 1−δ. */
		SAMPLED
	}

	/**
	 * Betweenness centrality of every person: the share of shortest paths between two other people
	 * that pass through them (undirected, unweighted, each pair's paths counted equally), normalised
	 * to [0, 1] by dividing by (n−1)(n−2)/2, the number of pairs that exclude the person.
	 *
	 * @param method exact or sampled
	 * @param epsilon for {@link Method#SAMPLED}, the additive error bound on every normalised value
	 *        (0 when exact)
	 * @param delta for {@link Method#SAMPLED}, the probability that some value misses the bound (0
	 *        when exact)
	 * @param sampleSize for {@link Method#SAMPLED}, the number of sampled shortest paths (0 when exact)
	 * @param vertexDiameterBound upper bound on the number of people on any shortest path, which sets
	 *        the sample size
	 * @param seed the seed of the sampling
	 * @param values normalised betweenness per node index
	 */
	public record Bridging(Method method, double epsilon, double delta, long sampleSize, int vertexDiameterBound,
			long seed, double[] values) {
	}

	/** A person who bridges the network, with their normalised betweenness. */
	public record Bridge(int node, long personId, int department, double betweenness) {
	}

	/**
	 * Communities found by Louvain modularity optimisation (weighted by interactions), split into
	 * connected pieces. Singletons, including every isolated person, are not clusters.
	 *
	 * @param count number of clusters with at least two people
	 * @param sizes their sizes, largest first; cluster {@code i} has {@code sizes[i]} people
	 * @param clusterOf cluster per node index (0 is the largest), -1 for people in no cluster
	 * @param modularity Newman's weighted modularity of the partition, in [-0.5, 1]: above about 0.3
	 *        the network has clear communities
	 */
	public record Clusters(int count, int[] sizes, int[] clusterOf, double modularity) {
	}

	/**
	 * Connected components: groups of people who can reach each other through links.
	 *
	 * @param count number of components, each isolated person counting as one
	 * @param withLinks number of components with at least one link
	 * @param largestSize people in the largest component
	 * @param componentOf component per node index, numbered in order of their lowest node index
	 */
	public record Components(int count, int withLinks, int largestSize, int[] componentOf) {
	}

	/**
	 * One person's place in the network ("my network").
	 *
	 * @param node node index
	 * @param personId person id
	 * @param department department or -1
	 * @param links number of people linked to
	 * @param interactions interactions over all links
	 * @param linksByKind number of links that include each kind, indexed by {@link LinkKind#ordinal()}
	 *        (a link of several kinds counts once for each)
	 * @param cluster cluster id or -1
	 * @param clusterSize people in the cluster (1 when in none)
	 * @param betweenness normalised betweenness
	 * @param sameDepartmentShare share of linked people in the person's own department (0 without
	 *        links or department)
	 * @param neighbourDepartments linked people per department, most first (department -1 gathers
	 *        those of unknown department)
	 */
	public record Person(int node, long personId, int department, int links, long interactions, int[] linksByKind,
			int cluster, int clusterSize, double betweenness, double sameDepartmentShare,
			List<NeighbourDepartment> neighbourDepartments) {

		/** Number of links that include the kind. */
		public int links(LinkKind kind) {
			return linksByKind[kind.ordinal()];
		}
	}

	/** How many of a person's links lead into a department, and their share of all the person's links. */
	public record NeighbourDepartment(int department, int people, double share) {
	}

	/** Reach of one department. */
	public Reach department(int department) {
		return departments.get(Objects.checkIndex(department, departments.size()));
	}

	/** Links between two departments (inside the department when they are the same). */
	public long linksBetween(int departmentA, int departmentB) {
		return departmentLinks[departmentA][departmentB];
	}

	/** One person's figures, by node index (see {@link LearningGraph#indexOf(long)}). */
	public Person forPerson(int node) {
		Objects.checkIndex(node, graph.personCount());
		int[] byKind = new int[LinkKind.count()];
		int[] byDepartment = new int[graph.departmentCount() + 1];
		long interactions = 0;
		int from = graph.offsets[node];
		int to = graph.offsets[node + 1];
		for (int at = from; at < to; at++) {
			interactions += graph.weights[at];
			int mask = graph.kinds[at];
			for (int k = 0; k < byKind.length; k++) {
				if ((mask & (1 << k)) != 0) {
					byKind[k]++;
				}
			}
			byDepartment[graph.departmentOf(graph.neighbours[at]) + 1]++;
		}
		int links = to - from;
		List<NeighbourDepartment> shares = new ArrayList<>();
		for (int d = 0; d < byDepartment.length; d++) {
			if (byDepartment[d] > 0) {
				shares.add(new NeighbourDepartment(d - 1, byDepartment[d], (double) byDepartment[d] / links));
			}
		}
		shares.sort(Comparator.comparingInt(NeighbourDepartment::people).reversed()
			.thenComparingInt(NeighbourDepartment::department));
		int department = graph.departmentOf(node);
		double sameShare = department < 0 || links == 0 ? 0 : (double) byDepartment[department + 1] / links;
		int cluster = clusters.clusterOf()[node];
		return new Person(node, graph.personId(node), department, links, interactions, byKind, cluster,
				cluster < 0 ? 1 : clusters.sizes()[cluster], bridging.values()[node], sameShare, List.copyOf(shares));
	}
}
