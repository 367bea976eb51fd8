package org.guildhall.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.internal.OwnPasswords;
import org.guildhall.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where someone sets their password with a one-time link (from an administrator, or one they asked
 * for because they forgot their password), and where they ask for such a link.
 */
@Controller
class PasswordPageController {

	private final IdentityManagement identity;
	private final OwnPasswords own;

	PasswordPageController(IdentityManagement identity, OwnPasswords own) {
		this.identity = identity;
		this.own = own;
	}

	@GetMapping("/password")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		if (token.length() > 100 || !identity.passwordLinkUsable(token)) {
			// said before the person types a new password, not after
			model.addAttribute("unusable", true);
			model.addAttribute("error", sentence(IdentityManagement.LINK_UNUSABLE));
		}
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
			identity.setPasswordWithLink(token.length() > 100 ? "" : token, password);
		}
		catch (InvalidInputException e) {
			String message = e.problems().get(0).message();
			boolean link = e.problems().get(0).field().equals("token");
			model.addAttribute("unusable", link);
			model.addAttribute("error", link ? sentence(message) : "The password " + message + ".");
			return "identity/password";
		}
		return "redirect:/login?passwordSet";
	}

	@GetMapping("/password/forgot")
	String forgotten(@RequestParam(required = false) String sent, Model model) {
		model.addAttribute("sent", sent != null);
		return "identity/forgot-password";
	}

	/** The same answer whether or not the e-mail has an account; only an address that asks too often is told to wait. */
	@PostMapping("/password/forgot")
	String forgotten(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (email.isBlank()) {
			model.addAttribute("error", "Type the e-mail address you sign in with.");
			model.addAttribute("sent", false);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/forgot-password";
		}
		if (!own.passwordForgotten(email, request.getRemoteAddr())) {
			model.addAttribute("error", "Too many requests from your network: try again in an hour.");
			model.addAttribute("sent", false);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return "identity/forgot-password";
		}
		return "redirect:/password/forgot?sent";
	}

	private static String sentence(String message) {
		return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
	}
}
