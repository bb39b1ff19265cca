package org.treatmentnetwork.content.problems;

/**
 * The requested resource does not exist; reported as a 404 problem.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String detail) {
		super(detail);
	}

}
