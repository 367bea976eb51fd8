package org.guildhall.programmes;

import org.guildhall.matching.MentorMatching;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a programme's enrolment closes, its profiles' texts are embedded in the background, so the
 * manager's "Run the match" and mentees' recommendations do not wait for the embedding model.
 */
@Component
class MatchingPreparation {

	private final ProgrammeManagement programmes;
	private final MatchingProblems problems;
	private final MentorMatching matching;

	MatchingPreparation(ProgrammeManagement programmes, MatchingProblems problems, MentorMatching matching) {
		this.programmes = programmes;
		this.problems = problems;
		this.matching = matching;
	}

	@ApplicationModuleListener
	void on(ProgrammeStatusChanged event) {
		if (event.status() != ProgrammeStatus.MATCHING) {
			return;
		}
		programmes.find(event.programmeId()).ifPresent(programme -> matching
			.prepare(problems.bulk(programme, programmes.activeEnrolments(programme.id()))));
	}
}
