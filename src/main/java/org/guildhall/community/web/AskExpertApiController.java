package org.guildhall.community.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guildhall.community.ExpertRequest;
import org.guildhall.community.ExpertRequests;
import org.guildhall.community.NewFlashOffer;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.web.AlsoAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ask an expert: the asker (or an administrator) routes a question; the expert it went to answers,
 * declines or offers a flash session; the asker picks a time.
 */
@RestController
@RequestMapping("/api/v1/community")
@Tag(name = "Ask an expert", description = "Route a question to the best placed experts; answer, decline or offer a flash session")
@SecurityRequirement(name = "token")
class AskExpertApiController {

	private final ExpertRequests requests;

	AskExpertApiController(ExpertRequests requests) {
		this.requests = requests;
	}

	@PostMapping("/questions/{id}/expert-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Route the question to 3–5 experts (the asker or an administrator); empty when nobody suitable is found")
	List<ExpertRequest> route(@PathVariable long id) {
		return requests.route(id, me());
	}

	@GetMapping("/questions/{id}/expert-requests")
	@Operation(summary = "Who was asked about a question and what they replied (all for the asker and administrators, one's own for an expert)")
	List<ExpertRequest> forQuestion(@PathVariable long id) {
		return requests.forQuestion(id, me());
	}

	@GetMapping("/expert-requests")
	@Operation(summary = "Questions sent to me as an expert: waiting ones first")
	List<ExpertRequest> mine() {
		return requests.sentTo(me());
	}

	@GetMapping("/expert-requests/{id}")
	@Operation(summary = "One request (its expert, the asker or an administrator)")
	ExpertRequest one(@PathVariable long id) {
		return requests.get(id, me());
	}

	@PostMapping("/expert-requests/{id}/answer")
	@RateLimitedPosting
	@Operation(summary = "Answer the question (the expert asked); the answer is posted on the question")
	ExpertRequest answer(@PathVariable long id, @RequestBody ApiBodies.Text body) {
		return requests.answer(id, body.body(), me());
	}

	@PostMapping("/expert-requests/{id}/decline")
	@Operation(summary = "Decline (the expert asked), with an optional reason of at most 500 characters")
	ExpertRequest decline(@PathVariable long id, @RequestBody(required = false) @Nullable Decline body) {
		return requests.decline(id, body == null ? null : body.reason(), me());
	}

	@PostMapping("/expert-requests/{id}/offer")
	@Operation(summary = "Offer a flash mentoring session (the expert asked): 1–3 future start times, 15–60 minutes, a message")
	ExpertRequest offer(@PathVariable long id, @RequestBody NewFlashOffer offer) {
		return requests.offer(id, offer, me());
	}

	@PostMapping("/expert-requests/{id}/accept")
	@Operation(summary = "Pick one of the offered start times (the asker); the session is then agreed for both")
	ExpertRequest accept(@PathVariable long id, @RequestBody SlotChoice body) {
		return requests.acceptSlot(id, body.slotId(), me());
	}

	@GetMapping(value = "/expert-requests/{id}/session.ics", produces = "text/calendar")
	@AlsoAnswers(409)
	@Operation(summary = "The agreed flash session as an iCalendar invitation (the expert, the asker or an administrator); 409 until a time is agreed")
	ResponseEntity<String> calendar(@PathVariable long id) {
		return CalendarDownload.of(requests.invitation(id, me()), "flash-session-" + id + ".ics");
	}

	@GetMapping("/flash-sessions")
	@Operation(summary = "Flash sessions I agreed on, as expert or as asker, soonest first")
	List<ExpertRequest> sessions() {
		return requests.sessions(me());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}

	@Schema(description = "Why not (optional, at most 500 characters)")
	record Decline(@Nullable String reason) {
	}

	@Schema(description = "The id of one of the offered slots")
	record SlotChoice(long slotId) {
	}
}
