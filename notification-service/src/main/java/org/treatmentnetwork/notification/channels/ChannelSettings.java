package org.treatmentnetwork.notification.channels;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Resilience settings of one channel.
 *
 * @param timeout the most a single attempt may take
 * @param retryAttempts attempts in all (1 = no retry)
 * @param retryInitialInterval wait before the second attempt; doubles after each
 * @param failureRateThreshold failure percentage over the last calls that opens the
 * circuit breaker
 * @param minimumCalls calls needed before the failure rate counts
 * @param openDuration how long the breaker stays open before trying again
 * @param recipientRateLimit the most messages one recipient gets on this channel per
 * {@code recipientRatePeriod}
 * @param recipientRatePeriod the period of the per-recipient limit (and of the overall
 * limit)
 * @param overallRateLimit the most messages the channel sends to everyone together per
 * {@code recipientRatePeriod} (texts and calls cost money); {@code null} for no overall
 * limit
 */
public record ChannelSettings(@NotNull Duration timeout, @Min(1) @Max(10) int retryAttempts,
		@NotNull Duration retryInitialInterval, @Min(1) @Max(100) float failureRateThreshold,
		@Min(1) @Max(100) int minimumCalls, @NotNull Duration openDuration, @Min(1) int recipientRateLimit,
		@NotNull Duration recipientRatePeriod, @Min(1) Integer overallRateLimit) {

}
