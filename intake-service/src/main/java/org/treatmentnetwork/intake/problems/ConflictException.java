package org.treatmentnetwork.intake.problems;

/**
 * Thrown when a request conflicts with the current state of a resource; answered with
 * {@code 409}. The message is the problem's {@code detail} and never contains submitted
 * values.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}

}
