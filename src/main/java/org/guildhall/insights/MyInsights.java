package org.guildhall.insights;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One person's own figures: their place in the learning network, the people they learned from
 * and taught, kudos, their mentorships' goals, and, when they are not yet connected, people they
 * could meet, each with the reasons.
 */
public record MyInsights(long personId, String name, @Nullable String department, int links,
		Map<String, Integer> linksByKind, List<PersonLink> learnedFrom, List<PersonLink> taught, long kudosReceived,
		long kudosGiven, int mentorshipsAsMentee, int mentorshipsAsMentor, int goalsSet, int goalsAchieved,
		@Nullable Double betweenness, List<Suggestion> suggestions) {

	/** Named here: Jackson took {@code isolated()} for a getter of "olated" and sent {@code "olated": true}. */
	@com.fasterxml.jackson.annotation.JsonProperty("isolated")
	public boolean isolated() {
		return links == 0;
	}

	/** Someone on the other end of a link, and how they are linked ("mentoring", "answer", ...). */
	public record PersonLink(long personId, String name, @Nullable String department, List<String> kinds) {
	}

	/** A person worth meeting, with why. */
	public record Suggestion(long personId, String name, @Nullable String department, List<String> reasons) {
	}
}
