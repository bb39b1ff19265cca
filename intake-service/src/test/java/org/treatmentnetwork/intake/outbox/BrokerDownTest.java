package org.treatmentnetwork.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.outbox.OutboxRelay.Outcome;
import org.treatmentnetwork.intake.support.EmbeddedMongo;
import reactor.test.StepVerifier;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay with the real Kafka sender while the broker goes down and comes back (a new
 * broker behind the same bootstrap address, through a TCP proxy): requests stored
 * meanwhile wait in the outbox and are each published exactly once when it returns.
 */
class BrokerDownTest {

	private static final String TOPIC = "intake.contact-requests.v1";

	private static final Instant T0 = Instant.parse("2026-11-24T22:00:00Z");

	private final MongoClient client = MongoClients.create(EmbeddedMongo.uri("broker-down-test"));

	private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(this.client, "broker-down-test");

	private final MutableClock clock = new MutableClock(T0);

	private TcpProxy proxy;

	private EmbeddedKafkaKraftBroker broker;

	private DefaultKafkaProducerFactory<String, String> producers;

	@AfterEach
	void stop() {
		if (this.producers != null) {
			this.producers.destroy();
		}
		if (this.broker != null) {
			this.broker.destroy();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
		this.client.close();
	}

	@Test
	void requestsStoredWhileTheBrokerIsDownArePublishedExactlyOnceWhenItReturns() {
		StepVerifier.create(this.mongo.remove(new Query(), ContactRequestCollection.NAME))
			.expectNextCount(1)
			.verifyComplete();
		this.broker = startBroker();
		this.proxy = new TcpProxy(brokerPort());
		this.producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.proxy.address(), "metadata.recovery.strategy",
						"rebootstrap", ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500, ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
						ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
						ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new StringSerializer());
		OutboxProperties properties = new OutboxProperties(TOPIC, TOPIC + ".DLT", 1, 1, Duration.ofSeconds(1),
				Duration.ofSeconds(60), Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(30), 100);
		OutboxRelay relay = new OutboxRelay(new OutboxStore(this.mongo),
				new KafkaOutboxSender(new KafkaTemplate<>(this.producers),
						new TraceContexts(Tracer.NOOP, Propagator.NOOP, ObservationRegistry.NOOP)),
				new ContactRequestEventJson(), properties, this.clock, new SimpleMeterRegistry());

		insertRequest("before");
		drainUntilNothingIsPending(relay);

		this.broker.destroy();
		this.broker = null;
		List<String> whileDown = List.of("down-1", "down-2", "down-3");
		whileDown.forEach(this::insertRequest);
		StepVerifier.create(relay.relayNext()).expectNext(Outcome.FAILED).verifyComplete();
		assertThat(pendingCount()).isEqualTo(3);

		this.broker = startBroker();
		this.proxy.target(brokerPort());
		drainUntilNothingIsPending(relay);

		List<ConsumerRecord<String, String>> records = readTopic();
		assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(whileDown);
	}

	/** Relay passes, each after the longest backoff, until the outbox is empty. */
	private void drainUntilNothingIsPending(OutboxRelay relay) {
		await().atMost(Duration.ofSeconds(90)).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
			this.clock.advance(Duration.ofSeconds(31));
			relay.drain().block(Duration.ofSeconds(60));
			return pendingCount() == 0;
		});
	}

	private EmbeddedKafkaKraftBroker startBroker() {
		EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
		started.afterPropertiesSet();
		return started;
	}

	private long pendingCount() {
		Long count = this.mongo
			.count(new Query(org.springframework.data.mongodb.core.query.Criteria.where("outboxPending").is(true)),
					ContactRequestCollection.NAME)
			.block(Duration.ofSeconds(5));
		return (count != null) ? count : 0;
	}

	private List<ConsumerRecord<String, String>> readTopic() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(this.broker, "broker-down-" + UUID.randomUUID(),
				false);
		props.put("auto.offset.reset", "earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(300)).forEach(records::add);
				return records.size() >= 3;
			});
			// Anything sent twice would arrive right behind.
			consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
		}
		return records;
	}

	private void insertRequest(String id) {
		Document event = new Document("eventId", UUID.randomUUID().toString())
			.append("type", ContactRequestEvent.RECEIVED)
			.append("occurredAt", Date.from(T0))
			.append("requestId", id)
			.append("reference", "K7PX-3MZQ")
			.append("urgency", "ROUTINE")
			.append("source", "WEB")
			.append("centerId", null)
			.append("status", "RECEIVED")
			.append("firstContactDueAt", Date.from(T0.plusSeconds(3600)));
		Document request = new Document("_id", id).append("pendingEvents", List.of(event))
			.append("outboxPending", true)
			.append("outboxAttempts", 0)
			.append("outboxNextAttemptAt", Date.from(this.clock.instant()));
		StepVerifier.create(this.mongo.insert(request, ContactRequestCollection.NAME))
			.expectNextCount(1)
			.verifyComplete();
	}

	private int brokerPort() {
		String address = this.broker.getBrokersAsString();
		return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

}
