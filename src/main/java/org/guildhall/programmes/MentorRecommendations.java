package org.guildhall.programmes;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guildhall.matching.MentorMatching;
import org.guildhall.matching.engine.MatchedPair;
import org.guildhall.matching.engine.MatchingProblem;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Self-select: a mentee of a programme where mentees choose sees the mentors with a free place,
 * ranked by the same scorer and rules as the bulk match (nobody from their own reporting line, the
 * programme's musts and the manager's bans), each with the reasons for the fit. The mentee then asks
 * one of them through the mentorships module, which takes the place with
 * {@link ProgrammeManagement#reserveMentorPlace}.
 */
@Service
public class MentorRecommendations {

	/** How many mentors a mentee is shown at most. */
	public static final int MAX_RECOMMENDATIONS = 10;

	private final ProgrammeManagement programmes;
	private final MatchingProblems problems;
	private final MentorMatching matching;

	MentorRecommendations(ProgrammeManagement programmes, MatchingProblems problems, MentorMatching matching) {
		this.programmes = programmes;
		this.problems = problems;
		this.matching = matching;
	}

	/** Whether mentees of this programme choose their mentor now. */
	public static boolean open(Programme programme) {
		return programme.matchingMode() != MatchingMode.BULK
				&& (programme.status() == ProgrammeStatus.MATCHING || programme.status() == ProgrammeStatus.RUNNING);
	}

	/**
	 * For a programme's manager moving a mentee: the mentors with a free place who fit the mentee
	 * best (same rules as the bulk match), at most {@code limit}.
	 */
	public List<Recommendation> alternatives(long programmeId, long menteeId, CurrentUser manager, int limit) {
		Programme programme = programmes.managed(programmeId, manager);
		Enrolment mentee = programmes.enrolmentOf(programmeId, menteeId)
			.filter(e -> e.status() == EnrolmentStatus.ACTIVE && e.role().learns())
			.orElseThrow(() -> new NotFoundException("No enrolled mentee " + menteeId + " in this programme"));
		return rank(programme, mentee, Math.min(limit, 50));
	}

	/** The best mentors for the signed-in mentee, best first; empty when they already have a mentor. */
	public List<Recommendation> forMentee(long programmeId, CurrentUser mentee) {
		Programme programme = programmes.programme(programmeId, mentee);
		if (!open(programme)) {
			throw new ConflictException(programme.matchingMode() == MatchingMode.BULK
					? "In this programme the manager matches mentees with mentors."
					: "Mentees choose their mentors once enrolment has closed; the programme is "
							+ Programme.describe(programme.status()) + ".");
		}
		Long personId = mentee.personId();
		Enrolment own = personId == null ? null : programmes.enrolmentOf(programmeId, personId)
			.filter(e -> e.status() == EnrolmentStatus.ACTIVE && e.role().learns()).orElse(null);
		if (own == null) {
			throw new NotFoundException("You are not an enrolled mentee of this programme.");
		}
		if (own.placed()) {
			return List.of();
		}
		return rank(programme, own, MAX_RECOMMENDATIONS);
	}

	private List<Recommendation> rank(Programme programme, Enrolment mentee, int limit) {
		List<Enrolment> enrolments = programmes.activeEnrolments(programme.id());
		MatchingProblem problem = problems.forMentee(programme, enrolments, mentee.personId());
		if (problem.mentorCount() == 0) {
			return List.of();
		}
		Map<Long, Enrolment> byPerson = enrolments.stream().collect(Collectors.toMap(Enrolment::personId, Function.identity()));
		List<MatchedPair> ranked = matching.rank(problem, limit).getOrDefault(Long.toString(mentee.personId()), List.of());
		return ranked.stream().map(pair -> {
			Enrolment mentor = byPerson.get(Long.parseLong(pair.mentor()));
			int capacity = mentor.capacity() > 0 ? mentor.capacity() : programme.defaultCapacity();
			return new Recommendation(mentor.personId(), mentor.fullName(), mentor.title(), mentor.department(), pair.score(),
					pair.reasons(), capacity - mentor.placesTaken());
		}).toList();
	}

}
