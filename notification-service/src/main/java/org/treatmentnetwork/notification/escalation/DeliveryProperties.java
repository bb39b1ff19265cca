package org.treatmentnetwork.notification.escalation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Paging settings.
 *
 * @param pollInterval how often to look for due alerts (new alerts are paged at once
 * anyway)
 * @param lease how long a claim on an alert holds; longer than the send timeout
 * @param batchSize the most alerts claimed in one pass
 * @param concurrency how many pages are sent in parallel
 * @param sendTimeout the most a single send may take
 * @param retryInitialInterval the wait after a first failed delivery
 * @param retryMaxInterval the longest wait between delivery attempts
 * @param mailFrom the sender address of e-mail pages (the e-mail channel reads it)
 */
@Validated
@ConfigurationProperties("notification.delivery")
record DeliveryProperties(@NotNull Duration pollInterval, @NotNull Duration lease, @Min(1) @Max(500) int batchSize,
		@Min(1) @Max(64) int concurrency, @NotNull Duration sendTimeout, @NotNull Duration retryInitialInterval,
		@NotNull Duration retryMaxInterval, @NotBlank String mailFrom) {

	DeliveryProperties {
		if (lease != null && sendTimeout != null && lease.compareTo(sendTimeout) <= 0) {
			throw new IllegalArgumentException("notification.delivery.lease must be longer than send-timeout");
		}
	}

	/**
	 * The wait before the next attempt after {@code failures} failed attempts in a row.
	 * @param failures failed attempts so far, at least 1
	 * @return the wait, doubling from the initial interval up to the maximum
	 */
	Duration retryDelay(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 20);
		Duration delay = this.retryInitialInterval.multipliedBy(1L << doublings);
		return (delay.compareTo(this.retryMaxInterval) > 0) ? this.retryMaxInterval : delay;
	}

}
