package org.treatmentnetwork.content.problems;

/**
 * A request parameter has a value the endpoint does not accept; reported as a 400
 * validation problem.
 */
public class InvalidParameterException extends RuntimeException {

	private final transient FieldError error;

	public InvalidParameterException(String field, String message) {
		super("Invalid parameter '" + field + "'");
		this.error = new FieldError(field, message);
	}

	public FieldError error() {
		return this.error;
	}

}
