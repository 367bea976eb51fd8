package org.guildhall.community.web;

import org.guildhall.community.Contributions;
import org.guildhall.community.Post;
import org.guildhall.community.PostEdit;
import org.guildhall.community.PostKind;
import org.guildhall.community.Vote;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editing, history, deleting, voting on and commenting under any post. */
@Controller
class PostsPageController {

	private final Contributions contributions;
	private final SkillCatalog skills;

	PostsPageController(Contributions contributions, SkillCatalog skills) {
		this.contributions = contributions;
		this.skills = skills;
	}

	@GetMapping("/community/posts/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Post post = editable(id);
		return editor(model, post, PostForm.of(post), null);
	}

	@PostMapping("/community/posts/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") PostForm form, Model model, RedirectAttributes redirect) {
		Post post = editable(id);
		try {
			boolean answer = post.kind() == PostKind.ANSWER;
			Post saved = contributions.edit(id, new PostEdit(answer ? null : form.title(), form.body(),
					answer ? null : form.topicList(), form.versionRead(), form.reason()), Pages.me());
			redirect.addFlashAttribute("message", "Saved. The previous version is kept in the history.");
			return "redirect:" + Pages.linkTo(saved);
		}
		catch (InvalidInputException e) {
			return editor(model, post, form, Problems.messages(e));
		}
		catch (ConflictException e) {
			return editor(model, post, form, java.util.List.of(e.getMessage()));
		}
	}

	private String editor(Model model, Post post, PostForm form, java.util.List<String> errors) {
		model.addAttribute("post", post);
		model.addAttribute("form", form);
		model.addAttribute("mode", post.kind() == PostKind.ANSWER ? "answer" : "edit");
		model.addAttribute("action", "/community/posts/" + post.id() + "/edit");
		model.addAttribute("moderating", !Pages.me().is(post.author().id()));
		model.addAttribute("errors", errors == null ? java.util.List.of() : errors);
		model.addAttribute("skillNames", skills.search(null, 200).stream().filter(s -> !s.suggested()).toList());
		return "community/compose";
	}

	private Post editable(long id) {
		Post post = contributions.post(id, Pages.me());
		if (!post.mayEdit()) {
			throw new AccessDeniedException("Only the author or an administrator may edit this post");
		}
		return post;
	}

	@GetMapping("/community/posts/{id}/history")
	String history(@PathVariable long id, Model model) {
		model.addAttribute("post", contributions.post(id, Pages.me()));
		model.addAttribute("revisions", contributions.revisions(id, Pages.me()));
		return "community/history";
	}

	@PostMapping("/community/posts/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		CurrentUser me = Pages.me();
		Post post = contributions.post(id, me);
		contributions.delete(id, me);
		redirect.addFlashAttribute("message", "Deleted.");
		return switch (post.kind()) {
			case ANSWER -> "redirect:/community/questions/" + post.questionId();
			case QUESTION -> "redirect:/community/questions";
			case ARTICLE -> "redirect:/community/articles";
		};
	}

	@PostMapping("/community/comments/{id}/delete")
	String deleteComment(@PathVariable long id, RedirectAttributes redirect) {
		CurrentUser me = Pages.me();
		Post post = contributions.postOfComment(id, me);
		contributions.deleteComment(id, me);
		redirect.addFlashAttribute("message", "Comment deleted.");
		return "redirect:" + Pages.linkTo(post);
	}

	@PostMapping("/community/posts/{id}/vote")
	String vote(@PathVariable long id, @RequestParam String value,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		CurrentUser me = Pages.me();
		Vote vote = switch (value) {
			case "up" -> Vote.UP;
			case "down" -> Vote.DOWN;
			case "none" -> null;
			default -> throw new InvalidInputException("value", "must be up, down or none");
		};
		String error = null;
		try {
			contributions.vote(id, vote, me);
		}
		catch (InvalidInputException e) {
			error = Problems.messages(e).get(0);
		}
		Post post = contributions.post(id, me);
		if (htmx != null) {
			model.addAttribute("post", post);
			model.addAttribute("voteError", error);
			return "community/parts :: vote";
		}
		if (error != null) {
			redirect.addFlashAttribute("error", error);
		}
		return "redirect:" + Pages.linkTo(post);
	}

	@PostMapping("/community/posts/{id}/comments")
	@RateLimitedPosting
	String comment(@PathVariable long id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		CurrentUser me = Pages.me();
		try {
			contributions.comment(id, body, me);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", Problems.messages(e).get(0).replace("Body", "Comment"));
		}
		return "redirect:" + Pages.linkTo(contributions.post(id, me));
	}
}
