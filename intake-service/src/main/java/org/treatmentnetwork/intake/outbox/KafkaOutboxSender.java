package org.treatmentnetwork.intake.outbox;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends through Spring Kafka's template. {@code KafkaProducer.send} may block for up to
 * {@code max.block.ms} while it fetches metadata, so it is called on the bounded elastic
 * scheduler, never on an event-loop thread.
 */
@Component
class KafkaOutboxSender implements OutboxSender {

	private final KafkaTemplate<String, String> kafka;

	KafkaOutboxSender(KafkaTemplate<String, String> kafka) {
		this.kafka = kafka;
	}

	@Override
	public Mono<Void> send(String topic, String key, String value) {
		return Mono.fromFuture(() -> this.kafka.send(topic, key, value))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

}
