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
 * most so many messages per period on the channel (and the channel, if it has an overall
 * limit, sends at most so many to everyone together).
 * <p>
 * Limits are spent on what matters most first: re-pages of older alerts (and repeat
 * notices, reminders, test messages) may use only half of each limit, so that however
 * many of them there are, the other half is always left for urgent messages: the first
 * page of a new alert and every CRISIS page.
 */
public final class ChannelGuard {

	private final String name;

	private final Duration timeout;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final RateLimiterRegistry limiters;

	private final RateLimiterRegistry routineLimiters;

	private final boolean overallLimit;

	public ChannelGuard(String name, ChannelSettings settings) {
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
		this.limiters = RateLimiterRegistry.of(limit(settings.recipientRateLimit(), settings));
		this.routineLimiters = RateLimiterRegistry.of(limit(Math.max(1, settings.recipientRateLimit() / 2), settings));
		this.overallLimit = settings.overallRateLimit() != null;
		if (this.overallLimit) {
			this.limiters.rateLimiter(OVERALL, limit(settings.overallRateLimit(), settings));
			this.routineLimiters.rateLimiter(OVERALL, limit(Math.max(1, settings.overallRateLimit() / 2), settings));
		}
	}

	private static final String OVERALL = "*overall*";

	private static RateLimiterConfig limit(int perPeriod, ChannelSettings settings) {
		return RateLimiterConfig.custom()
			.limitForPeriod(perPeriod)
			.limitRefreshPeriod(settings.recipientRatePeriod())
			.timeoutDuration(Duration.ZERO)
			.build();
	}

	/**
	 * Send with timeout, breaker, retry and the rate limits.
	 * @param <T> what an attempt answers
	 * @param recipient the staff id the message is for
	 * @param urgent whether the message is a first page or a CRISIS page, which may use
	 * the whole limit
	 * @param attempt one attempt; subscribed again for each retry
	 * @return the attempt's answer, or an error after the last attempt
	 * ({@link RequestNotPermitted} when a limit is reached)
	 */
	public <T> Mono<T> protect(String recipient, boolean urgent, Supplier<Mono<T>> attempt) {
		Mono<T> guarded = Mono.defer(attempt)
			.timeout(this.timeout)
			.transformDeferred(CircuitBreakerOperator.of(this.breaker))
			.transformDeferred(RetryOperator.of(this.retry))
			.transformDeferred(RateLimiterOperator.of(this.limiters.rateLimiter(this.name + ":" + recipient)));
		if (this.overallLimit) {
			guarded = guarded.transformDeferred(RateLimiterOperator.of(this.limiters.rateLimiter(OVERALL)));
		}
		if (!urgent) {
			guarded = guarded.transformDeferred(
					RateLimiterOperator.of(this.routineLimiters.rateLimiter(this.name + ":" + recipient)));
			if (this.overallLimit) {
				guarded = guarded.transformDeferred(RateLimiterOperator.of(this.routineLimiters.rateLimiter(OVERALL)));
			}
		}
		return guarded;
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
