package org.guildhall.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.internal.OwnPasswords;
import org.guildhall.identity.internal.SecondFactors;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own sign-in security: the password, an authenticator app, passkeys and recovery codes.
 * Every signed-in account may use it; administrators and programme managers can be required to
 * have a second factor.
 */
@Controller
class SecurityPageController {

	private static final String PAGE = "identity/security";

	private final SecondFactors factors;
	private final OwnPasswords passwords;

	SecurityPageController(SecondFactors factors, OwnPasswords passwords) {
		this.factors = factors;
		this.passwords = passwords;
	}

	/** A new password, given the current one; the person's other sessions end. */
	@PostMapping("/account/security/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordAgain, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		String error;
		if (!password.equals(passwordAgain)) {
			error = "The two new passwords differ.";
		}
		else {
			try {
				passwords.change(me(), currentPassword, password, request);
				redirect.addFlashAttribute("message", "Your password is changed; you are signed out everywhere else.");
				return "redirect:/account/security";
			}
			catch (OwnPasswords.MustWait e) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, e.waitFor().toSeconds())));
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("error", e.getMessage() + ".");
				return render(model, null, null);
			}
			catch (IdentityManagement.WrongPassword e) {
				error = "The current password is not right; nothing was changed.";
			}
			catch (InvalidInputException e) {
				error = "The new password " + e.problems().get(0).message() + ".";
			}
		}
		model.addAttribute("error", error);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return render(model, null, null);
	}

	@GetMapping("/account/security")
	String page(@RequestParam(required = false) String passkeyAdded, Model model) {
		if (passkeyAdded != null) {
			model.addAttribute("message", "The passkey was added.");
		}
		return render(model, factors.pendingTotp(me()).orElse(null), null);
	}

	@PostMapping("/account/security/totp")
	String startTotp(Model model) {
		try {
			return render(model, factors.startTotp(me()), null);
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", sentence(e));
			return render(model, null, null);
		}
	}

	@PostMapping("/account/security/totp/confirm")
	String confirmTotp(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
		try {
			List<String> codes = factors.confirmTotp(me(), code.length() > 20 ? "" : code);
			model.addAttribute("message", "Your authenticator app is set up: from now on, signing in asks for a code from it.");
			return render(model, null, codes.isEmpty() ? null : codes);
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", "The code " + e.problems().get(0).message() + ".");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return render(model, factors.pendingTotp(me()).orElse(null), null);
		}
	}

	@PostMapping("/account/security/totp/remove")
	String removeTotp(RedirectAttributes redirect) {
		try {
			factors.removeTotp(me());
			redirect.addFlashAttribute("message", "The authenticator app was removed.");
		}
		catch (InvalidInputException | NotFoundException e) {
			redirect.addFlashAttribute("error", e instanceof InvalidInputException invalid ? sentence(invalid) : e.getMessage());
		}
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/passkeys/remove")
	String removePasskey(@RequestParam(defaultValue = "") String id, RedirectAttributes redirect) {
		try {
			factors.removePasskey(me(), id);
			redirect.addFlashAttribute("message", "The passkey was removed.");
		}
		catch (InvalidInputException | NotFoundException e) {
			redirect.addFlashAttribute("error", e instanceof InvalidInputException invalid ? sentence(invalid) : e.getMessage());
		}
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/recovery-codes")
	String recoveryCodes(Model model, HttpServletResponse response) {
		try {
			List<String> codes = factors.recoveryCodes(me());
			model.addAttribute("message", "New recovery codes: the old ones no longer work.");
			return render(model, null, codes);
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", sentence(e));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return render(model, null, null);
		}
	}

	private String render(Model model, SecondFactors.@Nullable TotpEnrolment enrolment, @Nullable List<String> recoveryCodes) {
		model.addAttribute("status", factors.status(me().accountId()));
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("recoveryCodes", recoveryCodes);
		return PAGE;
	}

	private static String sentence(InvalidInputException e) {
		String message = e.problems().get(0).message();
		return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
