package org.guildhall.identity.web;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.IssuedToken;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The personal access tokens section of one's own profile page (loaded and updated with htmx). */
@Controller
class TokensPageController {

	private final IdentityManagement identity;

	TokensPageController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/account/tokens")
	String list(Model model) {
		return render(model, null, null);
	}

	@PostMapping("/account/tokens")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer validDays,
			Model model) {
		try {
			IssuedToken issued = identity.issueToken(me().accountId(), name, validDays);
			return render(model, issued.secret(), null);
		}
		catch (InvalidInputException e) {
			return render(model, null, e.problems().get(0).sentence());
		}
		catch (ConflictException e) {
			return render(model, null, e.getMessage());
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id, Model model) {
		identity.revokeToken(me().accountId(), id);
		return render(model, null, null);
	}

	private String render(Model model, String secret, String error) {
		model.addAttribute("tokens", identity.tokens(me().accountId()));
		model.addAttribute("secret", secret);
		model.addAttribute("error", error);
		model.addAttribute("now", java.time.Instant.now());
		return "identity/tokens :: tokens";
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
