package org.treatmentnetwork.notification.problems;

/**
 * The request conflicts with the resource's current state; answered with {@code 409}.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}

}
