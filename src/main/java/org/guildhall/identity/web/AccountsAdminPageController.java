package org.guildhall.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.Role;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Administrators manage roles and hand out one-time password links. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountsAdminPageController {

	private final IdentityManagement identity;

	AccountsAdminPageController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/admin/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("accounts", identity.accounts(q, new PageRequest(page, PageRequest.DEFAULT_SIZE)));
		model.addAttribute("roles", Role.values());
		return "identity/accounts";
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("events", identity.auditTrail(new PageRequest(page, 50)));
		return "identity/audit";
	}

	@PostMapping("/admin/accounts/{id}/roles")
	String roles(@PathVariable long id, @RequestParam(required = false) List<Role> roles, RedirectAttributes redirect) {
		Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		try {
			var account = identity.setRoles(id, chosen, CurrentUser.get().orElseThrow());
			redirect.addFlashAttribute("message", "Roles of " + account.email() + " saved.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", "Roles not saved: " + e.problems().get(0).message() + ".");
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/password-link")
	String passwordLink(@RequestParam String email, RedirectAttributes redirect) {
		try {
			String secret = identity.issuePasswordLink(email, CurrentUser.get().orElseThrow());
			String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/password").queryParam("token", secret)
				.toUriString();
			redirect.addFlashAttribute("link", link);
			redirect.addFlashAttribute("linkFor", email);
		}
		catch (NotFoundException | InvalidInputException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/accounts";
	}
}
