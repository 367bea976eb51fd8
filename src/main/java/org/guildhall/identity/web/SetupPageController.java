package org.guildhall.identity.web;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.internal.FirstAdministrator;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one-time page that creates the first administrator, reachable only with the key from the log. */
@Controller
class SetupPageController {

	private final FirstAdministrator firstAdministrator;
	private final IdentityManagement identity;

	SetupPageController(FirstAdministrator firstAdministrator, IdentityManagement identity) {
		this.firstAdministrator = firstAdministrator;
		this.identity = identity;
	}

	record SetupForm(@NotBlank(message = "is required") @Email(message = "is not a valid e-mail address") @Size(max = 254) String email,
			@NotBlank(message = "is required") @Size(max = 200) String displayName,
			@NotBlank(message = "is required") String password, String passwordAgain) {
	}

	@GetMapping("/setup")
	String form(@RequestParam Optional<String> key, Model model) {
		requireKey(key);
		model.addAttribute("key", key.get());
		model.addAttribute("form", new SetupForm("", "", "", ""));
		return "identity/setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam Optional<String> key, @Valid @ModelAttribute("form") SetupForm form,
			BindingResult errors, Model model) {
		requireKey(key);
		model.addAttribute("key", key.get());
		if (!errors.hasFieldErrors("password") && !form.password().equals(form.passwordAgain())) {
			errors.rejectValue("passwordAgain", "mismatch", "does not match the password");
		}
		if (errors.hasErrors()) {
			return "identity/setup";
		}
		try {
			identity.createFirstAdmin(form.email(), form.displayName(), form.password());
		}
		catch (InvalidInputException e) {
			e.problems().forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
			return "identity/setup";
		}
		catch (ConflictException e) {
			return "redirect:/login";
		}
		firstAdministrator.setupDone();
		return "redirect:/login?setupDone";
	}

	private void requireKey(Optional<String> key) {
		if (!firstAdministrator.acceptsSetupKey(key)) {
			throw new NotFoundException("No setup is waiting");
		}
	}
}
