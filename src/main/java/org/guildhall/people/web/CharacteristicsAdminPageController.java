package org.guildhall.people.web;

import org.guildhall.people.Characteristics;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators turn self-reported characteristics on or off and choose what is asked. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CharacteristicsAdminPageController {

	/** Rows the form binds at most: the characteristics allowed and one blank. */
	private static final int MAX_ROWS = Characteristics.MAX_CHARACTERISTICS + 1;

	private final Characteristics characteristics;

	CharacteristicsAdminPageController(Characteristics characteristics) {
		this.characteristics = characteristics;
	}

	@GetMapping("/admin/characteristics")
	String show(Model model) {
		model.addAttribute("form", CharacteristicsForm.of(characteristics.settings()));
		return "people/characteristics-admin";
	}

	@PostMapping("/admin/characteristics")
	String save(@ModelAttribute("form") CharacteristicsForm form, Model model, RedirectAttributes redirect) {
		try {
			if (form.getRows().size() > MAX_ROWS) {
				throw new InvalidInputException("characteristics", "at most " + Characteristics.MAX_CHARACTERISTICS + " characteristics");
			}
			boolean wasOn = characteristics.settings().on();
			var saved = characteristics.configure(form.isOn(), form.characteristics(), CurrentUser.get().orElseThrow());
			redirect.addFlashAttribute("message", saved.on()
					? "Saved: people are asked " + saved.asked().size() + " characteristic" + (saved.asked().size() == 1 ? "" : "s")
							+ " on their profile."
					: wasOn ? "Saved: characteristics are off, and every answer given has been deleted."
							: "Saved: characteristics are off.");
			return "redirect:/admin/characteristics";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", e.problems().stream().map(InvalidInputException.FieldProblem::sentence).toList());
			return "people/characteristics-admin";
		}
	}
}
