package org.guildhall.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated matching problem: mentees, mentors with capacities, hard rules (reporting lines,
 * forbidden and required pairs), optional rankings, and either explicitly scored pairs or profiles
 * for the scorer. Mentees and mentors are indexed in id order, which makes every tie-break "by id".
 * Ids are person ids: a person who is both mentee and mentor uses the same id in both lists.
 */
public final class MatchingProblem {

	/** Most mentees or mentors in one problem. */
	public static final int MAX_PEOPLE = 1_000_000;

	/** Most mentees one mentor may take. */
	public static final int MAX_CAPACITY = 10_000;

	/** Longest free text (goals, expertise, bio) in characters. */
	public static final int MAX_TEXT = 5_000;

	final String[] menteeIds;
	final String[] mentorIds;
	final int[] capacity;
	final PairGraph scoredPairs;
	final List<MenteeProfile> menteeProfiles;
	final List<MentorProfile> mentorProfiles;
	final CriterionWeights weights;
	final SeniorityRule seniorityRule;
	final float[][] menteeVectors;
	final float[][] mentorVectors;
	final ReportingLines reportingLines;
	final Set<Long> forbidden;
	final int[] requiredMentor;
	final int[][] menteeRanking;
	final int[][] mentorRanking;
	final int removedByHardRules;

	private MatchingProblem(Builder b, String[] menteeIds, String[] mentorIds, int[] capacity, PairGraph scoredPairs,
			ReportingLines lines, Set<Long> forbidden, int[] requiredMentor, int[][] menteeRanking,
			int[][] mentorRanking, int removed) {
		this.menteeIds = menteeIds;
		this.mentorIds = mentorIds;
		this.capacity = capacity;
		this.scoredPairs = scoredPairs;
		this.menteeProfiles = b.menteeProfiles == null ? null : sortedById(b.menteeProfiles, MenteeProfile::id);
		this.mentorProfiles = b.mentorProfiles == null ? null : sortedById(b.mentorProfiles, MentorProfile::id);
		this.weights = b.weights;
		this.seniorityRule = b.seniorityRule;
		this.menteeVectors = b.menteeVectors;
		this.mentorVectors = b.mentorVectors;
		this.reportingLines = lines;
		this.forbidden = forbidden;
		this.requiredMentor = requiredMentor;
		this.menteeRanking = menteeRanking;
		this.mentorRanking = mentorRanking;
		this.removedByHardRules = removed;
	}

	private static <T> List<T> sortedById(List<T> list, java.util.function.Function<T, String> id) {
		List<T> copy = new ArrayList<>(list);
		copy.sort(Comparator.comparing(id));
		return copy;
	}

	public static Builder builder() {
		return new Builder();
	}

	public int menteeCount() {
		return menteeIds.length;
	}

	public int mentorCount() {
		return mentorIds.length;
	}

	public String menteeId(int mentee) {
		return menteeIds[mentee];
	}

	public String mentorId(int mentor) {
		return mentorIds[mentor];
	}

	public int capacity(int mentor) {
		return capacity[mentor];
	}

	/** Index of a mentee id (id order), or -1. */
	int menteeIndexForTest(String id) {
		return java.util.Arrays.binarySearch(menteeIds, id);
	}

	/** Index of a mentor id (id order), or -1. */
	int mentorIndexForTest(String id) {
		return java.util.Arrays.binarySearch(mentorIds, id);
	}

	/** True when pairs are scored by Guildhall's scorer from profiles. */
	public boolean hasProfiles() {
		return menteeProfiles != null;
	}

	/** Which way the seniority criterion looks (profiles only). */
	public SeniorityRule seniorityRule() {
		return seniorityRule;
	}

	/** The mentor a mentee is required to get, or -1. */
	public int requiredMentor(int mentee) {
		return requiredMentor[mentee];
	}

	/** Pairs listed in the input that the hard rules removed (reporting line, forbidden, self). */
	public int removedByHardRules() {
		return removedByHardRules;
	}

	/** The hard rules other than "pair must be allowed": not the same person, no reporting line, not forbidden. */
	boolean breaksHardRule(int mentee, int mentor) {
		return forbidden.contains(pack(mentee, mentor))
				|| reportingLines.inSameLine(menteeIds[mentee], mentorIds[mentor]);
	}

	static long pack(int mentee, int mentor) {
		return ((long) mentee << 32) | mentor;
	}

	/**
	 * Collects and validates a problem. Every method throws {@link InvalidProblemException} naming
	 * the offending entry.
	 */
	public static final class Builder {

		private final List<String> mentees = new ArrayList<>();
		private final List<String> mentors = new ArrayList<>();
		private final List<Integer> capacities = new ArrayList<>();
		private final Map<String, Integer> menteeIndex = new HashMap<>();
		private final Map<String, Integer> mentorIndex = new HashMap<>();
		private final Map<String, String> managers = new HashMap<>();
		private PairGraph bulkPairs;
		private final List<int[]> forbiddenPairs = new ArrayList<>();
		private final List<int[]> requiredPairs = new ArrayList<>();
		private final Map<Integer, int[]> menteeRankings = new HashMap<>();
		private final Map<Integer, int[]> mentorRankings = new HashMap<>();
		private List<MenteeProfile> menteeProfiles;
		private List<MentorProfile> mentorProfiles;
		private CriterionWeights weights;
		private SeniorityRule seniorityRule = SeniorityRule.MENTOR_ABOVE;
		private float[][] menteeVectors;
		private float[][] mentorVectors;

		private Builder() {
		}

		/** Adds a mentee; returns its insertion index. */
		public int mentee(String id) {
			checkId(id, "mentee");
			if (menteeIndex.putIfAbsent(id, mentees.size()) != null) {
				throw new InvalidProblemException("mentees: id '" + id + "' is listed twice");
			}
			if (mentees.size() >= MAX_PEOPLE) {
				throw new InvalidProblemException("mentees: more than " + MAX_PEOPLE);
			}
			mentees.add(id);
			return mentees.size() - 1;
		}

		/** Adds a mentor with a capacity; returns its insertion index. */
		public int mentor(String id, int capacity) {
			checkId(id, "mentor");
			if (capacity < 0) {
				throw new InvalidProblemException("mentor '" + id + "': capacity " + capacity + " is negative");
			}
			if (capacity > MAX_CAPACITY) {
				throw new InvalidProblemException(
						"mentor '" + id + "': capacity " + capacity + " is above the limit " + MAX_CAPACITY);
			}
			if (mentorIndex.putIfAbsent(id, mentors.size()) != null) {
				throw new InvalidProblemException("mentors: id '" + id + "' is listed twice");
			}
			if (mentors.size() >= MAX_PEOPLE) {
				throw new InvalidProblemException("mentors: more than " + MAX_PEOPLE);
			}
			mentors.add(id);
			capacities.add(capacity);
			return mentors.size() - 1;
		}

		private static void checkId(String id, String what) {
			if (id == null || id.isBlank()) {
				throw new InvalidProblemException(what + ": an id is missing or blank");
			}
			if (id.length() > 200) {
				throw new InvalidProblemException(what + " '" + id.substring(0, 40) + "…': id longer than 200 characters");
			}
		}

		/** Records that {@code person} reports to {@code manager} (person ids, participants or not). */
		public Builder manager(String person, String manager) {
			if (manager == null || manager.isBlank()) {
				return this;
			}
			String earlier = managers.putIfAbsent(person, manager);
			if (earlier != null && !earlier.equals(manager)) {
				throw new InvalidProblemException("managers: '" + person + "' has two managers, '" + earlier
						+ "' and '" + manager + "'");
			}
			return this;
		}

		/** An allowed pair with its score (0–100). Pairs not listed are not allowed. */
		public Builder pair(String mentee, String mentor, double score) {
			int i = menteeOf(mentee, "pair " + mentee + "–" + mentor);
			int j = mentorOf(mentor, "pair " + mentee + "–" + mentor);
			return pair(i, j, score);
		}

		/** An allowed pair by insertion indices. */
		public Builder pair(int mentee, int mentor, double score) {
			if (!(score >= 0 && score <= 100)) {
				throw new InvalidProblemException("pair " + mentees.get(mentee) + "–" + mentors.get(mentor) + ": score "
						+ score + " is outside 0–100");
			}
			if (buffer == null) {
				buffer = new PairGraph.Builder(0, 0);
			}
			buffer.add(mentee, mentor, Scores.toUnits(score));
			return this;
		}

		private PairGraph.Builder buffer;

		/**
		 * All pairs at once, by insertion indices and in {@link Scores} units (used by benchmarks
		 * and tests; cannot be mixed with {@link #pair}).
		 */
		public Builder pairs(PairGraph graph) {
			this.bulkPairs = graph;
			return this;
		}

		/** Profiles to be scored with the given weights (instead of pairs). */
		public Builder profiles(List<MenteeProfile> menteeList, List<MentorProfile> mentorList, CriterionWeights w) {
			this.menteeProfiles = menteeList;
			this.mentorProfiles = mentorList;
			this.weights = w;
			for (MenteeProfile p : menteeList) {
				mentee(p.id());
				checkText(p.goals(), "mentee '" + p.id() + "': goals");
				manager(p.id(), p.manager());
				checkLevels(p.wants(), "mentee '" + p.id() + "': wants");
			}
			for (MentorProfile p : mentorList) {
				mentor(p.id(), p.capacity());
				checkText(p.expertise(), "mentor '" + p.id() + "': expertise");
				checkText(p.bio(), "mentor '" + p.id() + "': bio");
				manager(p.id(), p.manager());
				checkLevels(p.skills(), "mentor '" + p.id() + "': skills");
			}
			for (MenteeProfile p : menteeList) {
				for (String m : p.prefers()) {
					mentorOf(m, "mentee '" + p.id() + "': prefers");
				}
				TimeZones.offsetMinutes(p.timeZone(), "mentee", p.id());
			}
			for (MentorProfile p : mentorList) {
				for (String e : p.prefers()) {
					menteeOf(e, "mentor '" + p.id() + "': prefers");
				}
				TimeZones.offsetMinutes(p.timeZone(), "mentor", p.id());
			}
			return this;
		}

		/**
		 * Which way the seniority criterion looks: the mentor above the mentee (the default),
		 * below (reverse mentoring) or at the same level (peers).
		 */
		public Builder seniority(SeniorityRule rule) {
			if (rule == null) {
				throw new InvalidProblemException("seniorityRule: is missing");
			}
			this.seniorityRule = rule;
			return this;
		}

		/**
		 * Precomputed unit-length embedding vectors (goals per mentee; expertise and bio per mentor)
		 * in insertion order; without them the engine embeds the texts itself.
		 */
		public Builder vectors(float[][] mentees, float[][] mentors) {
			this.menteeVectors = mentees;
			this.mentorVectors = mentors;
			return this;
		}

		private static void checkText(String text, String where) {
			if (text != null && text.length() > MAX_TEXT) {
				throw new InvalidProblemException(where + ": longer than " + MAX_TEXT + " characters");
			}
		}

		private static void checkLevels(Map<String, Integer> levels, String where) {
			for (Map.Entry<String, Integer> entry : levels.entrySet()) {
				if (entry.getValue() == null || entry.getValue() < 1 || entry.getValue() > 5) {
					throw new InvalidProblemException(
							where + "." + entry.getKey() + ": level " + entry.getValue() + " is not from 1 to 5");
				}
			}
		}

		/** A pair that must never be made. */
		public Builder forbid(String mentee, String mentor) {
			String where = "forbidden pair " + mentee + "–" + mentor;
			forbiddenPairs.add(new int[] { menteeOf(mentee, where), mentorOf(mentor, where) });
			return this;
		}

		/** A pair that must be kept in every result. */
		public Builder require(String mentee, String mentor) {
			String where = "required pair " + mentee + "–" + mentor;
			requiredPairs.add(new int[] { menteeOf(mentee, where), mentorOf(mentor, where) });
			return this;
		}

		/** A mentee's ranking of mentors, most wanted first. */
		public Builder menteeRanking(String mentee, List<String> ranked) {
			String where = "menteeRankings." + mentee;
			int i = menteeOf(mentee, where);
			int[] order = new int[ranked.size()];
			Set<Integer> seen = new HashSet<>();
			for (int k = 0; k < order.length; k++) {
				order[k] = mentorOf(ranked.get(k), where);
				if (!seen.add(order[k])) {
					throw new InvalidProblemException(where + ": mentor '" + ranked.get(k) + "' is ranked twice");
				}
			}
			menteeRankings.put(i, order);
			return this;
		}

		/** A mentor's ranking of mentees, most wanted first. */
		public Builder mentorRanking(String mentor, List<String> ranked) {
			String where = "mentorRankings." + mentor;
			int j = mentorOf(mentor, where);
			int[] order = new int[ranked.size()];
			Set<Integer> seen = new HashSet<>();
			for (int k = 0; k < order.length; k++) {
				order[k] = menteeOf(ranked.get(k), where);
				if (!seen.add(order[k])) {
					throw new InvalidProblemException(where + ": mentee '" + ranked.get(k) + "' is ranked twice");
				}
			}
			mentorRankings.put(j, order);
			return this;
		}

		private int menteeOf(String id, String where) {
			Integer at = menteeIndex.get(id);
			if (at == null) {
				throw new InvalidProblemException(where + ": unknown mentee '" + id + "'");
			}
			return at;
		}

		private int mentorOf(String id, String where) {
			Integer at = mentorIndex.get(id);
			if (at == null) {
				throw new InvalidProblemException(where + ": unknown mentor '" + id + "'");
			}
			return at;
		}

		/** Validates the whole problem and indexes it in id order. */
		public MatchingProblem build() {
			int n = mentees.size();
			int m = mentors.size();
			if (menteeProfiles != null && (buffer != null || bulkPairs != null)) {
				throw new InvalidProblemException("problem: give either pairs or profiles, not both");
			}
			if (menteeVectors != null && (menteeVectors.length != n || mentorVectors.length != m)) {
				throw new InvalidProblemException("vectors: one per mentee and one per mentor are needed");
			}
			int[] menteeOrder = order(mentees);
			int[] mentorOrder = order(mentors);
			int[] menteeRank = inverse(menteeOrder);
			int[] mentorRank = inverse(mentorOrder);
			String[] menteeIds = new String[n];
			String[] mentorIds = new String[m];
			int[] capacity = new int[m];
			for (int k = 0; k < n; k++) {
				menteeIds[k] = mentees.get(menteeOrder[k]);
			}
			for (int k = 0; k < m; k++) {
				mentorIds[k] = mentors.get(mentorOrder[k]);
				capacity[k] = capacities.get(mentorOrder[k]);
			}
			ReportingLines lines = ReportingLines.of(managers);
			Set<Long> forbidden = new HashSet<>();
			for (int[] f : forbiddenPairs) {
				forbidden.add(pack(menteeRank[f[0]], mentorRank[f[1]]));
			}
			if (menteeVectors != null) {
				menteeVectors = permute(menteeVectors, menteeOrder);
				mentorVectors = permute(mentorVectors, mentorOrder);
			}
			PairGraph graph = null;
			int removed = 0;
			if (menteeProfiles == null) {
				PairGraph.Builder sorted = new PairGraph.Builder(n, m);
				if (bulkPairs != null) {
					for (int i = 0; i < bulkPairs.menteeCount(); i++) {
						for (int e = bulkPairs.start(i); e < bulkPairs.end(i); e++) {
							sorted.add(menteeRank[i], mentorRank[bulkPairs.mentor(e)], bulkPairs.weight(e));
						}
					}
				}
				if (buffer != null) {
					buffer.copyTo(sorted, menteeRank, mentorRank);
					buffer = null;
				}
				PairGraph all = sorted.build();
				if (all.edgeCount() != sorted.size()) {
					long duplicate = sorted.firstDuplicate();
					throw new InvalidProblemException("pair " + menteeIds[(int) (duplicate >>> 32)] + "–"
							+ mentorIds[(int) duplicate] + " is listed twice");
				}
				PairGraph.Builder kept = new PairGraph.Builder(n, m);
				for (int i = 0; i < n; i++) {
					for (int e = all.start(i); e < all.end(i); e++) {
						int j = all.mentor(e);
						if (forbidden.contains(pack(i, j)) || lines.inSameLine(menteeIds[i], mentorIds[j])) {
							removed++;
						}
						else {
							kept.add(i, j, all.weight(e));
						}
					}
				}
				graph = kept.build();
			}
			int[] required = new int[n];
			Arrays.fill(required, -1);
			int[] requiredLoad = new int[m];
			for (int[] r : requiredPairs) {
				int i = menteeRank[r[0]];
				int j = mentorRank[r[1]];
				String where = "required pair " + menteeIds[i] + "–" + mentorIds[j];
				if (required[i] >= 0 && required[i] != j) {
					throw new InvalidProblemException(where + ": mentee '" + menteeIds[i]
							+ "' is already required with mentor '" + mentorIds[required[i]] + "'");
				}
				if (required[i] == j) {
					continue;
				}
				if (forbidden.contains(pack(i, j))) {
					throw new InvalidProblemException(where + ": the pair is also forbidden");
				}
				if (lines.inSameLine(menteeIds[i], mentorIds[j])) {
					throw new InvalidProblemException(where + ": mentee and mentor share a reporting line");
				}
				if (graph != null && graph.find(i, j) < 0) {
					throw new InvalidProblemException(where + ": the pair is not among the listed pairs");
				}
				if (++requiredLoad[j] > capacity[j]) {
					throw new InvalidProblemException(
							where + ": mentor '" + mentorIds[j] + "' has more required mentees than capacity " + capacity[j]);
				}
				required[i] = j;
			}
			int[][] menteeRanking = new int[n][];
			for (Map.Entry<Integer, int[]> entry : menteeRankings.entrySet()) {
				menteeRanking[menteeRank[entry.getKey()]] = remap(entry.getValue(), mentorRank);
			}
			int[][] mentorRanking = new int[m][];
			for (Map.Entry<Integer, int[]> entry : mentorRankings.entrySet()) {
				mentorRanking[mentorRank[entry.getKey()]] = remap(entry.getValue(), menteeRank);
			}
			return new MatchingProblem(this, menteeIds, mentorIds, capacity, graph, lines, forbidden, required,
					menteeRankings.isEmpty() ? null : menteeRanking, mentorRankings.isEmpty() ? null : mentorRanking,
					removed);
		}

		private static float[][] permute(float[][] vectors, int[] order) {
			float[][] out = new float[order.length][];
			for (int k = 0; k < order.length; k++) {
				out[k] = vectors[order[k]];
			}
			return out;
		}

		private static int[] remap(int[] values, int[] rank) {
			int[] out = new int[values.length];
			for (int k = 0; k < values.length; k++) {
				out[k] = rank[values[k]];
			}
			return out;
		}

		private static int[] order(List<String> ids) {
			Integer[] order = new Integer[ids.size()];
			for (int k = 0; k < order.length; k++) {
				order[k] = k;
			}
			Arrays.sort(order, Comparator.comparing(ids::get));
			int[] out = new int[order.length];
			for (int k = 0; k < out.length; k++) {
				out[k] = order[k];
			}
			return out;
		}

		private static int[] inverse(int[] order) {
			int[] inverse = new int[order.length];
			for (int k = 0; k < order.length; k++) {
				inverse[order[k]] = k;
			}
			return inverse;
		}
	}
}
