package org.guildhall.community.web;

import org.guildhall.community.Contributions;
import org.guildhall.community.Moderation;
import org.guildhall.community.Post;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderation pages: hide a post, comment or kudos message from its page, the list of hidden ones, show one again (administrators). */
@Controller
class ModerationPageController {

	private final Moderation moderation;
	private final Contributions contributions;

	ModerationPageController(Moderation moderation, Contributions contributions) {
		this.moderation = moderation;
		this.contributions = contributions;
	}

	@GetMapping("/community/moderation")
	String hidden(Model model) {
		model.addAttribute("hidden", moderation.hidden(Pages.me()));
		return "community/moderation";
	}

	@PostMapping("/community/posts/{id}/hide")
	String hide(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		CurrentUser me = Pages.me();
		Post post = contributions.post(id, me);
		try {
			moderation.hide(id, reason, me);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("message", "Not hidden: " + String.join("; ", Problems.messages(e)));
			return "redirect:" + Pages.linkTo(post);
		}
		redirect.addFlashAttribute("message", "Hidden. Its author is told why; it is listed under moderation.");
		return "redirect:/community/moderation";
	}

	@PostMapping("/community/comments/{id}/hide")
	String hideComment(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		CurrentUser me = Pages.me();
		Post post = contributions.postOfComment(id, me);
		try {
			moderation.hideComment(id, reason, me);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("message", "Not hidden: " + String.join("; ", Problems.messages(e)));
			return "redirect:" + Pages.linkTo(post);
		}
		redirect.addFlashAttribute("message", "Comment hidden. Its author is told why; it is listed under moderation.");
		return "redirect:/community/moderation";
	}

	@PostMapping("/community/comments/{id}/show")
	String showComment(@PathVariable long id, RedirectAttributes redirect) {
		moderation.showComment(id, Pages.me());
		redirect.addFlashAttribute("message", "Comment shown again.");
		return "redirect:/community/moderation";
	}

	@PostMapping("/community/kudos/{id}/hide")
	String hideKudos(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			moderation.hideKudos(id, reason, Pages.me());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("message", "Not hidden: " + String.join("; ", Problems.messages(e)));
			return "redirect:/community/moderation";
		}
		redirect.addFlashAttribute("message", "Kudos message hidden. Its giver is told why; it is listed under moderation.");
		return "redirect:/community/moderation";
	}

	@PostMapping("/community/kudos/{id}/show")
	String showKudos(@PathVariable long id, RedirectAttributes redirect) {
		moderation.showKudos(id, Pages.me());
		redirect.addFlashAttribute("message", "Kudos message shown again.");
		return "redirect:/community/moderation";
	}

	@PostMapping("/community/posts/{id}/show")
	String show(@PathVariable long id, RedirectAttributes redirect) {
		moderation.show(id, Pages.me());
		redirect.addFlashAttribute("message", "Shown again.");
		return "redirect:/community/moderation";
	}
}
