package org.guildhall.community.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.guildhall.community.ExpertRequest;
import org.guildhall.community.ExpertRequests;
import org.guildhall.community.NewFlashOffer;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ask an expert in the browser: the panel on a question (who was asked, offers to pick from, the
 * button to ask experts), the expert's list of requests, and one request's page where the expert
 * answers, declines or offers a session and the asker picks a time. Times are entered and shown in UTC.
 */
@Controller
class AskExpertPageController {

	private final ExpertRequests requests;
	private final PeopleDirectory people;

	AskExpertPageController(ExpertRequests requests, PeopleDirectory people) {
		this.requests = requests;
		this.people = people;
	}

	@GetMapping("/community/questions/{id}/experts")
	String panel(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("questionId", id);
		model.addAttribute("requests", requests.forQuestion(id, Pages.me()));
		model.addAttribute("mayRoute", requests.mayRoute(id, Pages.me()));
		return htmx != null ? "community/ask-expert :: panel" : "community/ask-expert";
	}

	@PostMapping("/community/questions/{id}/ask-experts")
	@RateLimitedPosting
	String route(@PathVariable long id, RedirectAttributes redirect) {
		try {
			List<ExpertRequest> asked = requests.route(id, Pages.me());
			redirect.addFlashAttribute("message", asked.isEmpty()
					? "Nobody with evidence on these topics could be found yet; try again after adding a topic."
					: "Asked " + String.join(", ", asked.stream().map(r -> r.expert().fullName()).toList()) + ".");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/community/questions/" + id + "/experts";
	}

	@GetMapping("/community/asked")
	String mine(Model model) {
		model.addAttribute("requests", requests.sentTo(Pages.me()));
		model.addAttribute("sessions", requests.sessions(Pages.me()));
		return "community/asked";
	}

	@GetMapping("/community/asked/{id}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("request", requests.get(id, Pages.me()));
		return "community/asked-one";
	}

	@GetMapping("/community/asked/{id}/session.ics")
	ResponseEntity<String> calendar(@PathVariable long id) {
		return CalendarDownload.of(requests.invitation(id, Pages.me()), "flash-session-" + id + ".ics");
	}

	@PostMapping("/community/asked/{id}/answer")
	@RateLimitedPosting
	String answer(@PathVariable long id, @RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect) {
		try {
			ExpertRequest request = requests.answer(id, body, Pages.me());
			redirect.addFlashAttribute("message", "Your answer is posted. Thank you.");
			return "redirect:/community/questions/" + request.questionId();
		}
		catch (InvalidInputException e) {
			model.addAttribute("answerErrors", Problems.messages(e));
			model.addAttribute("answerDraft", body);
			return one(id, model);
		}
		catch (ConflictException e) {
			return conflict(id, e, redirect);
		}
	}

	@PostMapping("/community/asked/{id}/decline")
	String decline(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		try {
			requests.decline(id, reason, Pages.me());
			redirect.addFlashAttribute("message", "Declined. The person who asked can ask someone else.");
			return "redirect:/community/asked";
		}
		catch (InvalidInputException e) {
			model.addAttribute("declineErrors", Problems.messages(e));
			return one(id, model);
		}
		catch (ConflictException e) {
			return conflict(id, e, redirect);
		}
	}

	@PostMapping("/community/asked/{id}/offer")
	String offer(@PathVariable long id, @RequestParam(required = false) List<String> slot,
			@RequestParam(defaultValue = "30") String minutes, @RequestParam(defaultValue = "") String message,
			@RequestParam(defaultValue = "") String meetingLink, Model model, RedirectAttributes redirect) {
		try {
			List<FieldProblem> problems = new ArrayList<>();
			List<Instant> slots = new ArrayList<>();
			List<String> given = slot == null ? List.of() : slot;
			for (int i = 0; i < given.size(); i++) {
				if (!given.get(i).isBlank()) {
					try {
						slots.add(LocalDateTime.parse(given.get(i).strip()).atZone(ViewerZone.of(people)).toInstant());
					}
					catch (DateTimeParseException e) {
						problems.add(new FieldProblem("slots[" + i + "]", "is not a date and time"));
					}
				}
			}
			Integer length = null;
			try {
				length = Integer.valueOf(minutes.strip());
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("minutes", "must be a whole number between 15 and 60"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			requests.offer(id, new NewFlashOffer(slots, message, length, meetingLink), Pages.me());
			redirect.addFlashAttribute("message", "Your offer is sent; you will both see the session here once a time is picked.");
			return "redirect:/community/asked/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("offerErrors", Problems.messages(e));
			model.addAttribute("offerMessage", message);
			model.addAttribute("offerLink", meetingLink);
			return one(id, model);
		}
		catch (ConflictException e) {
			return conflict(id, e, redirect);
		}
	}

	@PostMapping("/community/asked/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) Long slotId, RedirectAttributes redirect) {
		if (slotId == null) {
			redirect.addFlashAttribute("error", "Choose one of the offered times first: no time was picked.");
			return "redirect:/community/asked/" + id;
		}
		try {
			requests.acceptSlot(id, slotId, Pages.me());
			redirect.addFlashAttribute("message", "The session is agreed.");
		}
		catch (ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/community/asked/" + id;
	}

	private static String conflict(long id, ConflictException e, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", e.getMessage());
		return "redirect:/community/asked/" + id;
	}
}
