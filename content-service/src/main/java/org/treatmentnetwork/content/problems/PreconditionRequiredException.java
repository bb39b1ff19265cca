package org.treatmentnetwork.content.problems;

/**
 * A change was sent without the {@code If-Match} header it requires. Reported as a 428
 * problem.
 */
public class PreconditionRequiredException extends RuntimeException {

	public PreconditionRequiredException(String detail) {
		super(detail);
	}

}
