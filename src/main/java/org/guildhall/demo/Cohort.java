package org.guildhall.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.guildhall.demo.OrganisationHistory.Row;
import org.guildhall.demo.OrganisationHistory.Staff;
import org.jspecify.annotations.Nullable;

/**
 * Who took part in the demo's finished one-to-one programme: the mentees and mentors who enrolled
 * about 16 months ago, from the people in the export of 18 months ago, and the pairs they formed.
 * A mentee is paired with the mentor who fits best: someone more senior, outside their reporting
 * line, who knows the skills they want to learn, preferably from another department. The score and
 * reasons are the demo's own, worded like the matching engine's; they are not the engine's result.
 *
 * @param mentees everyone who enrolled as a mentee, matched or not
 * @param mentors everyone who enrolled as a mentor
 */
record Cohort(List<Member> mentees, List<Member> mentors, List<Pair> pairs) {

	static final int ENROLLED_MENTEES = 40;
	static final int ENROLLED_MENTORS = 26;
	static final int PAIRS = 36;
	/** Share of the pairs that end early, those whose mentee left or moved first. */
	static final double ENDED_EARLY = 0.15;
	private static final int MOST_MENTEES_EACH = 2;
	private static final List<String> OTHER_REASONS = List.of("Not enough time with the release crunch",
			"We were not a good fit", "We lost touch after the summer holidays", "Not enough time with the release crunch",
			"We were not a good fit");

	/**
	 * One enrolled person.
	 *
	 * @param places the mentees a mentor takes (0 for a mentee)
	 */
	record Member(String employeeId, String email, String fullName, String department, int level, List<String> goals,
			int places) {
	}

	/**
	 * A pair and how it ended.
	 *
	 * @param score compatibility from 0 to 100
	 * @param endedEarlyBecause the reason given for ending early; null for a pair that completed
	 */
	record Pair(Member mentee, Member mentor, int score, List<String> reasons, @Nullable String endedEarlyBecause) {
	}

	/**
	 * Chooses the cohort from {@code population}.
	 *
	 * @param excluded employee ids who take no part
	 * @param leaving employee ids of people who leave, in groups by when they leave, soonest first
	 * @param leavingFactor how often those of each group are among the enrolled mentees, against their share of the
	 *        candidates; mentors leave only with the later groups, at the same rate
	 */
	static Cohort choose(List<Row> population, Staff staff, Set<String> excluded, List<Set<String>> leaving,
			double leavingFactor, SplittableRandom random) {
		List<Row> menteeCandidates = population.stream()
			.filter(r -> !excluded.contains(r.id()) && learns(r) && r.level() >= 1 && r.level() <= 8).toList();
		List<Row> mentees = enrol(menteeCandidates, ENROLLED_MENTEES, leaving, leavingFactor, random);
		Set<String> menteeIds = new HashSet<>();
		mentees.forEach(r -> menteeIds.add(r.id()));
		List<Row> mentorCandidates = population.stream().filter(r -> !excluded.contains(r.id()) && !menteeIds.contains(r.id())
				&& mentors(r) && capacity(r) >= 1 && r.level() >= 5).toList();
		// Leavers are rank-and-file people, rare among the senior colleagues mentors are compared with: at the
		// mentees' rate, the mentors would stay less often than those. Mentors who were about to leave did not
		// volunteer (demo data, see OrganisationHistory).
		Set<String> leavingSoon = leaving.isEmpty() ? Set.of() : leaving.get(0);
		List<Row> mentors = enrol(mentorCandidates.stream().filter(r -> !leavingSoon.contains(r.id())).toList(),
				ENROLLED_MENTORS, leaving.subList(Math.min(1, leaving.size()), leaving.size()), leavingFactor, random);

		Map<String, Integer> places = new HashMap<>();
		mentors.forEach(m -> places.put(m.id(), Math.min(MOST_MENTEES_EACH, capacity(m))));
		List<Row> order = new ArrayList<>(mentees);
		OrganisationHistory.shuffle(order, random);
		List<Pair> pairs = new ArrayList<>();
		for (Row mentee : order) {
			if (pairs.size() == PAIRS) {
				break;
			}
			Row best = null;
			double bestFit = -1;
			for (Row mentor : mentors) {
				// two levels apart today: at most one promotion each in the history keeps them apart back then
				if (places.get(mentor.id()) == 0 || mentor.level() < mentee.level() + 2
						|| staff.shareReportingLine(mentor.id(), mentee.id())) {
					continue;
				}
				double fit = 3 * Math.min(3, taught(mentee, mentor).size())
						+ (mentor.get(OrganisationHistory.DEPARTMENT).equals(mentee.get(OrganisationHistory.DEPARTMENT)) ? 0 : 1)
						+ (commonLanguage(mentee, mentor) == null ? 0 : 0.5) + random.nextDouble() / 2;
				if (fit > bestFit) {
					best = mentor;
					bestFit = fit;
				}
			}
			if (best != null) {
				places.merge(best.id(), -1, Integer::sum);
				pairs.add(pair(mentee, best, random));
			}
		}
		pairs.sort(Comparator.comparing(p -> p.mentee().employeeId()));
		return new Cohort(mentees.stream().map(r -> member(r, 0)).toList(),
				mentors.stream().map(r -> member(r, Math.min(MOST_MENTEES_EACH, capacity(r)))).toList(), List.copyOf(pairs));
	}

	/**
	 * Up to {@code count} candidates, with those of each leaving group {@code leavingFactor} times
	 * their share of the candidates (rounded); in the list's order.
	 */
	private static List<Row> enrol(List<Row> candidates, int count, List<Set<String>> leaving, double leavingFactor,
			SplittableRandom random) {
		int wanted = Math.min(count, candidates.size());
		Set<Row> chosen = new HashSet<>();
		List<Row> stayers = new ArrayList<>(candidates);
		for (Set<String> group : leaving) {
			List<Row> leavers = candidates.stream().filter(r -> group.contains(r.id())).toList();
			stayers.removeAll(leavers);
			int quota = (int) Math.round(wanted * leavingFactor * leavers.size() / Math.max(1, candidates.size()));
			chosen.addAll(OrganisationHistory.sample(leavers, Math.min(leavers.size(), quota), r -> 1, random));
		}
		chosen.addAll(OrganisationHistory.sample(stayers, Math.max(0, wanted - chosen.size()), r -> 1, random));
		return candidates.stream().filter(chosen::contains).toList();
	}

	private static Pair pair(Row mentee, Row mentor, SplittableRandom random) {
		List<String> taught = taught(mentee, mentor);
		int wanted = wanted(mentee).size();
		String department = mentor.get(OrganisationHistory.DEPARTMENT);
		boolean otherDepartment = !department.equals(mentee.get(OrganisationHistory.DEPARTMENT));
		String language = commonLanguage(mentee, mentor);
		int score = 50 + 10 * Math.min(3, taught.size()) + (otherDepartment ? 8 : 0) + (language == null ? 0 : 4)
				+ random.nextInt(7);
		List<String> reasons = new ArrayList<>();
		if (!taught.isEmpty()) {
			reasons.add("Can teach " + taught.size() + " of the " + wanted + " skills you want to learn ("
					+ String.join(", ", taught.subList(0, Math.min(3, taught.size()))) + ")");
		}
		if (otherDepartment) {
			reasons.add("Works in another department (" + department + "), which widens your network");
		}
		if (language != null && reasons.size() < 2) {
			reasons.add("You both speak " + language);
		}
		reasons.add("Compatibility score " + score + " out of 100");
		return new Pair(member(mentee, 0), member(mentor, Math.min(MOST_MENTEES_EACH, capacity(mentor))), score,
				List.copyOf(reasons), null);
	}

	/**
	 * The same cohort as its people were in an earlier export ({@code rows} by employee id): their
	 * department and level then, and the score and reasons worked out from those.
	 */
	Cohort asOf(Map<String, Row> rows, SplittableRandom random) {
		return new Cohort(mentees.stream().map(m -> member(row(rows, m), 0)).toList(),
				mentors.stream().map(m -> member(row(rows, m), m.places())).toList(),
				pairs.stream().map(p -> pair(row(rows, p.mentee()), row(rows, p.mentor()), random)).toList());
	}

	private static Row row(Map<String, Row> rows, Member member) {
		Row row = rows.get(member.employeeId());
		if (row == null) {
			throw new IllegalArgumentException(member.employeeId() + " is not in the export");
		}
		return row;
	}

	/**
	 * The same cohort with about {@link #ENDED_EARLY} of the pairs ended early: first, half of
	 * those whose mentee left the company or moved to another department during the programme's
	 * year, with that as the reason; then others, for lack of time or fit or because they lost touch.
	 */
	Cohort withEndings(Set<String> left, Set<String> moved, SplittableRandom random) {
		int target = (int) Math.round(ENDED_EARLY * pairs.size());
		String[] reasons = new String[pairs.size()];
		int ended = 0;
		// room for at least two of the other reasons, so that the dashboard shows more than one kind
		for (int i = 0; i < pairs.size() && ended < target - 2; i++) {
			String mentee = pairs.get(i).mentee().employeeId();
			if (left.contains(mentee) && random.nextInt(2) == 0) {
				reasons[i] = "I am leaving the company at the end of next month";
				ended++;
			}
			else if (moved.contains(mentee) && random.nextInt(2) == 0) {
				reasons[i] = "I moved to a new role";
				ended++;
			}
		}
		for (int attempts = 0, other = 0; ended < target && attempts < 100 * pairs.size(); attempts++) {
			int i = random.nextInt(pairs.size());
			if (reasons[i] == null) {
				reasons[i] = OTHER_REASONS.get(other++ % OTHER_REASONS.size());
				ended++;
			}
		}
		List<Pair> ending = new ArrayList<>(pairs.size());
		for (int i = 0; i < pairs.size(); i++) {
			Pair p = pairs.get(i);
			ending.add(new Pair(p.mentee(), p.mentor(), p.score(), p.reasons(), reasons[i]));
		}
		return new Cohort(mentees, mentors, List.copyOf(ending));
	}

	/** Employee ids of the mentees in a pair. */
	Set<String> menteeIds() {
		Set<String> ids = new LinkedHashSet<>();
		pairs.forEach(p -> ids.add(p.mentee().employeeId()));
		return ids;
	}

	/** Employee ids of the mentors in a pair. */
	Set<String> mentorIds() {
		Set<String> ids = new LinkedHashSet<>();
		pairs.forEach(p -> ids.add(p.mentor().employeeId()));
		return ids;
	}

	/** Employee ids of everyone in a pair. */
	Set<String> participantIds() {
		Set<String> ids = new LinkedHashSet<>();
		pairs.forEach(p -> {
			ids.add(p.mentee().employeeId());
			ids.add(p.mentor().employeeId());
		});
		return ids;
	}

	/** The employee ids of the people someone is paired with. */
	List<String> partnersOf(String employeeId) {
		List<String> partners = new ArrayList<>();
		for (Pair p : pairs) {
			if (p.mentee().employeeId().equals(employeeId)) {
				partners.add(p.mentor().employeeId());
			}
			else if (p.mentor().employeeId().equals(employeeId)) {
				partners.add(p.mentee().employeeId());
			}
		}
		return partners;
	}

	private static Member member(Row row, int places) {
		return new Member(row.id(), row.email(), row.get(OrganisationHistory.NAME), row.get(OrganisationHistory.DEPARTMENT),
				row.level(), row.goals(), places);
	}

	private static boolean learns(Row row) {
		String role = row.get(OrganisationHistory.MENTORING);
		return role.equals("MENTEE") || role.equals("BOTH");
	}

	private static boolean mentors(Row row) {
		String role = row.get(OrganisationHistory.MENTORING);
		return role.equals("MENTOR") || role.equals("BOTH");
	}

	private static int capacity(Row row) {
		String capacity = row.get(OrganisationHistory.CAPACITY);
		return capacity.isEmpty() ? 0 : Integer.parseInt(capacity);
	}

	/** The skills the mentee wants to learn, as the file lists them. */
	private static List<String> wanted(Row mentee) {
		List<String> wanted = new ArrayList<>();
		for (String[] skill : mentee.skills()) {
			for (int flag = 2; flag < skill.length; flag++) {
				if (skill[flag].equals("learn")) {
					wanted.add(skill[0]);
				}
			}
		}
		return wanted;
	}

	/** The skills the mentee wants to learn that the mentor has at proficiency 3 or more. */
	private static List<String> taught(Row mentee, Row mentor) {
		List<String> wanted = wanted(mentee);
		List<String> taught = new ArrayList<>();
		for (String[] skill : mentor.skills()) {
			if (skill.length > 1 && Integer.parseInt(skill[1]) >= 3 && wanted.contains(skill[0])) {
				taught.add(skill[0]);
			}
		}
		return taught;
	}

	private static @Nullable String commonLanguage(Row mentee, Row mentor) {
		List<String> theirs = mentor.languages();
		return mentee.languages().stream().filter(theirs::contains).findFirst().orElse(null);
	}
}
