package org.treatmentnetwork.notification.problems;

/**
 * The caller's role allows the request in general, but not on this resource; answered
 * with {@code 403}. The message is the problem's {@code detail}: it says who may act,
 * without naming anyone.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String detail) {
		super(detail);
	}

}
