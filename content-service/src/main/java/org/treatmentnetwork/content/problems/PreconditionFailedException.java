package org.treatmentnetwork.content.problems;

/**
 * The {@code If-Match} entity tag is not the resource's current one: someone else changed
 * it first. Reported as a 412 problem.
 */
public class PreconditionFailedException extends RuntimeException {

	public PreconditionFailedException(String detail) {
		super(detail);
	}

}
