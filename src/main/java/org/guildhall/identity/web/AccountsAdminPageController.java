package org.guildhall.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.Role;
import org.guildhall.identity.internal.SecondFactors;
import org.guildhall.people.PeopleDirectory;
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
	private final SecondFactors factors;

	private final PeopleDirectory people;

	AccountsAdminPageController(IdentityManagement identity, SecondFactors factors, PeopleDirectory people) {
		this.identity = identity;
		this.people = people;
		this.factors = factors;
	}

	@GetMapping("/admin/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		var accounts = identity.accounts(q, new PageRequest(page, PageRequest.DEFAULT_SIZE));
		model.addAttribute("accounts", accounts);
		model.addAttribute("roles", Role.values());
		model.addAttribute("withFactor", factors.withFactor(accounts.items().stream().map(a -> a.id()).toList()));
		// people an HR import deactivated: in the directory, but no longer active (two queries for the page)
		List<Long> personIds = accounts.items().stream().map(a -> a.personId()).filter(java.util.Objects::nonNull).toList();
		java.util.Set<Long> deactivated = new java.util.HashSet<>(people.refs(personIds).keySet());
		deactivated.removeAll(people.activeRefs(personIds).keySet());
		model.addAttribute("deactivated", deactivated);
		model.addAttribute("secondFactorRequired", factors.requiredForStaff());
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

	/** The organisation's rule: administrators and programme managers must have a second factor. */
	@PostMapping("/admin/accounts/second-factor-policy")
	String secondFactorPolicy(@RequestParam(defaultValue = "false") boolean required, jakarta.servlet.http.HttpSession session,
			RedirectAttributes redirect) {
		int signedOut = factors.requireForStaff(required, CurrentUser.get().orElseThrow(), session.getId());
		redirect.addFlashAttribute("message", required
				? "Administrators and programme managers now need a second factor: those without one are asked to set one up when they next sign in"
						+ (signedOut == 0 ? "." : " (" + signedOut + " signed out now).")
				: "A second factor is now optional for everyone.");
		return "redirect:/admin/accounts";
	}

	/** For someone who lost their phone and recovery codes: removes all their second factors (they are told). */
	@PostMapping("/admin/accounts/{id}/second-factors/remove")
	String removeSecondFactors(@PathVariable long id, RedirectAttributes redirect) {
		try {
			factors.removeAll(id, CurrentUser.get().orElseThrow());
			redirect.addFlashAttribute("message", "Second factors of " + identity.account(id).map(a -> a.email()).orElse("")
					+ " removed; they sign in with their password alone (or set one up again, if required).");
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/accounts";
	}

	/** The same link, sent by e-mail to the person instead of shown here. */
	@PostMapping("/admin/accounts/password-link/mail")
	String mailPasswordLink(@RequestParam String email, RedirectAttributes redirect) {
		try {
			var account = identity.mailPasswordLink(email, CurrentUser.get().orElseThrow());
			redirect.addFlashAttribute("message", "A link to set a password is on its way to " + account.email()
					+ "; it works once, for 72 hours.");
		}
		catch (NotFoundException | InvalidInputException e) {
			redirect.addFlashAttribute("error", e instanceof InvalidInputException invalid
					? "No link sent: " + invalid.problems().get(0).message() + "." : e.getMessage());
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
