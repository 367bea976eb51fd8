package org.guildhall.shared.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Lists in {@code /v3/api-docs} the error answers the API really gives, each an RFC 9457 problem
 * detail ({@code Problem}; 400s name the fields under {@code errors}). What applies to which
 * operation follows where the answer comes from:
 * <ul>
 * <li>400 everywhere: unreadable parameters are turned away before any controller
 * ({@link MalformedParametersFilter}), and bodies and parameters are validated;</li>
 * <li>401 everywhere: every {@code /api/} path needs a token; 503 everywhere: the database is away
 * ({@link DatabaseOutage}); 406 everywhere: an {@code Accept} header that JSON does not satisfy;</li>
 * <li>404 on operations with a path id, and on writes whose body names something by an {@code ...Id};</li>
 * <li>403 and 409 on writes (role and ownership checks, stale versions and state conflicts live in
 * the module services they call), 403 on reads of something named by a path id (private circles,
 * another pair's mentorship) and on operations behind {@code @PreAuthorize};</li>
 * <li>what a controller adds with {@link AlsoAnswers} (reads that check the caller's role);</li>
 * <li>415 where a body is read, 413 where a file is uploaded ({@link UploadAdvice});</li>
 * <li>429 where a controller adds it (the community's posting limit).</li>
 * </ul>
 */
@Component
class ApiErrorResponses implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

	static final String PROBLEM = "Problem";

	private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry("400", "Invalid input: the fields or parameters at fault are listed under errors"),
			Map.entry("401", "No valid personal access token"),
			Map.entry("403", "The token's owner may not do this"),
			Map.entry("404", "Not found"),
			Map.entry("406", "The Accept header allows no type this operation answers in"),
			Map.entry("409", "Conflict: a stale version or a state that does not allow this"),
			Map.entry("413", "The file is larger than the upload limit"),
			Map.entry("415", "The body's Content-Type is not one this operation reads"),
			Map.entry("429", "Too many posts in a minute; Retry-After says when to try again"),
			Map.entry("503", "The database is unavailable; Retry-After says when to try again"));

	/** Operations behind a role check on the controller or the method: 403 for the other roles. */
	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
			add(operation, "403");
		}
		for (AlsoAnswers also : new AlsoAnswers[] {handler.getBeanType().getAnnotation(AlsoAnswers.class),
				handler.getMethodAnnotation(AlsoAnswers.class)}) {
			if (also != null) {
				for (int status : also.value()) {
					add(operation, String.valueOf(status));
				}
			}
		}
		return operation;
	}

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			if (!path.startsWith("/api/")) {
				// an export also served to the browser: only what its controller lists
				item.readOperationsMap().values().forEach(operation -> describeErrors(operation));
				return;
			}
			item.readOperationsMap().forEach((method, operation) -> {
				for (String status : List.of("400", "401", "406", "503")) {
					add(operation, status);
				}
				if (hasPathParameter(item, operation)) {
					add(operation, "404");
					add(operation, "403");
				}
				if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
					add(operation, "403");
					add(operation, "409");
					if (namesSomethingById(openApi, operation)) {
						add(operation, "404");
					}
				}
				if (operation.getRequestBody() != null) {
					add(operation, "415");
					Content content = operation.getRequestBody().getContent();
					if (content != null && content.keySet().stream().anyMatch(type -> type.startsWith("multipart/"))) {
						add(operation, "413");
					}
				}
				describeErrors(operation);
			});
		});
	}

	private static void describeErrors(Operation operation) {
		if (operation.getResponses() != null) {
			operation.getResponses().forEach((status, response) -> {
				if (status.startsWith("4") || status.startsWith("5")) {
					describe(status, response);
				}
			});
		}
	}

	/** A body with an {@code ...Id} property (the mentor asked for, the programme enrolled in) may name nothing. */
	@SuppressWarnings("rawtypes")
	private static boolean namesSomethingById(io.swagger.v3.oas.models.OpenAPI openApi, Operation operation) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return false;
		}
		for (MediaType type : operation.getRequestBody().getContent().values()) {
			Schema schema = type.getSchema();
			if (schema != null && schema.get$ref() != null && openApi.getComponents().getSchemas() != null) {
				schema = openApi.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
			}
			if (schema != null && schema.getProperties() != null
					&& ((Map<String, Schema>) schema.getProperties()).keySet().stream().anyMatch(name -> name.endsWith("Id"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasPathParameter(PathItem item, Operation operation) {
		List<Parameter> parameters = operation.getParameters() != null ? operation.getParameters() : item.getParameters();
		return parameters != null && parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
	}

	private static void add(Operation operation, String status) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		operation.getResponses().computeIfAbsent(status, s -> new ApiResponse());
	}

	/** Fills in what an error answer lacks: its description and its body, a problem detail in either JSON type. */
	@SuppressWarnings("rawtypes")
	private static void describe(String status, ApiResponse response) {
		if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.setDescription(DESCRIPTIONS.getOrDefault(status, "Error"));
		}
		Schema problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
		if (response.getContent() == null || response.getContent().isEmpty()
				|| response.getContent().keySet().stream().allMatch(type -> type.equals("*/*"))) {
			response.setContent(new Content()
				.addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, new MediaType().schema(problem))
				.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(problem)));
		}
	}

	/** RFC 9457 problem details as {@link ApiExceptionHandler} writes them. */
	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Schema<?> fieldProblem = new ObjectSchema()
			.addProperty("field", new StringSchema().description("The field, parameter or row at fault"))
			.addProperty("message", new StringSchema().description("What is wrong with it"))
			.required(List.of("field", "message"));
		Schema<?> problem = new ObjectSchema()
			.description("An RFC 9457 problem detail")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(fieldProblem).description("400 only: every field at fault"));
		return problem;
	}
}
