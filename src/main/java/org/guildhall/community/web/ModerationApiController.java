package org.guildhall.community.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guildhall.community.HiddenPost;
import org.guildhall.community.Moderation;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.web.AlsoAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Moderation of questions, answers, articles, comments and kudos messages over JSON: administrators only (403 for anyone else). */
@RestController
@RequestMapping("/api/v1/community")
@Tag(name = "Community moderation", description = "Hide and show posts, comments and kudos messages (administrators); every action is in the audit trail")
@SecurityRequirement(name = "token")
@AlsoAnswers(403)
class ModerationApiController {

	private final Moderation moderation;

	ModerationApiController(Moderation moderation) {
		this.moderation = moderation;
	}

	/** Why a post is hidden: 3–500 characters, shown to its author and to administrators. */
	record HideRequest(@Nullable String reason) {
	}

	@PostMapping("/posts/{id}/hide")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hide a post from everyone but administrators, with a reason (administrators); a question takes its answers with it")
	void hide(@PathVariable long id, @RequestBody HideRequest request) {
		moderation.hide(id, request.reason(), me());
	}

	@PostMapping("/posts/{id}/show")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Show a hidden post again, as it was (administrators)")
	void show(@PathVariable long id) {
		moderation.show(id, me());
	}

	@PostMapping("/comments/{id}/hide")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hide a comment from everyone, with a reason (administrators); its author is told why")
	void hideComment(@PathVariable long id, @RequestBody HideRequest request) {
		moderation.hideComment(id, request.reason(), me());
	}

	@PostMapping("/comments/{id}/show")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Show a hidden comment again (administrators)")
	void showComment(@PathVariable long id) {
		moderation.showComment(id, me());
	}

	@PostMapping("/kudos/{id}/hide")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hide the message of a kudos, with a reason (administrators): the kudos still counts, its message reads \"hidden by a moderator\"; 409 when already hidden")
	void hideKudos(@PathVariable long id, @RequestBody HideRequest request) {
		moderation.hideKudos(id, request.reason(), me());
	}

	@PostMapping("/kudos/{id}/show")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Show a hidden kudos message again (administrators)")
	void showKudos(@PathVariable long id) {
		moderation.showKudos(id, me());
	}

	@GetMapping("/moderation/hidden")
	@Operation(summary = "Hidden posts, comments and kudos messages, most recently hidden first, with kind, who hid them and why (administrators; at most 200)")
	List<HiddenPost> hidden() {
		return moderation.hidden(me());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
