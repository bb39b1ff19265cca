package org.treatmentnetwork.notification.problems;

import java.time.Duration;

/**
 * The caller asked for something more often than allowed; answered with {@code 429} (type
 * {@code rate-limited}) and a {@code Retry-After} header. The message is the problem's
 * {@code detail}.
 */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(String detail, Duration retryAfter) {
		super(detail);
		this.retryAfter = retryAfter;
	}

	/**
	 * When the caller may ask again.
	 * @return the wait, at least one second
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * The wait in whole seconds, rounded up, for the {@code Retry-After} header.
	 * @return at least 1
	 */
	public long retryAfterSeconds() {
		long millis = Math.max(0, this.retryAfter.toMillis());
		return Math.max(1, (millis + 999) / 1000);
	}

}
