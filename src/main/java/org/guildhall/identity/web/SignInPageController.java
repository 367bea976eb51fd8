package org.guildhall.identity.web;

import java.util.stream.Collectors;

import org.guildhall.shared.SignInHint;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInPageController {

	private final ObjectProvider<SignInHint> hints;

	SignInPageController(ObjectProvider<SignInHint> hints) {
		this.hints = hints;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "throttled", required = false) @Nullable String throttled, Model model) {
		if (throttled != null) {
			// the seconds to wait, as the throttle put them in the redirect; anything else reads as "a while"
			long seconds = throttled.matches("\\d{1,7}") ? Long.parseLong(throttled) : 0;
			model.addAttribute("retryIn", seconds == 0 ? "a little while"
					: seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes");
		}
		String hint = hints.orderedStream().map(SignInHint::text).collect(Collectors.joining(" "));
		model.addAttribute("demoHint", hint.isBlank() ? null : hint);
		return "identity/login";
	}
}
