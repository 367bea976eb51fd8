package org.guildhall.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Checks API exchanges against the description the running application publishes at
 * {@code /v3/api-docs}. A response must always match it (its status listed, its body valid for that
 * status); a request must match it whenever the server accepted it (2xx): a request the spec calls
 * invalid that the server took, or one the server took whose shape differs, is a mismatch too.
 * Requests the server refused (4xx) may be wrong on purpose: tests of bad input send them.
 */
public final class ApiContract {

	/** One validator per application context (they all publish the same description, but may differ in settings). */
	private static final Map<WebApplicationContext, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

	private static final List<String> mismatches = new ArrayList<>();

	private ApiContract() {
	}

	/** The description as the application publishes it (OpenAPI 3.0 JSON). */
	public static String spec(WebApplicationContext context) {
		try {
			MockMvc docs = MockMvcBuilders.webAppContextSetup(context).build();
			MockHttpServletResponse response = docs.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/v3/api-docs")).andReturn().getResponse();
			if (response.getStatus() != 200) {
				throw new IllegalStateException("/v3/api-docs answered " + response.getStatus());
			}
			return response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException("Cannot read /v3/api-docs", e);
		}
	}

	public static OpenApiInteractionValidator validator(WebApplicationContext context) {
		return validators.computeIfAbsent(context, c -> {
			String spec = spec(c);
			try {
				Files.createDirectories(Path.of("target"));
				Files.writeString(Path.of("target/api-docs.json"), spec);
			}
			catch (IOException e) {
				// only a copy for people to read
			}
			return OpenApiInteractionValidator.createForInlineApiSpecification(nullableReferencesInline(spec))
				.withLevelResolver(LevelResolver.create()
					// the server ignores query parameters it does not know, as HTTP servers do; the description need not list them
					.withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
					.build())
				.build();
		});
	}

	/**
	 * The description says "this object, or null" as {@code allOf: [{$ref}], nullable: true}, which
	 * OpenAPI 3.0 tools read that way; the validator checks each {@code allOf} part on its own, where
	 * null fails. Putting a copy of the referenced schema in its place, with {@code nullable: true},
	 * says the same in a form the validator reads. Nothing else is changed.
	 */
	public static String nullableReferencesInline(String spec) {
		try {
			com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
			com.fasterxml.jackson.databind.JsonNode root = json.readTree(spec);
			inline(root, root, 0);
			return json.writeValueAsString(root);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void inline(com.fasterxml.jackson.databind.JsonNode root, com.fasterxml.jackson.databind.JsonNode node,
			int copies) {
		if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
			List<String> names = new ArrayList<>();
			object.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				com.fasterxml.jackson.databind.JsonNode child = object.get(name);
				if (child.path("nullable").asBoolean(false) && child.path("allOf").size() == 1
						&& child.path("allOf").get(0).has("$ref")) {
					String ref = child.path("allOf").get(0).path("$ref").asText();
					com.fasterxml.jackson.databind.node.ObjectNode copy = root.at(ref.substring(1)).deepCopy();
					copy.put("nullable", true);
					object.set(name, copy);
					if (copies < 8) { // a copy may itself hold "X or null"; schemas that hold themselves stop here
						inline(root, copy, copies + 1);
					}
				}
				else {
					inline(root, child, copies);
				}
			}
		}
		else if (node != null && node.isArray()) {
			node.forEach(item -> inline(root, item, copies));
		}
	}

	/** Mismatches of one exchange, as readable lines; empty when it matches the description. */
	public static List<String> check(WebApplicationContext context, MockHttpServletRequest servletRequest,
			MockHttpServletResponse servletResponse) {
		return check(context, servletRequest, servletResponse, true);
	}

	/**
	 * As {@link #check(WebApplicationContext, MockHttpServletRequest, MockHttpServletResponse)}; with
	 * {@code requests} false only the answer is checked (the fuzzer breaks requests on purpose, and a
	 * server that takes {@code ?q=a&q=b} or an Arabic digit as an id is lenient, not wrong).
	 */
	public static List<String> check(WebApplicationContext context, MockHttpServletRequest servletRequest,
			MockHttpServletResponse servletResponse, boolean requests) {
		OpenApiInteractionValidator validator = validator(context);
		Request request = MockMvcRequest.of(servletRequest);
		Response response = MockMvcResponse.of(servletResponse);
		int status = servletResponse.getStatus();
		ValidationReport report = requests && status >= 200 && status < 300 ? validator.validate(request, response)
				: validator.validateResponse(request.getPath(), request.getMethod(), response);
		List<String> lines = new ArrayList<>();
		String exchange = request.getMethod() + " " + request.getPath()
				+ (servletRequest.getQueryString() == null ? "" : "?" + servletRequest.getQueryString()) + " -> " + status;
		for (ValidationReport.Message message : report.getMessages()) {
			if (message.getLevel() == ValidationReport.Level.ERROR && !bodyTheClientRefused(message, servletRequest, status)) {
				lines.add(exchange + ": [" + message.getKey() + "] " + message.getMessage().replace('\n', ' '));
			}
		}
		return lines;
	}

	/**
	 * An error answer without a body is a mismatch, except where the client itself refused every
	 * type the body could have: a 406, or an {@code Accept} header that allows no JSON (or cannot be
	 * read). Then an empty body is the only honest answer.
	 */
	private static boolean bodyTheClientRefused(ValidationReport.Message message, MockHttpServletRequest request, int status) {
		if (status == 404 && request.getRequestURI().endsWith("/")) {
			// "/api/v1/mentorships/" (an empty id) is no API path; the validator reads it as "/api/v1/mentorships"
			return true;
		}
		if (status >= 400 && status < 500 && (message.getKey().equals("validation.request.path.missing")
				|| message.getKey().equals("validation.request.operation.notAllowed"))) {
			// not an API path or method at all (an id with a "/" in it, an empty segment): refused, and no operation to compare with
			return true;
		}
		if (!message.getKey().equals("validation.response.body.missing") || status < 400) {
			return false;
		}
		if (status == 406) {
			return true;
		}
		String accept = request.getHeader("Accept");
		if (accept == null) {
			return false;
		}
		try {
			return org.springframework.http.MediaType.parseMediaTypes(accept).stream()
				.noneMatch(type -> type.isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
						|| type.isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON));
		}
		catch (org.springframework.http.InvalidMediaTypeException e) {
			return true;
		}
	}

	/** Checks an exchange of a test and keeps its mismatches for {@link ApiContractExtension}. */
	static void record(MvcResult result) {
		MockHttpServletRequest request = result.getRequest();
		if (!request.getRequestURI().startsWith("/api/")) {
			return;
		}
		WebApplicationContext context = (WebApplicationContext) request.getServletContext()
			.getAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE);
		List<String> found;
		try {
			found = check(context, request, result.getResponse());
		}
		catch (RuntimeException e) {
			// the description itself cannot be read: every exchange is a mismatch, named once per test
			found = List.of(request.getMethod() + " " + request.getRequestURI() + ": the description cannot be checked: " + e.getMessage());
		}
		if (!found.isEmpty()) {
			synchronized (mismatches) {
				mismatches.addAll(found);
			}
			try {
				Files.createDirectories(Path.of("target"));
				Files.write(Path.of("target/api-contract-mismatches.txt"), found, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException e) {
				// the test fails with the same list
			}
		}
	}

	/** Drops what {@link #record} kept: for tests that check exchanges themselves (the fuzzer). */
	public static void forget() {
		drain();
	}

	static List<String> drain() {
		synchronized (mismatches) {
			List<String> found = List.copyOf(mismatches);
			mismatches.clear();
			return found;
		}
	}
}
