package org.guildhall.community.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guildhall.community.Comment;
import org.guildhall.community.Contributions;
import org.guildhall.community.KnowledgeBase;
import org.guildhall.community.Kudos;
import org.guildhall.community.KudosBoard;
import org.guildhall.community.KudosForSkill;
import org.guildhall.community.NewArticle;
import org.guildhall.community.NewKudos;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.Post;
import org.guildhall.community.PostEdit;
import org.guildhall.community.PostSummary;
import org.guildhall.community.QuestionBoard;
import org.guildhall.community.QuestionThread;
import org.guildhall.community.Revision;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Questions, answers, comments, votes, articles and kudos over JSON. Everyone signed in; edits by the author or an administrator. */
@RestController
@RequestMapping("/api/v1/community")
@Tag(name = "Community", description = "Questions and answers, articles and lessons learned, kudos")
@SecurityRequirement(name = "token")
class CommunityApiController {

	private final QuestionBoard questions;
	private final KnowledgeBase articles;
	private final Contributions contributions;
	private final KudosBoard kudos;

	CommunityApiController(QuestionBoard questions, KnowledgeBase articles, Contributions contributions, KudosBoard kudos) {
		this.questions = questions;
		this.articles = articles;
		this.contributions = contributions;
		this.kudos = kudos;
	}

	@GetMapping("/questions")
	@Operation(summary = "Live questions, newest first; q: words that must all appear in title or body; topic: a skill name or alias")
	PageResult<PostSummary> questions(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return questions.questions(q, topic, new PageRequest(page, size));
	}

	@PostMapping("/questions")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Ask a question: title (10–200 characters), body in Markdown (at most 20,000), 1–5 topics (skills)")
	Post ask(@RequestBody NewQuestion question) {
		return questions.ask(question, me());
	}

	@GetMapping("/questions/{id}")
	@Operation(summary = "A question with its answers (accepted first, then by score) and comments")
	QuestionThread thread(@PathVariable long id) {
		return questions.thread(id, me());
	}

	@PostMapping("/questions/{id}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Answer a question (Markdown, at most 20,000 characters)")
	Post answer(@PathVariable long id, @RequestBody ApiBodies.Text answer) {
		return questions.answer(id, answer.body(), me());
	}

	@PutMapping("/questions/{id}/accepted-answer")
	@Operation(summary = "Accept an answer (the asker only; accepting another one replaces it)")
	QuestionThread accept(@PathVariable long id, @RequestBody ApiBodies.Acceptance acceptance) {
		return questions.accept(id, acceptance.answerId(), me());
	}

	@GetMapping("/posts/{id}")
	@Operation(summary = "One live question, answer or article")
	Post post(@PathVariable long id) {
		return contributions.post(id, me());
	}

	@PutMapping("/posts/{id}")
	@Operation(summary = "Edit a post (author or administrator); send the version you read; answers take only a body")
	Post edit(@PathVariable long id, @RequestBody PostEdit edit) {
		return contributions.edit(id, edit, me());
	}

	@DeleteMapping("/posts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a post (author or administrator): it disappears from lists, threads and search")
	void delete(@PathVariable long id) {
		contributions.delete(id, me());
	}

	@GetMapping("/posts/{id}/revisions")
	@Operation(summary = "Every version of a post, newest first")
	List<Revision> revisions(@PathVariable long id) {
		return contributions.revisions(id, me());
	}

	@PutMapping("/posts/{id}/vote")
	@Operation(summary = "Vote UP or DOWN (one vote per person; voting again the same way changes nothing)")
	ApiBodies.Score vote(@PathVariable long id, @RequestBody ApiBodies.VoteBody vote) {
		return new ApiBodies.Score(id, contributions.vote(id, vote.vote(), me()));
	}

	@DeleteMapping("/posts/{id}/vote")
	@Operation(summary = "Take one's vote back")
	ApiBodies.Score unvote(@PathVariable long id) {
		return new ApiBodies.Score(id, contributions.vote(id, null, me()));
	}

	@DeleteMapping("/comments/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete one's own comment, for good (its author only; administrators hide comments instead)")
	void deleteComment(@PathVariable long id) {
		contributions.deleteComment(id, me());
	}

	@PostMapping("/posts/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Comment under a post (plain text, at most 1,000 characters)")
	Comment comment(@PathVariable long id, @RequestBody ApiBodies.Text comment) {
		return contributions.comment(id, comment.body(), me());
	}

	@GetMapping("/articles")
	@Operation(summary = "Live articles and lessons learned, newest first")
	PageResult<PostSummary> articles(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return articles.articles(q, topic, new PageRequest(page, size));
	}

	@PostMapping("/articles")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Publish an article or lesson learned in Markdown (at most 60,000 characters), 1–5 topics")
	Post publish(@RequestBody NewArticle article) {
		return articles.publish(article, me());
	}

	@GetMapping("/articles/{id}")
	@Operation(summary = "One article, its Markdown rendered as sanitised HTML in bodyHtml")
	Post article(@PathVariable long id) {
		return articles.article(id, me());
	}

	@PostMapping("/kudos")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimitedPosting
	@Operation(summary = "Thank a colleague for a skill (message 5–500 characters; not to yourself)")
	Kudos give(@RequestBody NewKudos newKudos) {
		return kudos.give(newKudos, me());
	}

	@GetMapping("/people/{id}/kudos")
	@Operation(summary = "Kudos a person received, by skill: count and latest three")
	List<KudosForSkill> kudos(@PathVariable long id) {
		return kudos.received(id);
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
