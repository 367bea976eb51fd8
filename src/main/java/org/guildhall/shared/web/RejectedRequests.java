package org.guildhall.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * A request Spring Security's firewall turns away (an encoded {@code %}, {@code /} or NUL in the
 * path, a header value it will not pass on) is the client's mistake: 400, and on the API a problem
 * detail like every other 400, where the firewall's own handler answered with an empty body.
 * Spring Security takes a {@link RequestRejectedHandler} bean for its filter chain.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

	private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

	static final String DETAIL = "The request's path or headers hold characters that are not accepted "
			+ "(an encoded %, / or \\\\, a control character).";

	@Bean
	RequestRejectedHandler problemForRejectedRequests() {
		return RejectedRequests::reject;
	}

	private static void reject(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
			throws IOException {
		log.debug("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
		if (!MalformedParametersFilter.isApi(request)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Invalid input");
		problem.put("status", HttpStatus.BAD_REQUEST.value());
		problem.put("detail", DETAIL);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
	}
}
