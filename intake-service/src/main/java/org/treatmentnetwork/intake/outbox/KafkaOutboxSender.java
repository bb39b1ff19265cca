package org.treatmentnetwork.intake.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends through Spring Kafka's template. {@code KafkaProducer.send} may block for up to
 * {@code max.block.ms} while it fetches metadata, so it is called on the bounded elastic
 * scheduler, never on an event-loop thread. The send continues the trace stored with the
 * event: the template's observation ({@code spring.kafka.template.observation-enabled})
 * writes the record's {@code traceparent} header from it.
 */
@Component
class KafkaOutboxSender implements OutboxSender {

	private final KafkaTemplate<String, String> kafka;

	private final TraceContexts traces;

	KafkaOutboxSender(KafkaTemplate<String, String> kafka, TraceContexts traces) {
		this.kafka = kafka;
		this.traces = traces;
	}

	@Override
	public Mono<Void> send(String topic, String key, String value, String traceparent) {
		// The span lasts until the broker has acknowledged the record (or refused it).
		Mono<?> send = Mono.fromFuture(() -> this.kafka.send(new ProducerRecord<>(topic, key, value)))
			.subscribeOn(Schedulers.boundedElastic());
		return this.traces.continued("intake.outbox.publish", traceparent, send).then();
	}

}
