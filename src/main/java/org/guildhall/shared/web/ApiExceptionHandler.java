package org.guildhall.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guildhall.shared.ConflictException;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors from the JSON API into RFC 9457 problem details. Field errors are listed under
 * {@code errors} as {@code {field, message}}; nothing internal (stack traces, SQL) ever leaves.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		return invalid(e.problems());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleEdit(OptimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", "Someone else changed this in the meantime; reload and try again.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return invalid(List.of(new FieldProblem(e.getName(), "has an invalid value")),
				"Parameter '" + e.getName() + "' has an invalid value");
	}

	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	ProblemDetail constraintViolation(jakarta.validation.ConstraintViolationException e) {
		return invalid(e.getConstraintViolations().stream().map(v -> {
			String path = v.getPropertyPath().toString();
			return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
		}).toList());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegalArgument(IllegalArgumentException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult().getGlobalErrors().forEach(error -> errors
			.add(new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> errors.add(new FieldProblem(String.valueOf(result.getMethodParameter().getParameterName()),
					String.valueOf(error.getDefaultMessage())))));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/** The database is away: 503 with Retry-After, not a 500 (see {@link DatabaseOutage}). */
	@ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.dao.TransientDataAccessResourceException.class,
			org.springframework.transaction.CannotCreateTransactionException.class})
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
		log.warn("Database unavailable, answered 503: {}", DatabaseOutage.rootMessage(e));
		return tryAgainLater("Service unavailable", DatabaseOutage.DETAIL);
	}

	/**
	 * A lock wait timed out: another change to the same data (an HR import being copied, a rebuild)
	 * held it longer than the database waits. Nothing was changed; 503 with Retry-After, not a 500.
	 */
	@ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
			org.springframework.dao.QueryTimeoutException.class})
	ResponseEntity<ProblemDetail> busy(RuntimeException e) {
		log.warn("A lock wait timed out, answered 503: {}", DatabaseOutage.rootMessage(e));
		return tryAgainLater("Busy", BUSY);
	}

	private static ResponseEntity<ProblemDetail> tryAgainLater(String title, String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, title, detail));
	}

	static final String BUSY = "Another change to the same data is being applied just now; nothing was changed. Try again in a few seconds.";

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException e) throws RuntimeException {
		if (e instanceof org.springframework.security.access.AccessDeniedException
				|| e instanceof org.springframework.security.core.AuthenticationException) {
			throw e;
		}
		if (DatabaseOutage.isOutage(e)) {
			return databaseUnavailable(e);
		}
		log.error("Unexpected error in API request", e);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error", "Something went wrong on our side."));
	}

	/** 400 naming every offending field under {@code errors}; the detail repeats the first one. */
	private static ProblemDetail invalid(List<FieldProblem> problems) {
		return invalid(problems, problems.isEmpty() ? "Invalid input"
				: problems.get(0).field() + ": " + problems.get(0).message());
	}

	private static ProblemDetail invalid(List<FieldProblem> problems, String detail) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
		problem.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return problem;
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}
}
