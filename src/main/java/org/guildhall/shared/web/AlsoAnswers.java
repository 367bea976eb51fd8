package org.guildhall.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Error statuses an API operation gives beyond those {@link ApiErrorResponses} derives from its
 * shape (a read that checks the caller's role: 403; a read of something that may not exist yet:
 * 404). On a controller it applies to each of its operations. Listed in {@code /v3/api-docs} as
 * problem details.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AlsoAnswers {

	/** HTTP statuses, e.g. {@code 403}. */
	int[] value();
}
