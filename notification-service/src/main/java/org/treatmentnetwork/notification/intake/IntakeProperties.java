package org.treatmentnetwork.notification.intake;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Consumption of intake's events.
 *
 * @param topic the contact-request topic
 * @param deadLetterTopic where records go that cannot be processed
 * @param partitions partitions of both topics when this service creates them
 * @param replicas replicas of both topics when this service creates them
 * @param storeTimeout the most one record's store write may take
 * @param retry retries of a failing record before it goes to the dead-letter topic
 * @param storeOutageMaxInterval the longest wait between retries while the store is
 * unavailable (such records are retried until it is back)
 */
@Validated
@ConfigurationProperties("notification.intake")
record IntakeProperties(@NotBlank String topic, @NotBlank String deadLetterTopic, @Min(1) int partitions,
		@Min(1) short replicas, @NotNull Duration storeTimeout, @Valid @NotNull Retry retry,
		@NotNull Duration storeOutageMaxInterval) {

	/**
	 * Bounded retries with exponential backoff.
	 *
	 * @param attempts delivery attempts in total, including the first
	 * @param initialInterval wait after the first failure
	 * @param multiplier factor applied to the wait after each failure
	 * @param maxInterval the longest wait
	 */
	record Retry(@Min(1) int attempts, @NotNull Duration initialInterval, @DecimalMin("1.0") double multiplier,
			@NotNull Duration maxInterval) {

	}

}
