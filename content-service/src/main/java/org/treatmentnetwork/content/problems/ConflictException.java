package org.treatmentnetwork.content.problems;

/**
 * The request conflicts with the current state, such as creating an article whose slug
 * already exists. Reported as a 409 problem.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}

}
