package org.guildhall.community.web;

import org.guildhall.community.KnowledgeBase;
import org.guildhall.community.NewArticle;
import org.guildhall.community.Post;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Articles and lessons learned: the list, writing one, reading one. */
@Controller
class ArticlesPageController {

	private final KnowledgeBase articles;
	private final SkillCatalog skills;

	ArticlesPageController(KnowledgeBase articles, SkillCatalog skills) {
		this.articles = articles;
		this.skills = skills;
	}

	@GetMapping("/community/articles")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("topic", topic);
		model.addAttribute("results", articles.articles(q, topic, new PageRequest(page, PageRequest.DEFAULT_SIZE)));
		return "community/articles";
	}

	@GetMapping("/community/articles/new")
	String writeForm(Model model) {
		return compose(model, PostForm.empty(), null);
	}

	@PostMapping("/community/articles/new")
	@RateLimitedPosting
	String publish(@ModelAttribute("form") PostForm form, Model model, RedirectAttributes redirect) {
		try {
			Post article = articles.publish(new NewArticle(form.title(), form.body(), form.topicList(), form.lesson(),
					articles.lessonsFromMentorships() ? form.mentorshipId() : null),
					Pages.me());
			redirect.addFlashAttribute("message", "Published.");
			return "redirect:/community/articles/" + article.id();
		}
		catch (InvalidInputException e) {
			return compose(model, form, e);
		}
	}

	private String compose(Model model, PostForm form, InvalidInputException problems) {
		model.addAttribute("form", form);
		model.addAttribute("mode", "article");
		model.addAttribute("lessonsFromMentorships", articles.lessonsFromMentorships());
		model.addAttribute("action", "/community/articles/new");
		model.addAttribute("errors", problems == null ? java.util.List.of() : Problems.messages(problems));
		model.addAttribute("skillNames", skills.search(null, 200).stream().filter(s -> !s.suggested()).toList());
		return "community/compose";
	}

	@GetMapping("/community/articles/{id}")
	String article(@PathVariable long id, Model model) {
		model.addAttribute("post", articles.article(id, Pages.me()));
		return "community/article";
	}
}
