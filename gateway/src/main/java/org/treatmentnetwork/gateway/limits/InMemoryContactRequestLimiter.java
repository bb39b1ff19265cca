package org.treatmentnetwork.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * A token bucket per client address, held in this gateway instance's memory. Buckets that
 * have filled up again are forgotten once many addresses are tracked, so memory stays
 * bounded by the addresses active within one refill time.
 */
final class InMemoryContactRequestLimiter implements ContactRequestLimiter {

	private static final int PURGE_ABOVE = 10_000;

	private static final long PURGE_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

	private final double capacity;

	private final double tokensPerNano;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicLong lastPurge = new AtomicLong();

	InMemoryContactRequestLimiter(IntakeLimitsProperties.RateLimit rateLimit) {
		this(rateLimit, System::nanoTime);
	}

	InMemoryContactRequestLimiter(IntakeLimitsProperties.RateLimit rateLimit, LongSupplier nanoTime) {
		this.capacity = rateLimit.burst();
		this.tokensPerNano = rateLimit.perSecond() / 1e9;
		this.nanoTime = nanoTime;
		this.lastPurge.set(nanoTime.getAsLong());
	}

	@Override
	public Mono<Decision> acquire(String clientKey) {
		return Mono.fromSupplier(() -> take(clientKey));
	}

	Decision take(String clientKey) {
		long now = this.nanoTime.getAsLong();
		purgeIfNeeded(now);
		Bucket bucket = this.buckets.computeIfAbsent(clientKey, (key) -> new Bucket(this.capacity, now));
		long waitNanos = bucket.take(now, this.capacity, this.tokensPerNano);
		if (waitNanos == 0) {
			return Decision.allow();
		}
		// whole seconds, rounding up, but not for floating-point noise
		long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9 - 1e-6));
		return Decision.deny(Duration.ofSeconds(seconds));
	}

	int trackedClients() {
		return this.buckets.size();
	}

	private void purgeIfNeeded(long now) {
		long last = this.lastPurge.get();
		if (this.buckets.size() > PURGE_ABOVE && now - last >= PURGE_INTERVAL_NANOS
				&& this.lastPurge.compareAndSet(last, now)) {
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now, this.capacity, this.tokensPerNano));
		}
	}

	private static final class Bucket {

		/** Floating-point noise in the refill arithmetic. */
		private static final double EPSILON = 1e-9;

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedAt = now;
		}

		/**
		 * Takes one token.
		 * @return 0 when taken, otherwise nanoseconds until one is available
		 */
		synchronized long take(long now, double capacity, double tokensPerNano) {
			refill(now, capacity, tokensPerNano);
			if (this.tokens >= 1 - EPSILON) {
				this.tokens = Math.max(0, this.tokens - 1);
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - this.tokens) / tokensPerNano));
		}

		synchronized boolean isFull(long now, double capacity, double tokensPerNano) {
			refill(now, capacity, tokensPerNano);
			return this.tokens >= capacity;
		}

		private void refill(long now, double capacity, double tokensPerNano) {
			long elapsed = now - this.updatedAt;
			if (elapsed > 0) {
				this.tokens = Math.min(capacity, this.tokens + elapsed * tokensPerNano);
				this.updatedAt = now;
			}
		}

	}

}
