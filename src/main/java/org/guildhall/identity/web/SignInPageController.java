package org.guildhall.identity.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guildhall.shared.SignInHint;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInPageController {

	/** Seconds between refreshes of the sign-in page while the accounts a hint is about are being set up. */
	static final int REFRESH_SECONDS = 5;

	private final ObjectProvider<SignInHint> hints;

	SignInPageController(ObjectProvider<SignInHint> hints) {
		this.hints = hints;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "throttled", required = false) @Nullable String throttled, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (throttled != null) {
			// the seconds to wait, as the throttle put them in the redirect; anything else reads as "a while"
			long seconds = throttled.matches("\\d{1,7}") ? Long.parseLong(throttled) : 0;
			model.addAttribute("retryIn", seconds == 0 ? "a little while"
					: seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes");
		}
		List<SignInHint> all = hints.orderedStream().toList();
		model.addAttribute("demoHint", text(all, SignInHint.Readiness.READY));
		model.addAttribute("setUpFailed", text(all, SignInHint.Readiness.FAILED));
		String settingUp = text(all, SignInHint.Readiness.SETTING_UP);
		model.addAttribute("settingUp", settingUp);
		if (settingUp != null) {
			// refreshes without JavaScript, to the plain page, so that a "still loading" after a failed attempt goes away
			response.setHeader("Refresh", REFRESH_SECONDS + "; url=" + request.getContextPath() + "/login");
		}
		return "identity/login";
	}

	private static @Nullable String text(List<SignInHint> hints, SignInHint.Readiness readiness) {
		String text = hints.stream().filter(h -> h.readiness() == readiness).map(SignInHint::text)
			.collect(Collectors.joining(" "));
		return text.isBlank() ? null : text;
	}
}
