package org.treatmentnetwork.notification.problems;

/**
 * A request parameter is invalid; answered with {@code 400} and an {@code errors} entry
 * naming the field. The message must not repeat the submitted value.
 */
public class InvalidRequestException extends RuntimeException {

	private final String field;

	public InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
