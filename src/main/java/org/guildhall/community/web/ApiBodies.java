package org.guildhall.community.web;

import io.swagger.v3.oas.annotations.media.Schema;

import org.guildhall.community.Vote;
import org.jspecify.annotations.Nullable;

/** Small request bodies of the community API. */
final class ApiBodies {

	private ApiBodies() {
	}

	@Schema(description = "Markdown text of an answer (at most 20,000 characters) or plain text of a comment (at most 1,000)")
	record Text(@Nullable String body) {
	}

	@Schema(description = "UP or DOWN; null takes the vote back")
	record VoteBody(@Nullable Vote vote) {
	}

	@Schema(description = "The answer that solved the question")
	record Acceptance(long answerId) {
	}

	record Score(long postId, int score) {
	}
}
