package org.guildhall.identity.web;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where someone sets their password with a one-time link from an administrator. */
@Controller
class PasswordPageController {

	private final IdentityManagement identity;

	PasswordPageController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/password")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "identity/password";
	}

	@PostMapping("/password")
	String set(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordAgain, Model model) {
		model.addAttribute("token", token);
		if (!password.equals(passwordAgain)) {
			model.addAttribute("error", "The two passwords differ.");
			return "identity/password";
		}
		try {
			identity.setPasswordWithLink(token, password);
		}
		catch (InvalidInputException e) {
			String message = e.problems().get(0).message();
			model.addAttribute("error", e.problems().get(0).field().equals("token")
					? Character.toUpperCase(message.charAt(0)) + message.substring(1) + "." : "The password " + message + ".");
			return "identity/password";
		}
		return "redirect:/login?passwordSet";
	}
}
