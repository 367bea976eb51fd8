package org.guildhall.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A multipart body is read before any controller runs, so this advice applies everywhere. An
 * upload over the limit: the API answers 413 with a problem detail, a page goes back where it came
 * from with a message. A body that is not valid multipart (cut short, wrong boundary) or whose
 * parameters cannot be read is the client's mistake: 400, as a problem detail or the error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		String message = "The file is larger than the limit of " + UploadLimits.describe() + ".";
		if (MalformedParametersFilter.isApi(request)) {
			ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", message);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		RequestContextUtils.getOutputFlashMap(request).put("error", message);
		RequestContextUtils.saveOutputFlashMap(request.getRequestURI(), request, null);
		return new RedirectView(request.getRequestURI(), true);
	}

	@ExceptionHandler(MultipartException.class)
	Object brokenMultipart(HttpServletRequest request) {
		return badRequest(request, "The multipart body cannot be read: it ends early or its parts do not match the boundary.");
	}

	/** Tomcat's, for the parameters of a multipart request (the others are turned away by {@link MalformedParametersFilter}). */
	@ExceptionHandler(InvalidParameterException.class)
	Object unreadableParameters(HttpServletRequest request) {
		return badRequest(request, MalformedParametersFilter.DETAIL);
	}

	private static Object badRequest(HttpServletRequest request, String detail) {
		if (MalformedParametersFilter.isApi(request)) {
			return ResponseEntity.badRequest().body(ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Invalid input", detail));
		}
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}
}
