package org.guildhall.community.web;

import org.guildhall.community.KnowledgeBase;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.Post;
import org.guildhall.community.QuestionBoard;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The community start page, the question list and search, asking, a question's thread, answering and accepting. */
@Controller
class QuestionsPageController {

	private final QuestionBoard questions;
	private final KnowledgeBase articles;
	private final SkillCatalog skills;

	QuestionsPageController(QuestionBoard questions, KnowledgeBase articles, SkillCatalog skills) {
		this.questions = questions;
		this.articles = articles;
		this.skills = skills;
	}

	@GetMapping("/community")
	String home(Model model) {
		model.addAttribute("questions", questions.questions(null, null, new PageRequest(0, 10)));
		model.addAttribute("articles", articles.articles(null, null, new PageRequest(0, 5)));
		return "community/home";
	}

	@GetMapping("/community/questions")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("topic", topic);
		model.addAttribute("results", questions.questions(q, topic, new PageRequest(page, PageRequest.DEFAULT_SIZE)));
		return htmx != null ? "community/questions :: results" : "community/questions";
	}

	@GetMapping("/community/questions/new")
	String askForm(Model model) {
		return compose(model, PostForm.empty(), null);
	}

	@PostMapping("/community/questions/new")
	@RateLimitedPosting
	String ask(@ModelAttribute("form") PostForm form, Model model, RedirectAttributes redirect) {
		try {
			Post question = questions.ask(new NewQuestion(form.title(), form.body(), form.topicList()), Pages.me());
			redirect.addFlashAttribute("message", "Your question is posted.");
			return "redirect:/community/questions/" + question.id();
		}
		catch (InvalidInputException e) {
			return compose(model, form, e);
		}
	}

	private String compose(Model model, PostForm form, InvalidInputException problems) {
		model.addAttribute("form", form);
		model.addAttribute("mode", "question");
		model.addAttribute("action", "/community/questions/new");
		model.addAttribute("errors", problems == null ? java.util.List.of() : Problems.messages(problems));
		model.addAttribute("skillNames", skills.search(null, 200).stream().filter(s -> !s.suggested()).toList());
		return "community/compose";
	}

	@GetMapping("/community/questions/{id}")
	String thread(@PathVariable long id, Model model) {
		model.addAttribute("thread", questions.thread(id, Pages.me()));
		return "community/question";
	}

	@PostMapping("/community/questions/{id}/answers")
	@RateLimitedPosting
	String answer(@PathVariable long id, @RequestParam(defaultValue = "") String body, Model model,
			RedirectAttributes redirect) {
		try {
			Post answer = questions.answer(id, body, Pages.me());
			redirect.addFlashAttribute("message", "Your answer is posted.");
			return "redirect:/community/questions/" + id + "#answer-" + answer.id();
		}
		catch (InvalidInputException e) {
			model.addAttribute("answerErrors", Problems.messages(e));
			model.addAttribute("answerDraft", body);
			return thread(id, model);
		}
	}

	@PostMapping("/community/questions/{id}/accept")
	String accept(@PathVariable long id, @RequestParam long answerId, RedirectAttributes redirect) {
		questions.accept(id, answerId, Pages.me());
		redirect.addFlashAttribute("message", "Answer accepted. Thank you for closing the loop.");
		return "redirect:/community/questions/" + id + "#answer-" + answerId;
	}
}
