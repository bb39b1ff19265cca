package org.treatmentnetwork.intake.outbox;

import reactor.core.publisher.Mono;

/**
 * Sends one record and completes when the broker has acknowledged it, continuing the
 * trace of the stored {@code traceparent} (a new trace when it is {@code null} or
 * malformed); the record's {@code traceparent} header carries it on.
 */
@FunctionalInterface
interface OutboxSender {

	Mono<Void> send(String topic, String key, String value, String traceparent);

}
