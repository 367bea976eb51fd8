package org.guildhall.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guildhall.identity.internal.SecondStep;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: a code from the authenticator app, a recovery code or a passkey.
 * Only a browser whose password was right gets here (everything else sends it back here).
 */
@Controller
class SecondFactorPageController {

	private final SecondStep secondStep;

	SecondFactorPageController(SecondStep secondStep) {
		this.secondStep = secondStep;
	}

	@GetMapping(SecondStep.PAGE)
	String form() {
		return "identity/second-factor";
	}

	@PostMapping(SecondStep.PAGE)
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (code.length() > 64) {
			code = "";
		}
		SecondStep.Result result = secondStep.verify(request, response, code);
		if (result.signedIn()) {
			return "redirect:" + result.redirect();
		}
		if (result.retryIn() != null) {
			long seconds = Math.max(1, (result.retryIn().toMillis() + 999) / 1000);
			response.setHeader("Retry-After", Long.toString(seconds));
			model.addAttribute("error", "Too many wrong codes. Try again in "
					+ (seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes") + ".");
		}
		else {
			model.addAttribute("error", "That code is not right, or was already used. Type the current code from your app, or a recovery code.");
		}
		response.setStatus(result.retryIn() != null ? 429 : 400);
		return "identity/second-factor";
	}
}
