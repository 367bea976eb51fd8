package org.guildhall.community.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/** Too many posts in a minute: 429 with Retry-After, as problem details on the API and as a page in the browser. */
final class CommunityErrors {

	private CommunityErrors() {
	}

	@RestControllerAdvice(assignableTypes = {CommunityApiController.class, FinderApiController.class, AskExpertApiController.class})
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Api {

		@ExceptionHandler(PostingTooFast.class)
		ResponseEntity<ProblemDetail> tooFast(PostingTooFast e) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
			problem.setTitle("Too many posts");
			problem.setType(URI.create("about:blank"));
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
		}
	}

	@ControllerAdvice(assignableTypes = {QuestionsPageController.class, PostsPageController.class,
			ArticlesPageController.class, KudosPageController.class, FinderPageController.class,
			AskExpertPageController.class})
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Pages {

		@ExceptionHandler(PostingTooFast.class)
		ModelAndView tooFast(PostingTooFast e, HttpServletResponse response) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
			ModelAndView page = new ModelAndView("community/slow-down");
			page.addObject("seconds", e.retryAfterSeconds());
			page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
			return page;
		}
	}
}
