package org.guildhall.community.web;

import java.util.HashMap;
import java.util.Map;

import org.guildhall.community.KudosBoard;
import org.guildhall.community.NewKudos;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Giving kudos from a profile or a person's community page. With htmx the answer is the kudos
 * section alone; without JavaScript it is the page the form was on again, with the outcome.
 */
@Controller
class KudosPageController {

	private final KudosBoard kudos;
	private final CommunityProfileSection section;

	KudosPageController(KudosBoard kudos, CommunityProfileSection section) {
		this.kudos = kudos;
		this.section = section;
	}

	/** The kudos section on its own, as htmx swaps it in. */
	@GetMapping("/community/people/{id}/kudos")
	String received(@PathVariable long id, Model model) {
		return render(model, id);
	}

	@PostMapping("/community/people/{id}/kudos")
	@RateLimitedPosting
	String give(@PathVariable long id, @RequestParam(defaultValue = "") String skill,
			@RequestParam(defaultValue = "") String message, @RequestParam(required = false) String back,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		Map<String, Object> outcome = new HashMap<>();
		try {
			kudos.give(new NewKudos(id, skill, message), Pages.me());
			outcome.put("kudosMessage", "Thank you: your kudos is on the profile.");
		}
		catch (InvalidInputException e) {
			outcome.put("kudosErrors", Problems.messages(e));
			outcome.put("kudosSkill", skill);
			outcome.put("kudosText", message);
		}
		if (htmx == null) {
			outcome.forEach(redirect::addFlashAttribute);
			return "redirect:" + back(id, back) + "#kudos";
		}
		model.addAllAttributes(outcome);
		model.addAttribute("back", back(id, back));
		return render(model, id);
	}

	private String render(Model model, long personId) {
		CurrentUser me = Pages.me();
		section.person(personId).orElseThrow(() -> new NotFoundException("No person with id " + personId));
		model.addAllAttributes(section.kudos(personId, me));
		return "community/kudos :: kudos";
	}

	/** Back to the profile or the community page of the same person, never anywhere else. */
	private static String back(long personId, String back) {
		return back != null && back.equals("/community/people/" + personId) ? back : "/people/" + personId;
	}
}
