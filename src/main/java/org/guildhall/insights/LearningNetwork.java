package org.guildhall.insights;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who learns from whom: mentoring pairs, accepted answers, kudos, circle membership (member and
 * host) and ask-an-expert sessions, as one network of the organisation's active people. Shares of
 * people connected, isolated people, links crossing departments, the people and departments that
 * bridge the most (betweenness centrality, exact or sampled with a stated error bound) and
 * clusters. Departments of fewer than five people show no figures.
 *
 * @param computedAt when the counts (reach, links between departments, components) were made
 * @param structureComputedAt when bridging and clusters were computed, which is less often: people
 *        who joined the network since have no bridging or cluster yet
 */
public record LearningNetwork(Reach organisation, List<Reach> departments, List<Bridge> bridges,
		List<DepartmentBridge> bridgingDepartments, List<DepartmentLink> departmentLinks, Clusters clusters,
		Method method, Instant computedAt, @Nullable Instant structureComputedAt) {

	/**
	 * @param group "Organisation" or a department's name
	 * @param links links with an end in the group; {@code crossing} of them lead to another department
	 */
	public record Reach(String group, Count people, Count connected, Rate connectedShare, Count isolated, Count links,
			Count crossing, Rate crossingShare) {
	}

	/** A person through whom many shortest learning paths run. */
	public record Bridge(long personId, String name, @Nullable String department, double betweenness, int links) {
	}

	/** A department's share of the organisation's bridging: the sum and mean of its people's betweenness. */
	public record DepartmentBridge(String department, Count people, double sum, double mean) {
	}

	/** Links between two departments (a before b by name). */
	public record DepartmentLink(String a, String b, long links) {
	}

	/** Communities found in the network, largest first; modularity above about 0.3 means clear communities. */
	public record Clusters(int count, List<Integer> largestSizes, double modularity, int components, int largestComponent) {
	}

	/** How betweenness was computed: exactly, or sampled so that every value is within ±epsilon with probability 1 − delta. */
	public record Method(String method, double epsilon, double delta, long samples) {

		public String describe() {
			return method.equals("EXACT") ? "computed exactly (Brandes)"
					: String.format("estimated from %,d sampled shortest paths: every value within ±%.3f with probability %.0f%%",
							samples, epsilon, (1 - delta) * 100);
		}
	}
}
