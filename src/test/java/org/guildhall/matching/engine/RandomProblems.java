package org.guildhall.matching.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Seeded random problems for property tests; each keeps its raw data for independent checks. */
final class RandomProblems {

	/** A scored-pairs instance and the raw facts an independent checker needs. */
	record Scored(MatchingProblem problem, List<String> mentees, List<String> mentors, Map<String, Integer> capacity,
			Map<String, Double> scores, Map<String, String> managerOf, Set<String> forbidden,
			Map<String, String> required) {
	}

	private RandomProblems() {
	}

	static String key(String mentee, String mentor) {
		return mentee + "|" + mentor;
	}

	/**
	 * A random scored problem with reporting lines (mentees and mentors in one org tree),
	 * forbidden and required pairs and, sometimes, rankings. Entities are added in shuffled order
	 * when {@code shuffle} is true, to test that order does not matter.
	 */
	static Scored scored(long seed, boolean shuffle) {
		Random random = new Random(seed);
		int n = 1 + random.nextInt(30);
		int m = 1 + random.nextInt(10);
		double density = 0.2 + random.nextDouble() * 0.8;
		List<String> mentees = new ArrayList<>();
		List<String> mentors = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			mentees.add("e" + i);
		}
		for (int j = 0; j < m; j++) {
			mentors.add("m" + j);
		}
		Map<String, Integer> capacity = new HashMap<>();
		for (String mentor : mentors) {
			capacity.put(mentor, random.nextInt(5));
		}
		// One organisation: people p0..; mentees and mentors are some of them, plus managers.
		List<String> people = new ArrayList<>();
		people.addAll(mentees);
		people.addAll(mentors);
		Collections.shuffle(people, random);
		Map<String, String> managerOf = new HashMap<>();
		for (int k = 1; k < people.size(); k++) {
			if (random.nextDouble() < 0.7) {
				managerOf.put(people.get(k), people.get(random.nextInt(k)));
			}
		}
		Map<String, Double> scores = new HashMap<>();
		boolean coarse = random.nextBoolean();
		for (String e : mentees) {
			for (String mentor : mentors) {
				if (random.nextDouble() < density) {
					double score = coarse ? random.nextInt(11) * 10 : Math.round(random.nextDouble() * 10000) / 100.0;
					scores.put(key(e, mentor), score);
				}
			}
		}
		Set<String> forbidden = new HashSet<>();
		List<String> listed = new ArrayList<>(scores.keySet());
		Collections.sort(listed);
		for (String pair : listed) {
			if (random.nextDouble() < 0.05) {
				forbidden.add(pair);
			}
		}
		Map<String, String> required = new HashMap<>();
		Map<String, Integer> requiredLoad = new HashMap<>();
		for (String pair : listed) {
			String[] ids = pair.split("\\|");
			if (random.nextDouble() < 0.03 && !forbidden.contains(pair) && !required.containsKey(ids[0])
					&& !inLine(managerOf, ids[0], ids[1])
					&& requiredLoad.getOrDefault(ids[1], 0) < capacity.get(ids[1])) {
				required.put(ids[0], ids[1]);
				requiredLoad.merge(ids[1], 1, Integer::sum);
			}
		}
		MatchingProblem.Builder builder = MatchingProblem.builder();
		List<String> menteeOrder = new ArrayList<>(mentees);
		List<String> mentorOrder = new ArrayList<>(mentors);
		List<String> pairOrder = new ArrayList<>(listed);
		if (shuffle) {
			Random shuffler = new Random(seed * 31 + 7);
			Collections.shuffle(menteeOrder, shuffler);
			Collections.shuffle(mentorOrder, shuffler);
			Collections.shuffle(pairOrder, shuffler);
		}
		for (String e : menteeOrder) {
			builder.mentee(e);
		}
		for (String mentor : mentorOrder) {
			builder.mentor(mentor, capacity.get(mentor));
		}
		for (String pair : pairOrder) {
			String[] ids = pair.split("\\|");
			builder.pair(ids[0], ids[1], scores.get(pair));
		}
		List<String> managed = new ArrayList<>(managerOf.keySet());
		Collections.sort(managed);
		for (String person : managed) {
			builder.manager(person, managerOf.get(person));
		}
		List<String> forbiddenSorted = new ArrayList<>(forbidden);
		Collections.sort(forbiddenSorted);
		for (String pair : forbiddenSorted) {
			String[] ids = pair.split("\\|");
			builder.forbid(ids[0], ids[1]);
		}
		List<String> requiredSorted = new ArrayList<>(required.keySet());
		Collections.sort(requiredSorted);
		for (String e : requiredSorted) {
			builder.require(e, required.get(e));
		}
		if (random.nextInt(3) == 0) {
			Random rankings = new Random(seed + 99);
			for (String e : mentees) {
				if (rankings.nextBoolean()) {
					List<String> ranked = new ArrayList<>(mentors);
					Collections.shuffle(ranked, rankings);
					builder.menteeRanking(e, ranked.subList(0, rankings.nextInt(ranked.size() + 1)));
				}
			}
			for (String mentor : mentors) {
				if (rankings.nextBoolean()) {
					List<String> ranked = new ArrayList<>(mentees);
					Collections.shuffle(ranked, rankings);
					builder.mentorRanking(mentor, ranked.subList(0, rankings.nextInt(ranked.size() + 1)));
				}
			}
		}
		return new Scored(builder.build(), mentees, mentors, capacity, scores, managerOf, forbidden, required);
	}

	/** True when one is the other or an ancestor of the other, by walking the manager map. */
	static boolean inLine(Map<String, String> managerOf, String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		for (String up = managerOf.get(a); up != null; up = managerOf.get(up)) {
			if (up.equals(b)) {
				return true;
			}
		}
		for (String up = managerOf.get(b); up != null; up = managerOf.get(up)) {
			if (up.equals(a)) {
				return true;
			}
		}
		return false;
	}

	/** A random profile problem with random unit vectors around a few topics (no model needed). */
	static MatchingProblem profiles(long seed, int n, int m, CriterionWeights weights) {
		return profiles(seed, n, m, weights, SeniorityRule.MENTOR_ABOVE);
	}

	static MatchingProblem profiles(long seed, int n, int m, CriterionWeights weights, SeniorityRule seniority) {
		Random random = new Random(seed);
		int dim = 32;
		int topics = 6;
		float[][] centres = new float[topics][];
		for (int t = 0; t < topics; t++) {
			centres[t] = unit(random, dim, null, 0);
		}
		String[] skills = { "java", "sql", "kotlin", "leadership", "design", "finance", "speaking", "testing" };
		String[] departments = { "IT", "Finance", "Sales", "HR" };
		String[] zones = { "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC+10:00" };
		String[] languages = { "en", "de", "fr", "es" };
		List<MenteeProfile> mentees = new ArrayList<>();
		List<MentorProfile> mentors = new ArrayList<>();
		float[][] menteeVectors = new float[n][];
		float[][] mentorVectors = new float[m][];
		for (int i = 0; i < n; i++) {
			Map<String, Integer> wants = new HashMap<>();
			for (int k = 0; k < 1 + random.nextInt(3); k++) {
				wants.put(skills[random.nextInt(skills.length)], 1 + random.nextInt(5));
			}
			mentees.add(new MenteeProfile("e" + i, "", wants, 1 + random.nextInt(4),
					departments[random.nextInt(departments.length)],
					new java.util.TreeSet<>(List.of(languages[random.nextInt(2)], languages[random.nextInt(languages.length)])),
					zones[random.nextInt(zones.length)], random.nextInt(4) == 0 ? "m" + random.nextInt(m) : null,
					random.nextInt(10) == 0 ? List.of("m" + random.nextInt(m)) : List.of()));
			menteeVectors[i] = unit(random, dim, centres[random.nextInt(topics)], 0.8);
		}
		for (int j = 0; j < m; j++) {
			Map<String, Integer> have = new HashMap<>();
			for (int k = 0; k < 1 + random.nextInt(4); k++) {
				have.put(skills[random.nextInt(skills.length)], 1 + random.nextInt(5));
			}
			mentors.add(new MentorProfile("m" + j, 1 + random.nextInt(4), "", "", have, 2 + random.nextInt(5),
					departments[random.nextInt(departments.length)],
					new java.util.TreeSet<>(List.of(languages[random.nextInt(2)], languages[random.nextInt(languages.length)])),
					zones[random.nextInt(zones.length)], null,
					random.nextInt(10) == 0 ? List.of("e" + random.nextInt(n)) : List.of()));
			mentorVectors[j] = unit(random, dim, centres[random.nextInt(topics)], 0.8);
		}
		return MatchingProblem.builder().profiles(mentees, mentors, weights).seniority(seniority)
			.vectors(menteeVectors, mentorVectors).build();
	}

	static float[] unit(Random random, int dim, float[] centre, double noise) {
		float[] v = new float[dim];
		double norm = 0;
		for (int d = 0; d < dim; d++) {
			v[d] = (float) ((centre == null ? 0 : centre[d]) + (centre == null ? 1 : noise / Math.sqrt(dim)) * random.nextGaussian());
			norm += v[d] * v[d];
		}
		for (int d = 0; d < dim; d++) {
			v[d] /= (float) Math.sqrt(norm);
		}
		return v;
	}
}
