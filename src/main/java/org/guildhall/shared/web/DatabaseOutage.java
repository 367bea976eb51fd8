package org.guildhall.shared.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The database is away (stopped, restarting, unreachable): every request answers at once with 503,
 * {@code Retry-After} and a problem detail (API) or a short page, instead of a 500 with a stack
 * trace. How fast "at once" is comes from the pool's {@code connection-timeout} (application.yml).
 * <p>
 * This filter is the outermost net, for failures before or outside a controller (the session store
 * and token lookups are in the database too); {@link ApiExceptionHandler} answers the same way for
 * API controllers. Nothing is kept: once the database is back, the pool reconnects by itself.
 */
@Component
public class DatabaseOutage extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	static final int RETRY_AFTER_SECONDS = 5;
	/** Larger than any page Guildhall renders today (the largest, the insights pages, are about 30 KB). */
	static final int RESPONSE_BUFFER_BYTES = 64 * 1024;
	static final String DETAIL = "Guildhall cannot reach its database just now (it is away or too busy). "
			+ "Nothing was changed; try again in a few seconds.";
	/** SQLSTATE class 08: connection exception (the connection failed, was closed or cut). */
	private static final String CONNECTION_EXCEPTION = "08";
	/** PostgreSQL: terminated by an administrator, crash shutdown, cannot connect now (starting or stopping). */
	private static final java.util.Set<String> SHUTTING_DOWN = java.util.Set.of("57P01", "57P02", "57P03");

	/** Outside the session store (which reads sessions from the database), inside the parameter check. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	/**
	 * Whether the failure (or one of its causes) says the database cannot be reached, rather than a
	 * bug: no connection to be had, or the connection cut under a running statement (PostgreSQL
	 * shutting down, a network failure), which then also fails the rollback.
	 */
	public static boolean isOutage(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
					|| SHUTTING_DOWN.contains(sql.getSQLState()))) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// a page is held until it is complete (up to this size): the session store saves the session when the
		// response is first sent, and a save that fails after part of the page went out leaves a cut-off page
		// instead of this 503
		response.setBufferSize(RESPONSE_BUFFER_BYTES);
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!isOutage(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
			response.resetBuffer();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
			if (MalformedParametersFilter.isApi(request)) {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				Map<String, Object> problem = new LinkedHashMap<>();
				problem.put("type", "about:blank");
				problem.put("title", "Service unavailable");
				problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
				problem.put("detail", DETAIL);
				problem.put("instance", request.getRequestURI());
				response.getWriter().write(JsonMapper.shared().writeValueAsString(problem));
			}
			else {
				// written here, not through the error page: rendering that would ask the database again
				response.setContentType("text/html;charset=UTF-8");
				response.getWriter().write("""
						<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Guildhall: try again shortly</title></head>
						<body><main><h1>Guildhall is not available just now</h1><p>%s</p></main></body></html>
						""".formatted(DETAIL));
			}
		}
	}

	public static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
