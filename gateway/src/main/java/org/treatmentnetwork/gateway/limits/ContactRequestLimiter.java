package org.treatmentnetwork.gateway.limits;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Decides whether one more public contact request from a client address is allowed.
 */
interface ContactRequestLimiter {

	/**
	 * Takes one request from the client's allowance.
	 * @param clientKey the client address key
	 * @return the decision; never empty and never an error
	 */
	Mono<Decision> acquire(String clientKey);

	/**
	 * A limiter's answer.
	 *
	 * @param allowed whether the request may pass
	 * @param retryAfter when denied, how long until the next request would be allowed
	 */
	record Decision(boolean allowed, Duration retryAfter) {

		static Decision allow() {
			return new Decision(true, Duration.ZERO);
		}

		static Decision deny(Duration retryAfter) {
			return new Decision(false, retryAfter);
		}

	}

}
