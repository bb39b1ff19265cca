package org.treatmentnetwork.servicedefaults.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem+json answer of an operation beyond the common ones that
 * {@link ContractDocument} adds to every operation, for example
 * {@code @ProblemResponse(status = 404, type = "not-found", description = "No article has
 * this slug")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponses.class)
public @interface ProblemResponse {

	/**
	 * The HTTP status.
	 * @return the status
	 */
	int status();

	/**
	 * The problem type's name, the last segment of its URI (docs/api.md lists them).
	 * @return the name
	 */
	String type();

	/**
	 * When the operation gives this answer.
	 * @return the description
	 */
	String description();

}
