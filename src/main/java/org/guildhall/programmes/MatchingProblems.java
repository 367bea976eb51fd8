package org.guildhall.programmes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guildhall.matching.engine.Criterion;
import org.guildhall.matching.engine.CriterionWeights;
import org.guildhall.matching.engine.MatchingProblem;
import org.guildhall.matching.engine.MenteeProfile;
import org.guildhall.matching.engine.MentorProfile;
import org.guildhall.people.MatchingFacts;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.PairRule.Kind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the matching engine's problem from a programme's enrolments: profiles from the
 * directory, the programme's weights, everyone's reporting line, the manager's pins and bans, and
 * only the places still free (mentees who already have a mentor are left out, mentors offer what
 * is left of their capacity).
 */
@Component
class MatchingProblems {

	private final JdbcClient jdbc;
	private final PeopleDirectory people;

	MatchingProblems(JdbcClient jdbc, PeopleDirectory people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** Every unplaced mentee against every mentor with a free place. */
	MatchingProblem bulk(Programme programme, List<Enrolment> enrolments) {
		return build(programme, enrolments, null);
	}

	/** One mentee against every mentor with a free place (for recommendations). */
	MatchingProblem forMentee(Programme programme, List<Enrolment> enrolments, long menteeId) {
		return build(programme, enrolments, menteeId);
	}

	private MatchingProblem build(Programme programme, List<Enrolment> enrolments, @Nullable Long onlyMentee) {
		Map<Long, MatchingFacts> facts = people.matchingFacts(enrolments.stream().map(Enrolment::personId).toList());
		List<MenteeProfile> mentees = new ArrayList<>();
		List<MentorProfile> mentors = new ArrayList<>();
		Set<Long> menteeIds = new HashSet<>();
		Set<Long> mentorIds = new HashSet<>();
		for (Enrolment enrolment : enrolments) {
			MatchingFacts person = facts.get(enrolment.personId());
			if (person == null) {
				continue;
			}
			String id = Long.toString(person.personId());
			String manager = person.managerId() == null ? null : Long.toString(person.managerId());
			Set<String> languages = new LinkedHashSet<>(person.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
			int level = person.level() == null ? 0 : person.level();
			boolean wanted = onlyMentee == null ? !enrolment.placed() : onlyMentee == enrolment.personId();
			if (enrolment.role().learns() && wanted) {
				String goals = String.join(". ", concat(enrolment.goals(), person.goals()));
				mentees.add(new MenteeProfile(id, goals, person.wantsToLearn(), level, person.department(), languages,
						person.timeZone(), manager, List.of()));
				menteeIds.add(enrolment.personId());
			}
			int free = (enrolment.capacity() > 0 ? enrolment.capacity() : programme.defaultCapacity()) - enrolment.placesTaken();
			if (enrolment.role().mentors() && free > 0) {
				String expertise = String.join(", ", person.teaches().keySet())
						+ (person.title() == null ? "" : ". " + person.title());
				mentors.add(new MentorProfile(id, free, expertise, person.bio() == null ? "" : person.bio(),
						person.teaches(), level, person.department(), languages, person.timeZone(), manager, List.of()));
				mentorIds.add(enrolment.personId());
			}
		}
		MatchingProblem.Builder builder = MatchingProblem.builder().profiles(mentees, mentors, weights(programme))
			.seniority(programme.format().seniorityRule());
		// the reporting line runs through people who are not enrolled too: give the engine every ancestor
		Map<Long, Long> managers = people.reportingLines();
		Set<Long> seen = new HashSet<>();
		for (Enrolment enrolment : enrolments) {
			Long person = enrolment.personId();
			while (person != null && seen.add(person)) {
				Long manager = managers.get(person);
				if (manager != null) {
					builder.manager(Long.toString(person), Long.toString(manager));
				}
				person = manager;
			}
		}
		for (PairRule rule : jdbc.sql("SELECT mentee_person_id, mentor_person_id, kind FROM pair_rule WHERE programme_id = ?")
			.param(programme.id())
			.query((rs, n) -> new PairRule(rs.getLong(1), "", rs.getLong(2), "", Kind.valueOf(rs.getString(3)))).list()) {
			if (!menteeIds.contains(rule.menteeId()) || !mentorIds.contains(rule.mentorId())) {
				continue; // placed meanwhile, withdrawn, or the mentor is full: the rule has nothing left to decide
			}
			if (rule.kind() == Kind.PIN) {
				if (onlyMentee == null) {
					builder.require(Long.toString(rule.menteeId()), Long.toString(rule.mentorId()));
				}
			}
			else {
				builder.forbid(Long.toString(rule.menteeId()), Long.toString(rule.mentorId()));
			}
		}
		return builder.build();
	}

	static CriterionWeights weights(Programme programme) {
		if (programme.weights().isEmpty()) {
			return CriterionWeights.defaults();
		}
		Map<Criterion, Double> numbers = new EnumMap<>(Criterion.class);
		List<Criterion> musts = new ArrayList<>();
		programme.weights().forEach((key, value) -> {
			Criterion criterion = Criterion.fromKey(key);
			if (criterion != null) {
				if (value.equals("must")) {
					musts.add(criterion);
				}
				else {
					numbers.put(criterion, Double.parseDouble(value));
				}
			}
		});
		CriterionWeights weights = CriterionWeights.of(numbers);
		for (Criterion must : musts) {
			weights = weights.withMust(must);
		}
		return weights;
	}

	private static List<String> concat(@Nullable String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		if (first != null && !first.isBlank()) {
			all.add(first.strip());
		}
		all.addAll(rest);
		return all;
	}
}
