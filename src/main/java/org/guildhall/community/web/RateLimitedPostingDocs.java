package org.guildhall.community.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Operations under the posting limit ({@link PostingRateLimit}) may answer 429 with Retry-After: the API description says so. */
@Component
class RateLimitedPostingDocs implements GlobalOperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (handler.hasMethodAnnotation(RateLimitedPosting.class)) {
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			operation.getResponses().computeIfAbsent("429", status -> new ApiResponse());
		}
		return operation;
	}
}
