package org.treatmentnetwork.intake.problems;

/**
 * Thrown when the addressed resource does not exist; answered with {@code 404}.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String detail) {
		super(detail);
	}

}
