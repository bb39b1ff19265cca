package org.treatmentnetwork.notification.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.store.StoreReadyEvent;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code intake.contact-requests.v1}. The container starts only once the store
 * is initialized (so the unique index exists before the first alert is written), and the
 * record's offset is committed only after the listener returned, that is after the alert
 * write completed ({@code ack-mode: record}). Each record is handled in the listener's
 * observation ({@code spring.kafka.listener.observation-enabled}), which continues the
 * trace of its {@code traceparent} header: log lines about it carry that trace id, and a
 * new alert keeps the trace context so that its pages continue it, so one request can be
 * followed from the gateway through intake and Kafka to its pages.
 */
@Component
class ContactRequestListener {

	static final String LISTENER_ID = "contact-request-events";

	private static final Logger log = LoggerFactory.getLogger(ContactRequestListener.class);

	private final ContactRequestEventParser parser = new ContactRequestEventParser();

	private final ContactRequestEventHandler handler;

	private final IntakeProperties properties;

	private final KafkaListenerEndpointRegistry registry;

	private final TraceContexts traces;

	ContactRequestListener(ContactRequestEventHandler handler, IntakeProperties properties,
			KafkaListenerEndpointRegistry registry, TraceContexts traces) {
		this.handler = handler;
		this.properties = properties;
		this.registry = registry;
		this.traces = traces;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${notification.intake.topic}", autoStartup = "false")
	void onRecord(ConsumerRecord<String, String> record) {
		String traceId = this.traces.currentTraceId();
		String trace = (traceId != null) ? " trace_id=" + traceId : "";
		ContactRequestEvent event;
		try {
			event = this.parser.parse(record.value());
		}
		catch (RuntimeException ex) {
			log.warn("Unreadable record at {}-{}@{}{}", record.topic(), record.partition(), record.offset(), trace);
			throw ex;
		}
		log.info("Event {} ({}, {}) for request {}{}", event.eventId(), event.type(), event.status(), event.requestId(),
				trace);
		try {
			// The one place that waits for a reactive result: the offset may only be
			// committed once the alert is stored.
			this.handler.handle(event, this.traces.current()).timeout(this.properties.storeTimeout()).block();
		}
		catch (RuntimeException ex) {
			log.warn("Event {} for request {} failed: {}{}", event.eventId(), event.requestId(),
					ex.getClass().getSimpleName(), trace);
			if (IntakeKafkaConfiguration.transientStoreFailure(ex)) {
				throw new AlertStoreUnavailableException(ex);
			}
			throw ex;
		}
		log.debug("Event {} for request {} handled{}", event.eventId(), event.requestId(), trace);
	}

	@EventListener(StoreReadyEvent.class)
	void startConsuming() {
		MessageListenerContainer container = this.registry.getListenerContainer(LISTENER_ID);
		if (container != null && !container.isRunning()) {
			log.info("Starting to consume {}", this.properties.topic());
			container.start();
		}
	}

}
