package org.guildhall.community.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.guildhall.community.Admission;
import org.guildhall.community.Circle;
import org.guildhall.community.Circles;
import org.guildhall.community.NewCircle;
import org.guildhall.community.NewCircleEvent;
import org.guildhall.community.Reputation;
import org.guildhall.community.Rsvp;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Learning circles in the browser: the list, creating and editing one, its page, and every action on it. */
@Controller
class CirclesPageController {

	private final Circles circles;
	private final Reputation reputation;
	private final SkillCatalog skills;
	private final PeopleDirectory people;

	CirclesPageController(Circles circles, Reputation reputation, SkillCatalog skills, PeopleDirectory people) {
		this.circles = circles;
		this.reputation = reputation;
		this.skills = skills;
		this.people = people;
	}

	/** The create and edit form. */
	record CircleForm(@Nullable String name, @Nullable String description, @Nullable String topic,
			@Nullable String admission) {

		NewCircle toCircle() {
			Admission parsed = null;
			if (admission != null) {
				try {
					parsed = Admission.valueOf(admission);
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInputException("admission", "must be OPEN or BY_REQUEST");
				}
			}
			return new NewCircle(name, description, topic, parsed);
		}
	}

	/** The event form; the start is a local date-time in the viewer's time zone. */
	record EventForm(@Nullable String title, @Nullable String startsAt, @Nullable Integer durationMinutes,
			@Nullable String place, @Nullable String link) {

		NewCircleEvent toEvent(java.time.ZoneId zone) {
			Instant start = null;
			if (startsAt != null && !startsAt.isBlank()) {
				try {
					start = LocalDateTime.parse(startsAt.strip()).atZone(zone).toInstant();
				}
				catch (DateTimeParseException e) {
					throw new InvalidInputException("startsAt", "must be a date and time such as 2030-05-01T16:00");
				}
			}
			return new NewCircleEvent(title, start, durationMinutes, place, link);
		}
	}

	@GetMapping("/community/circles")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		CurrentUser me = Pages.me();
		model.addAttribute("q", q);
		model.addAttribute("topic", topic);
		model.addAttribute("results", circles.circles(q, topic, new PageRequest(page, PageRequest.DEFAULT_SIZE), me));
		model.addAttribute("mine", circles.myCircles(me));
		return htmx != null ? "community/circles :: results" : "community/circles";
	}

	@GetMapping("/community/circles/new")
	String createForm(Model model) {
		return form(model, new CircleForm("", "", "", "OPEN"), null, null);
	}

	@PostMapping("/community/circles/new")
	@RateLimitedPosting
	String create(@ModelAttribute("form") CircleForm form, Model model, RedirectAttributes redirect) {
		try {
			Circle circle = circles.create(form.toCircle(), Pages.me());
			// no promise of an invitation Guildhall does not send: say how colleagues find the circle
			redirect.addFlashAttribute("message", circle.admission().name().equals("OPEN")
					? "Your circle is open. Colleagues find it under Circles and join from its page; to bring someone in, send them this page's address."
					: "Your circle is open. Colleagues find it under Circles and ask to join from its page; you approve them here. To bring someone in, send them this page's address.");
			return "redirect:/community/circles/" + circle.id();
		}
		catch (InvalidInputException e) {
			return form(model, form, null, e);
		}
	}

	@GetMapping("/community/circles/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Circle circle = managed(id);
		return form(model, new CircleForm(circle.name(), circle.description(), circle.topic().name(),
				circle.admission().name()), circle, null);
	}

	@PostMapping("/community/circles/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") CircleForm form, Model model, RedirectAttributes redirect) {
		Circle circle = managed(id);
		try {
			circles.update(id, form.toCircle(), Pages.me());
			redirect.addFlashAttribute("message", "Saved.");
			return "redirect:/community/circles/" + id;
		}
		catch (InvalidInputException e) {
			return form(model, form, circle, e);
		}
	}

	private Circle managed(long id) {
		Circle circle = circles.circle(id, Pages.me());
		if (!circle.mayManage()) {
			throw new org.springframework.security.access.AccessDeniedException("Only the host or an administrator may edit this circle");
		}
		return circle;
	}

	private String form(Model model, CircleForm form, @Nullable Circle circle, @Nullable InvalidInputException problems) {
		model.addAttribute("form", form);
		model.addAttribute("circle", circle);
		model.addAttribute("errors", problems == null ? List.of() : Problems.messages(problems));
		model.addAttribute("skillNames", skills.search(null, 200).stream().filter(s -> !s.suggested()).toList());
		return "community/circle-form";
	}

	@GetMapping("/community/circles/{id}")
	String circle(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		return render(id, page, model, List.of(), null, null);
	}

	private String render(long id, int page, Model model, List<String> errors, @Nullable String draft,
			@Nullable EventForm eventDraft) {
		CurrentUser me = Pages.me();
		Circle circle = circles.circle(id, me);
		model.addAttribute("circle", circle);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", draft);
		model.addAttribute("eventForm", eventDraft != null ? eventDraft : new EventForm("", "", 60, "", ""));
		if (circle.mayRead()) {
			model.addAttribute("members", circles.members(id, me));
			model.addAttribute("posts", circles.posts(id, me, new PageRequest(page, PageRequest.DEFAULT_SIZE)));
			model.addAttribute("events", circles.events(id, me));
		}
		model.addAttribute("requests", circle.mayManage() ? circles.requests(id, me) : List.of());
		model.addAttribute("experts", reputation.top(circle.topic().skillId(), 5));
		return "community/circle";
	}

	@GetMapping("/community/circles/{id}/events/{eventId}/invitation.ics")
	ResponseEntity<String> calendar(@PathVariable long id, @PathVariable long eventId) {
		return CalendarDownload.of(circles.invitation(id, eventId, Pages.me()), "circle-event-" + eventId + ".ics");
	}

	@PostMapping("/community/circles/{id}/join")
	String join(@PathVariable long id, RedirectAttributes redirect) {
		var standing = circles.join(id, Pages.me());
		redirect.addFlashAttribute("message", switch (standing) {
			case MEMBER -> "Welcome to the circle.";
			case REQUESTED -> "Your request is with the host.";
			case NONE -> "Nothing changed.";
		});
		return "redirect:/community/circles/" + id;
	}

	@PostMapping("/community/circles/{id}/leave")
	String leave(@PathVariable long id, RedirectAttributes redirect) {
		try {
			circles.leave(id, Pages.me());
			redirect.addFlashAttribute("message", "You left the circle.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/community/circles/" + id;
	}

	@PostMapping("/community/circles/{id}/requests/{personId}/approve")
	String approve(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		circles.approve(id, personId, Pages.me());
		redirect.addFlashAttribute("message", "Request approved.");
		return "redirect:/community/circles/" + id;
	}

	@PostMapping("/community/circles/{id}/requests/{personId}/decline")
	String decline(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		circles.decline(id, personId, Pages.me());
		redirect.addFlashAttribute("message", "Request declined.");
		return "redirect:/community/circles/" + id;
	}

	@PostMapping("/community/circles/{id}/members/{personId}/remove")
	String remove(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		try {
			circles.remove(id, personId, Pages.me());
			redirect.addFlashAttribute("message", "Member removed.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/community/circles/" + id;
	}

	@PostMapping("/community/circles/{id}/host")
	String handOver(@PathVariable long id, @RequestParam long personId, RedirectAttributes redirect) {
		try {
			circles.handOver(id, personId, Pages.me());
			redirect.addFlashAttribute("message", "The circle has a new host.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", Problems.messages(e).get(0));
		}
		return "redirect:/community/circles/" + id;
	}

	@PostMapping("/community/circles/{id}/posts")
	@RateLimitedPosting
	String post(@PathVariable long id, @RequestParam(defaultValue = "") String body, Model model,
			RedirectAttributes redirect) {
		try {
			var post = circles.post(id, body, Pages.me());
			redirect.addFlashAttribute("message", "Posted.");
			return "redirect:/community/circles/" + id + "#post-" + post.id();
		}
		catch (InvalidInputException e) {
			return render(id, 0, model, Problems.messages(e), body, null);
		}
	}

	@PostMapping("/community/circles/{id}/posts/{postId}/delete")
	String deletePost(@PathVariable long id, @PathVariable long postId, RedirectAttributes redirect) {
		circles.deletePost(id, postId, Pages.me());
		redirect.addFlashAttribute("message", "Post deleted.");
		return "redirect:/community/circles/" + id;
	}

	@PostMapping("/community/circles/{id}/events")
	@RateLimitedPosting
	String schedule(@PathVariable long id, @ModelAttribute("eventForm") EventForm form, Model model,
			RedirectAttributes redirect) {
		try {
			var event = circles.schedule(id, form.toEvent(ViewerZone.of(people)), Pages.me());
			redirect.addFlashAttribute("message", "Event scheduled.");
			return "redirect:/community/circles/" + id + "#event-" + event.id();
		}
		catch (InvalidInputException e) {
			return render(id, 0, model, Problems.messages(e), null, form);
		}
	}

	@PostMapping("/community/circles/{id}/events/{eventId}/rsvp")
	String rsvp(@PathVariable long id, @PathVariable long eventId, @RequestParam String answer,
			RedirectAttributes redirect) {
		Rsvp parsed;
		try {
			parsed = Rsvp.valueOf(answer);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("answer", "must be YES, MAYBE or NO");
		}
		try {
			circles.rsvp(id, eventId, parsed, Pages.me());
			redirect.addFlashAttribute("message", "Thanks for answering.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/community/circles/" + id + "#event-" + eventId;
	}

	@PostMapping("/community/circles/{id}/events/{eventId}/cancel")
	String cancel(@PathVariable long id, @PathVariable long eventId, RedirectAttributes redirect) {
		circles.cancel(id, eventId, Pages.me());
		redirect.addFlashAttribute("message", "Event cancelled.");
		return "redirect:/community/circles/" + id;
	}
}
