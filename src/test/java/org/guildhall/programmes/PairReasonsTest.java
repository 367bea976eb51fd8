package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The engine's reasons, addressed to the mentee, as the manager reads them: about the pair. */
class PairReasonsTest {

	/** Every sentence the matching engine writes with "you" in it (ProfileScorer, SeniorityRule, MatchingEngine). */
	private static final List<String> ENGINE = List.of("Knows some of the skills you want to learn",
			"Can teach 1 of the 1 skills you want to learn (Java)", "Their expertise closely matches your goals",
			"Their expertise is related to your goals", "Works in another department (Sales), which widens your network",
			"You both speak German", "You work the same hours", "Your working hours overlap by 3 hours",
			"You asked for each other", "You asked for this mentor", "This mentor asked to mentor you",
			"At the same level as you: you can learn from each other as peers",
			"One level apart from you: close enough to learn from each other as peers", "2 levels apart from you",
			"One level more junior than you: reverse mentoring brings a view from closer to the work",
			"2 levels more junior than you: reverse mentoring brings a view from closer to the work",
			"One level more senior than you", "3 levels more senior than you", "Your first choice", "Your choice number 2",
			"Your best-scoring mentor", "One of your three best-scoring mentors");

	@Test
	void noReasonSpeaksToYouOnTheManagersScreen() {
		assertThat(ENGINE.stream().map(PairReasons::forManager).toList())
			.noneMatch(reason -> reason.matches("(?i).*\\b(you|your)\\b.*"));
		assertThat(PairReasons.forManager("Can teach 1 of the 1 skills you want to learn (Java)"))
			.isEqualTo("Can teach 1 of the 1 skills the mentee wants to learn (Java)");
		assertThat(PairReasons.forManager("3 levels more senior than you")).isEqualTo("3 levels more senior than the mentee");
	}

	@Test
	void theMenteeNeverReadsThatTheManagerPinnedThem() {
		assertThat(PairReasons.forMentee(List.of("Set by the programme as a required pair", "You both speak German")))
			.containsExactly("You both speak German");
	}
}
