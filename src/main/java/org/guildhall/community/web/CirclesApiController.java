package org.guildhall.community.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guildhall.community.Circle;
import org.guildhall.community.CircleEvent;
import org.guildhall.community.CircleMember;
import org.guildhall.community.CirclePost;
import org.guildhall.community.Circles;
import org.guildhall.community.Membership;
import org.guildhall.community.NewCircle;
import org.guildhall.community.NewCircleEvent;
import org.guildhall.community.Rsvp;
import org.guildhall.people.PersonRef;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Learning circles over JSON. Everyone signed in sees circles and joins them; members read and
 * write posts and answer events; the host or an administrator manages members, requests and events.
 */
@RestController
@RequestMapping("/api/v1/community/circles")
@Tag(name = "Circles", description = "Learning circles: members, posts, events")
@SecurityRequirement(name = "token")
class CirclesApiController {

	private final Circles circles;

	CirclesApiController(Circles circles) {
		this.circles = circles;
	}

	@Schema(description = "The member who becomes host")
	record HandOver(long personId) {
	}

	@Schema(description = "Markdown text of a circle post (at most 5,000 characters)")
	record Text(@Nullable String body) {
	}

	// named apart: mentorships has an Answer too, and two records of one name would share one schema
	@Schema(name = "RsvpAnswer", description = "YES, MAYBE or NO")
	record Answer(@Nullable Rsvp answer) {
	}

	@Schema(name = "CircleStanding") // reputation has a Standing too: one schema name each
	record Standing(long circleId, Membership membership) {
	}

	@GetMapping
	@Operation(summary = "Circles by name; q: words all in the name or description; topic: a skill name or alias")
	PageResult<Circle> list(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return circles.circles(q, topic, new PageRequest(page, size), me());
	}

	@GetMapping("/mine")
	@Operation(summary = "The circles I am a member of")
	List<Circle> mine() {
		return circles.myCircles(me());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Create a circle (name 3–100 characters, unique; description at most 2,000; topic; OPEN or BY_REQUEST); I become its host")
	Circle create(@RequestBody NewCircle circle) {
		return circles.create(circle, me());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One circle: what it is about, host, size and my standing")
	Circle circle(@PathVariable long id) {
		return circles.circle(id, me());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a circle's name, description, topic or admission (host or administrator)")
	Circle update(@PathVariable long id, @RequestBody NewCircle circle) {
		return circles.update(id, circle, me());
	}

	@PostMapping("/{id}/membership")
	@Operation(summary = "Join an open circle, or ask to join one by request")
	Standing join(@PathVariable long id) {
		return new Standing(id, circles.join(id, me()));
	}

	@DeleteMapping("/{id}/membership")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Leave a circle, or take back a request (the host hands over first)")
	void leave(@PathVariable long id) {
		circles.leave(id, me());
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "Members, host first, with their points in the circle's topic (members and administrators)")
	List<CircleMember> members(@PathVariable long id) {
		return circles.members(id, me());
	}

	@DeleteMapping("/{id}/members/{personId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a member (host or administrator)")
	void remove(@PathVariable long id, @PathVariable long personId) {
		circles.remove(id, personId, me());
	}

	@GetMapping("/{id}/requests")
	@Operation(summary = "People asking to join (host or administrator)")
	List<PersonRef> requests(@PathVariable long id) {
		return circles.requests(id, me());
	}

	@PostMapping("/{id}/requests/{personId}/approve")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Approve a request to join (host or administrator)")
	void approve(@PathVariable long id, @PathVariable long personId) {
		circles.approve(id, personId, me());
	}

	@PostMapping("/{id}/requests/{personId}/decline")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Decline a request to join (host or administrator)")
	void decline(@PathVariable long id, @PathVariable long personId) {
		circles.decline(id, personId, me());
	}

	@PutMapping("/{id}/host")
	@Operation(summary = "Hand the circle over to another member (host or administrator)")
	Circle handOver(@PathVariable long id, @RequestBody HandOver handOver) {
		return circles.handOver(id, handOver.personId(), me());
	}

	@GetMapping("/{id}/posts")
	@Operation(summary = "Posts, newest first (members and administrators)")
	PageResult<CirclePost> posts(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return circles.posts(id, me(), new PageRequest(page, size));
	}

	@PostMapping("/{id}/posts")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Post in a circle (members; Markdown, at most 5,000 characters)")
	CirclePost post(@PathVariable long id, @RequestBody Text text) {
		return circles.post(id, text.body(), me());
	}

	@DeleteMapping("/{id}/posts/{postId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a post (its author, the host or an administrator)")
	void deletePost(@PathVariable long id, @PathVariable long postId) {
		circles.deletePost(id, postId, me());
	}

	@GetMapping("/{id}/events")
	@Operation(summary = "Upcoming events, soonest first (members and administrators)")
	List<CircleEvent> events(@PathVariable long id) {
		return circles.events(id, me());
	}

	@PostMapping("/{id}/events")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Schedule an event (host or administrator): title, startsAt (ISO instant, future), durationMinutes 5–1440, place and/or http(s) link")
	CircleEvent schedule(@PathVariable long id, @RequestBody NewCircleEvent event) {
		return circles.schedule(id, event, me());
	}

	@GetMapping(value = "/{id}/events/{eventId}/invitation.ics", produces = "text/calendar")
	@Operation(summary = "The event as an iCalendar invitation (members and administrators); METHOD:CANCEL once cancelled")
	ResponseEntity<String> calendar(@PathVariable long id, @PathVariable long eventId) {
		return CalendarDownload.of(circles.invitation(id, eventId, me()), "circle-event-" + eventId + ".ics");
	}

	@PutMapping("/{id}/events/{eventId}/rsvp")
	@Operation(summary = "Answer an event YES, MAYBE or NO (members)")
	CircleEvent rsvp(@PathVariable long id, @PathVariable long eventId, @RequestBody Answer answer) {
		return circles.rsvp(id, eventId, answer.answer(), me());
	}

	@DeleteMapping("/{id}/events/{eventId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Cancel an event (host or administrator)")
	void cancel(@PathVariable long id, @PathVariable long eventId) {
		circles.cancel(id, eventId, me());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
