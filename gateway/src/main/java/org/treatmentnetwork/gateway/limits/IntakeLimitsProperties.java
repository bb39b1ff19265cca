package org.treatmentnetwork.gateway.limits;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on public intake requests.
 *
 * @param maxBodySize largest request body accepted on {@code /api/intake/**}, counted
 * while it streams in (chunked bodies included)
 * @param rateLimit how many public contact requests one client address may send
 */
@Validated
@ConfigurationProperties("gateway.intake")
record IntakeLimitsProperties(@NotNull @DefaultValue("16KB") DataSize maxBodySize,
		@NotNull @Valid @DefaultValue RateLimit rateLimit) {

	/**
	 * A token bucket per client address: {@code requests} per {@code period} on average,
	 * at most {@code burst} at once.
	 *
	 * @param requests requests allowed per period
	 * @param period the period
	 * @param burst requests allowed at once after a quiet time
	 * @param storeTimeout how long to wait for a shared (Redis) store before deciding
	 * without it
	 */
	record RateLimit(@Positive @DefaultValue("10") int requests, @NotNull @DefaultValue("1m") Duration period,
			@Positive @DefaultValue("10") int burst, @NotNull @DefaultValue("500ms") Duration storeTimeout) {

		RateLimit {
			if (period != null && (period.toSeconds() < 1 || period.toNanos() % 1_000_000_000L != 0)) {
				throw new IllegalArgumentException(
						"gateway.intake.rate-limit.period must be whole seconds, at least 1s");
			}
			if (period != null && (long) burst * period.toSeconds() < requests) {
				throw new IllegalArgumentException(
						"gateway.intake.rate-limit.burst must be at least the number of requests allowed per second");
			}
		}

		int periodSeconds() {
			return Math.toIntExact(this.period.toSeconds());
		}

		/**
		 * Tokens added per second.
		 * @return the refill rate
		 */
		double perSecond() {
			return this.requests / (this.period.toNanos() / 1e9);
		}

	}

}
