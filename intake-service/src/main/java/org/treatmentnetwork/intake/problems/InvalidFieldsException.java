package org.treatmentnetwork.intake.problems;

import java.util.List;

/**
 * Thrown when submitted fields are invalid; answered with {@code 400} and an
 * {@code errors} array.
 */
public class InvalidFieldsException extends RuntimeException {

	private final transient List<InvalidField> errors;

	public InvalidFieldsException(List<InvalidField> errors) {
		super("Invalid fields: " + errors.stream().map(InvalidField::field).toList());
		this.errors = List.copyOf(errors);
	}

	public List<InvalidField> getErrors() {
		return this.errors;
	}

}
