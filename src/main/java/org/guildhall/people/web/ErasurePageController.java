package org.guildhall.people.web;

import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonErasure;
import org.guildhall.people.Profile;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators erase a person: a page that says what happens and asks for the person's name. */
@Controller
class ErasurePageController {

	private final PeopleDirectory directory;
	private final PersonErasure erasure;

	ErasurePageController(PeopleDirectory directory, PersonErasure erasure) {
		this.directory = directory;
		this.erasure = erasure;
	}

	@GetMapping("/admin/people/{id}/erase")
	String confirm(@PathVariable long id, Model model) {
		return page(id, model, null, null);
	}

	@PostMapping("/admin/people/{id}/erase")
	String erase(@PathVariable long id, @RequestParam(defaultValue = "") String confirmName, Model model,
			RedirectAttributes redirect) {
		try {
			erasure.erase(id, confirmName, me());
		}
		catch (InvalidInputException | ConflictException e) {
			return page(id, model, confirmName, e instanceof InvalidInputException invalid
					? "The name does not match: " + invalid.problems().get(0).message() : e.getMessage());
		}
		redirect.addFlashAttribute("message", "Person " + id + " was erased. Their other data is being removed in the background.");
		return "redirect:/people/" + id;
	}

	private String page(long id, Model model, String typed, String error) {
		Profile profile = directory.profile(id, me());
		model.addAttribute("profile", profile);
		model.addAttribute("erased", erasure.isErased(id));
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		return "people/erase";
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}
}
