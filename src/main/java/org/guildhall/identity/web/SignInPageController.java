package org.guildhall.identity.web;

import java.util.stream.Collectors;

import org.guildhall.shared.SignInHint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInPageController {

	private final ObjectProvider<SignInHint> hints;

	SignInPageController(ObjectProvider<SignInHint> hints) {
		this.hints = hints;
	}

	@GetMapping("/login")
	String login(Model model) {
		String hint = hints.orderedStream().map(SignInHint::text).collect(Collectors.joining(" "));
		model.addAttribute("demoHint", hint.isBlank() ? null : hint);
		return "identity/login";
	}
}
