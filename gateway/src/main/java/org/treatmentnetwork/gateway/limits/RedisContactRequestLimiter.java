package org.treatmentnetwork.gateway.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * Limits shared by every gateway instance, kept in Redis by the gateway's
 * {@link RedisRateLimiter} (the token bucket behind {@code RequestRateLimiter}).
 * <p>
 * When Redis fails or does not answer within the store timeout, the decision falls back
 * to this instance's in-memory limiter: nobody is refused because Redis is down (at
 * worst, each instance allows the full rate). Every such fallback is counted in
 * {@code gateway.rate.limit.store.failures} and the switch to and back from the fallback
 * is logged.
 */
final class RedisContactRequestLimiter implements ContactRequestLimiter {

	/** Namespaces the Redis keys of this limit. */
	static final String LIMIT_ID = "intake-contact-requests";

	static final String FAILURES_METRIC = "gateway.rate.limit.store.failures";

	private static final Log logger = LogFactory.getLog(RedisContactRequestLimiter.class);

	private final RedisRateLimiter redis;

	private final ContactRequestLimiter fallback;

	private final int tokensPerSecond;

	private final int tokensPerRequest;

	private final Duration timeout;

	private final Counter failures;

	private final AtomicBoolean failing = new AtomicBoolean();

	RedisContactRequestLimiter(RedisRateLimiter redis, ContactRequestLimiter fallback,
			IntakeLimitsProperties.RateLimit rateLimit, MeterRegistry meterRegistry) {
		this.redis = redis;
		this.fallback = fallback;
		this.tokensPerSecond = rateLimit.requests();
		this.tokensPerRequest = rateLimit.periodSeconds();
		this.timeout = rateLimit.storeTimeout();
		this.failures = Counter.builder(FAILURES_METRIC)
			.description("Rate-limit decisions taken without the shared store (Redis) because it failed")
			.tag("store", "redis")
			.register(meterRegistry);
	}

	@Override
	public Mono<Decision> acquire(String clientKey) {
		return Mono.defer(() -> this.redis.isAllowed(LIMIT_ID, clientKey))
			.timeout(this.timeout)
			.map(this::toDecision)
			.onErrorResume((ex) -> Mono.just(Outcome.failed(ex)))
			.flatMap((outcome) -> (outcome.decision() != null) ? recovered(outcome.decision())
					: storeFailed(outcome.failure(), clientKey));
	}

	private Outcome toDecision(RateLimiter.Response response) {
		String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
		long tokensLeft = parse(remaining);
		if (tokensLeft < 0) {
			// RedisRateLimiter answers "allowed, -1 left" when the Redis call failed
			return Outcome.failed(null);
		}
		if (response.isAllowed()) {
			return Outcome.of(Decision.allow());
		}
		long missing = Math.max(1, this.tokensPerRequest - tokensLeft);
		long seconds = Math.max(1, (missing + this.tokensPerSecond - 1) / this.tokensPerSecond);
		return Outcome.of(Decision.deny(Duration.ofSeconds(seconds)));
	}

	private static long parse(String remaining) {
		try {
			return (remaining != null) ? Long.parseLong(remaining) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private Mono<Decision> recovered(Decision decision) {
		if (this.failing.compareAndSet(true, false)) {
			logger.info("Rate-limit store (Redis) answers again; contact-request limits are shared again");
		}
		return Mono.just(decision);
	}

	private Mono<Decision> storeFailed(Throwable failure, String clientKey) {
		this.failures.increment();
		if (this.failing.compareAndSet(false, true)) {
			logger.warn("Rate-limit store (Redis) failed" + ((failure != null) ? " (" + failure + ")" : "")
					+ "; limiting contact requests per gateway instance in memory until it answers again");
		}
		return this.fallback.acquire(clientKey);
	}

	private record Outcome(Decision decision, Throwable failure) {

		static Outcome of(Decision decision) {
			return new Outcome(decision, null);
		}

		static Outcome failed(Throwable failure) {
			return new Outcome(null, failure);
		}

	}

}
