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

/** Moderation of questions, answers and articles over JSON: administrators only (403 for anyone else). */
@RestController
@RequestMapping("/api/v1/community")
@Tag(name = "Community moderation", description = "Hide and show posts (administrators); every action is in the audit trail")
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

	@GetMapping("/moderation/hidden")
	@Operation(summary = "Hidden posts, most recently hidden first, with who hid them and why (administrators; at most 200)")
	List<HiddenPost> hidden() {
		return moderation.hidden(me());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
