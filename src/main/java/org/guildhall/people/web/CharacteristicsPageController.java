package org.guildhall.people.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guildhall.people.Characteristics;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person gives, changes or withdraws their self-reported characteristics from their profile
 * editor. Only for themselves: anyone else (an administrator too) is refused.
 */
@Controller
class CharacteristicsPageController {

	private static final String PREFIX = "answer.";

	private final Characteristics characteristics;

	CharacteristicsPageController(Characteristics characteristics) {
		this.characteristics = characteristics;
	}

	@PostMapping("/people/{id}/characteristics")
	String answer(@PathVariable long id, @RequestParam(defaultValue = "false") boolean consent,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		CurrentUser me = me();
		Map<String, String> answers = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(PREFIX)) {
				answers.put(name.substring(PREFIX.length()), value);
			}
		});
		try {
			characteristics.answer(id, consent, answers, me);
			redirect.addFlashAttribute("characteristicsMessage", "Your answers are saved. You can change or withdraw them here at any time.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("characteristicsError", "Not saved: " + e.problems().stream()
				.map(InvalidInputException.FieldProblem::sentence)
				.reduce((a, b) -> a + "; " + b).orElse(""));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("characteristicsError", e.getMessage());
		}
		return "redirect:/people/" + id + "/edit#characteristics";
	}

	@PostMapping("/people/{id}/characteristics/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		characteristics.withdraw(id, me());
		redirect.addFlashAttribute("characteristicsMessage", "Your consent is withdrawn and your answers are deleted.");
		return "redirect:/people/" + id + "/edit#characteristics";
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}
}
