package org.treatmentnetwork.intake.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outbox relay settings.
 *
 * @param topic the topic events are published to
 * @param deadLetterTopic the topic's dead-letter topic (created here, written by
 * consumers)
 * @param partitions partitions of both topics
 * @param replicas replication factor of both topics
 * @param pollInterval how often the relay looks for pending events besides being
 * triggered
 * @param leaseDuration how long a claimed document stays with one relay; must exceed
 * {@code sendTimeout} times the events per document
 * @param sendTimeout how long to wait for the broker's acknowledgement of one event
 * @param initialBackoff the delay after a first failure, doubled on each further failure
 * @param maxBackoff the longest delay between attempts
 * @param batchSize the most documents claimed at once, whether by a sweep or by id after
 * being stored, and published side by side
 */
@Validated
@ConfigurationProperties("intake.outbox")
record OutboxProperties(@NotBlank String topic, @NotBlank String deadLetterTopic, @Min(1) int partitions,
		@Min(1) int replicas, @NotNull Duration pollInterval, @NotNull Duration leaseDuration,
		@NotNull Duration sendTimeout, @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
		@Min(1) int batchSize) {

}
