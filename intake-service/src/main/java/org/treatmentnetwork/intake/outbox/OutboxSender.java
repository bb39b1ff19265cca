package org.treatmentnetwork.intake.outbox;

import reactor.core.publisher.Mono;

/**
 * Sends one record and completes when the broker has acknowledged it.
 */
@FunctionalInterface
interface OutboxSender {

	Mono<Void> send(String topic, String key, String value);

}
