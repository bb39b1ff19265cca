package org.treatmentnetwork.intake.outbox;

import reactor.core.publisher.Mono;

/**
 * Sends one record and completes when the broker has acknowledged it. With a
 * {@code traceparent}, the record carries it and its trace id as headers.
 */
@FunctionalInterface
interface OutboxSender {

	Mono<Void> send(String topic, String key, String value, String traceparent);

}
