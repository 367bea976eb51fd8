package org.guildhall.community.web;

import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewKudos;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The kudos section of a profile page (loaded with htmx): kudos by skill and a form to give one. */
@Controller
class KudosPageController {

	private final KudosBoard kudos;

	KudosPageController(KudosBoard kudos) {
		this.kudos = kudos;
	}

	@GetMapping("/community/people/{id}/kudos")
	String received(@PathVariable long id, Model model) {
		return render(model, id, null, null, null, null);
	}

	@PostMapping("/community/people/{id}/kudos")
	@RateLimitedPosting
	String give(@PathVariable long id, @RequestParam(defaultValue = "") String skill,
			@RequestParam(defaultValue = "") String message, Model model) {
		try {
			kudos.give(new NewKudos(id, skill, message), Pages.me());
			return render(model, id, "Thank you: your kudos is on the profile.", null, null, null);
		}
		catch (InvalidInputException e) {
			return render(model, id, null, Problems.messages(e), skill, message);
		}
	}

	private String render(Model model, long personId, String message, java.util.List<String> errors, String skill,
			String text) {
		CurrentUser me = Pages.me();
		model.addAttribute("personId", personId);
		model.addAttribute("groups", kudos.received(personId));
		model.addAttribute("mayGive", me.personId() != null && !me.is(personId));
		model.addAttribute("message", message);
		model.addAttribute("errors", errors == null ? java.util.List.of() : errors);
		model.addAttribute("skill", skill);
		model.addAttribute("text", text);
		return "community/kudos :: kudos";
	}
}
