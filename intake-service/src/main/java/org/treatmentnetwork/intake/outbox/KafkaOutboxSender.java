package org.treatmentnetwork.intake.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.intake.tracing.Traceparent;

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
	public Mono<Void> send(String topic, String key, String value, String traceparent) {
		return Mono.fromFuture(() -> this.kafka.send(record(topic, key, value, traceparent)))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	private static ProducerRecord<String, String> record(String topic, String key, String value, String traceparent) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
		if (traceparent != null) {
			record.headers().add(Traceparent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
			record.headers()
				.add(Traceparent.REQUEST_ID_HEADER,
						Traceparent.traceId(traceparent).getBytes(StandardCharsets.US_ASCII));
		}
		return record;
	}

}
