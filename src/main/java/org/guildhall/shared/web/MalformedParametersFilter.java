package org.guildhall.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat 11 no longer skips a query-string or form parameter it cannot read (a name that is empty
 * as in {@code ?=x}, a broken %-escape, too many parameters): it throws from every later
 * {@code getParameter} call, wherever that happens to be (a filter, a controller, a template), and
 * each of those turned into a 500 with an ERROR log line. Reading the parameters once here, before
 * anything else does, answers such a request as what it is: the client's mistake, 400.
 * <p>
 * Multipart bodies are left alone: reading them here would read the whole upload before the upload
 * limits and their messages apply. Their failures reach {@link UploadAdvice} and
 * {@link ApiExceptionHandler} instead.
 */
@Component
class MalformedParametersFilter extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(MalformedParametersFilter.class);

	static final String DETAIL = "The request's parameters cannot be read: a parameter without a name, "
			+ "a broken %-escape or too many parameters.";

	/** After the character encoding is set (the form body is decoded with it), before sessions and security. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isMultipart(request)) {
			try {
				request.getParameterMap();
			}
			catch (IllegalStateException e) {
				log.debug("Malformed parameters in {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
				reject(request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (isApi(request)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(JsonMapper.shared().writeValueAsString(problem(request.getRequestURI())));
		}
		else {
			// the error page (templates/error.html) reads no parameters, so it renders
			response.sendError(HttpStatus.BAD_REQUEST.value());
		}
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static Map<String, Object> problem(String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Invalid input");
		problem.put("status", HttpStatus.BAD_REQUEST.value());
		problem.put("detail", DETAIL);
		problem.put("instance", instance);
		problem.put("errors", List.of(Map.of("field", "parameters", "message", DETAIL)));
		return problem;
	}
}
