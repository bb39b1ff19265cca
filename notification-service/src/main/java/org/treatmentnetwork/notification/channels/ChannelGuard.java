package org.treatmentnetwork.notification.channels;

import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The resilience of one channel: every attempt has a timeout and goes through the
 * channel's circuit breaker; failed attempts are retried with exponential backoff (except
 * when the breaker is open or the receiver refused for good); and each recipient gets at
 * most so many messages per period on the channel.
 */
public final class ChannelGuard {

	private final String name;

	private final Duration timeout;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final RateLimiterRegistry limiters;

	ChannelGuard(String name, ChannelSettings settings) {
		this.name = name;
		this.timeout = settings.timeout();
		this.breaker = CircuitBreaker.of(name,
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(Math.max(10, settings.minimumCalls()))
					.minimumNumberOfCalls(settings.minimumCalls())
					.failureRateThreshold(settings.failureRateThreshold())
					.waitDurationInOpenState(settings.openDuration())
					.ignoreExceptions(PermanentDeliveryException.class)
					.build());
		this.retry = Retry.of(name,
				RetryConfig.custom()
					.maxAttempts(settings.retryAttempts())
					.intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryInitialInterval(), 2.0))
					.ignoreExceptions(CallNotPermittedException.class, PermanentDeliveryException.class,
							RequestNotPermitted.class)
					.build());
		this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(settings.recipientRateLimit())
			.limitRefreshPeriod(settings.recipientRatePeriod())
			.timeoutDuration(Duration.ZERO)
			.build());
	}

	/**
	 * Send with timeout, breaker, retry and the recipient's rate limit.
	 * @param recipient the staff id the message is for
	 * @param attempt one attempt; subscribed again for each retry
	 * @return completes when sent, or errors after the last attempt
	 */
	Mono<Void> protect(String recipient, Supplier<Mono<Void>> attempt) {
		return Mono.defer(attempt)
			.timeout(this.timeout)
			.transformDeferred(CircuitBreakerOperator.of(this.breaker))
			.transformDeferred(RetryOperator.of(this.retry))
			.transformDeferred(RateLimiterOperator.of(this.limiters.rateLimiter(this.name + ":" + recipient)));
	}

	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	/**
	 * A short, data-free reason for a failed delivery, for the timeline.
	 * @param failure the failure
	 * @return such as {@code "timed out"}
	 */
	public static String reason(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "timed out";
		}
		if (failure instanceof CallNotPermittedException) {
			return "channel circuit open";
		}
		if (failure instanceof RequestNotPermitted) {
			return "rate limit for this recipient reached";
		}
		if (failure instanceof PermanentDeliveryException) {
			return "refused by the receiver";
		}
		return "failed after retries";
	}

}
