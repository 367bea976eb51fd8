package org.guildhall.people.web;

import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The skill taxonomy for everyone, and the suggestions queue for administrators. */
@Controller
class SkillsPageController {

	private final SkillCatalog skills;

	SkillsPageController(SkillCatalog skills) {
		this.skills = skills;
	}

	@GetMapping("/skills")
	String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("skills", skills.search(q, 200));
		return "people/skills";
	}

	@GetMapping("/admin/skills")
	@PreAuthorize("hasRole('ADMIN')")
	String suggestions(Model model) {
		model.addAttribute("suggestions", skills.suggestions());
		model.addAttribute("approved", skills.search(null, 200).stream().filter(s -> !s.suggested()).toList());
		return "people/skill-suggestions";
	}

	@PostMapping("/admin/skills/{id}/approve")
	@PreAuthorize("hasRole('ADMIN')")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		skills.approve(id);
		redirect.addFlashAttribute("message", "Skill approved.");
		return "redirect:/admin/skills";
	}

	@PostMapping("/admin/skills/{id}/merge")
	@PreAuthorize("hasRole('ADMIN')")
	String merge(@PathVariable long id, @RequestParam long into, RedirectAttributes redirect) {
		try {
			skills.merge(id, into);
			redirect.addFlashAttribute("message", "Skill merged; its name is now an alias.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/skills";
	}
}
