package org.treatmentnetwork.notification.problems;

import java.util.List;

/**
 * A request parameter is invalid; answered with {@code 400} and an {@code errors} entry
 * naming each invalid field. Messages must not repeat the submitted value.
 */
public class InvalidRequestException extends RuntimeException {

	private final transient List<FieldError> errors;

	private final String detail;

	public InvalidRequestException(String field, String message) {
		this(null, List.of(new FieldError(field, message)));
	}

	/**
	 * Several invalid fields at once.
	 * @param errors the fields and what is wrong with each; not empty
	 */
	public InvalidRequestException(List<FieldError> errors) {
		this(null, errors);
	}

	/**
	 * Invalid fields with a problem detail of their own.
	 * @param detail what the problem's {@code detail} says, {@code null} for the general
	 * one; never a submitted value
	 * @param errors the fields and what is wrong with each; not empty
	 */
	public InvalidRequestException(String detail, List<FieldError> errors) {
		super(errors.getFirst().message());
		this.errors = List.copyOf(errors);
		this.detail = detail;
	}

	/**
	 * The first invalid field.
	 * @return its name
	 */
	public String getField() {
		return this.errors.getFirst().field();
	}

	/**
	 * Every invalid field.
	 * @return the fields, in the order found
	 */
	public List<FieldError> getErrors() {
		return this.errors;
	}

	/**
	 * The problem's {@code detail}.
	 * @return the detail, or {@code null} for the general one
	 */
	public String getDetail() {
		return this.detail;
	}

	/**
	 * One invalid field.
	 *
	 * @param field the field, such as {@code methods[0].address}
	 * @param message what is wrong, without the submitted value
	 */
	public record FieldError(String field, String message) {

	}

}
