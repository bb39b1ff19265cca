package org.treatmentnetwork.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.outbox.OutboxRelay.Outcome;
import org.treatmentnetwork.intake.support.EmbeddedMongo;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay against the in-process MongoDB server, with a scripted sender and a clock the
 * test moves.
 */
class OutboxRelayTest {

	private static final Instant T0 = Instant.parse("2026-11-24T22:00:00Z");

	private static final String TOPIC = "intake.contact-requests.v1";

	private static final MongoClient client = MongoClients.create(EmbeddedMongo.uri("outbox-relay-test"));

	private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "outbox-relay-test");

	private final MutableClock clock = new MutableClock(T0);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private final OutboxProperties properties = new OutboxProperties(TOPIC, TOPIC + ".DLT", 3, 1, Duration.ofSeconds(1),
			Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), 100);

	@AfterAll
	static void closeClient() {
		client.close();
	}

	@BeforeEach
	void emptyCollection() {
		StepVerifier.create(this.mongo.remove(new Query(), ContactRequestCollection.NAME))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void publishesPendingEventsInOrderThenRemovesThemAndReleasesTheLease() {
		insertRequest("r1", T0, "e1", "e2");
		OutboxRelay relay = relay(recordingSender());

		StepVerifier.create(relay.drain()).expectNext(1L).verifyComplete();

		assertThat(this.sent).extracting(Sent::key).containsExactly("r1", "r1");
		assertThat(this.sent).extracting(Sent::topic).containsOnly(TOPIC);
		assertThat(this.sent).extracting((s) -> eventId(s.value())).containsExactly("e1", "e2");
		Document stored = find("r1");
		assertThat(stored.getList("pendingEvents", Document.class)).isEmpty();
		assertThat(stored.getBoolean("outboxPending")).isFalse();
		assertThat(stored.get("outboxLeaseOwner")).isNull();
		assertThat(stored.get("outboxLeaseUntil")).isNull();
		assertThat(this.meters.get("intake.outbox.published").counter().count()).isEqualTo(2.0);
		StepVerifier.create(relay.relayNext()).expectNext(Outcome.IDLE).verifyComplete();
	}

	@Test
	void anEventAddedWhilePublishingStaysPendingAndIsPublishedNext() {
		insertRequest("r1", T0, "e1");
		OutboxRelay relay = relay((topic, key, value, traceparent) -> {
			if ("e1".equals(eventId(value))) {
				// a status change stored while e1 is on its way to Kafka
				Document event = new Document("eventId", "e2").append("type", ContactRequestEvent.RECEIVED)
					.append("occurredAt", Date.from(T0))
					.append("requestId", "r1")
					.append("status", "CONTACTED");
				this.mongo
					.updateFirst(new Query(where("_id").is("r1")),
							new Update().push("pendingEvents", event).set("outboxPending", true),
							ContactRequestCollection.NAME)
					.block(Duration.ofSeconds(5));
			}
			return recordingSender().send(topic, key, value, traceparent);
		});

		StepVerifier.create(relay.relayNext()).expectNext(Outcome.PUBLISHED).verifyComplete();

		Document afterFirst = find("r1");
		assertThat(afterFirst.getList("pendingEvents", Document.class)).extracting((e) -> e.getString("eventId"))
			.containsExactly("e2");
		assertThat(afterFirst.getBoolean("outboxPending")).isTrue();
		assertThat(afterFirst.get("outboxLeaseOwner")).isNull();

		StepVerifier.create(relay.drain()).expectNext(1L).verifyComplete();
		assertThat(this.sent).extracting((s) -> eventId(s.value())).containsExactly("e1", "e2");
		assertThat(find("r1").getBoolean("outboxPending")).isFalse();
	}

	@Test
	void failedSendReleasesTheLeaseWithExponentialBackoffAndKeepsTheEvents() {
		insertRequest("r1", T0, "e1");
		OutboxRelay relay = relay(
				(topic, key, value, traceparent) -> Mono.error(new IllegalStateException("broker down")));

		StepVerifier.create(relay.relayNext()).expectNext(Outcome.FAILED).verifyComplete();
		Document afterFirst = find("r1");
		assertThat(afterFirst.getList("pendingEvents", Document.class)).hasSize(1);
		assertThat(afterFirst.getBoolean("outboxPending")).isTrue();
		assertThat(afterFirst.get("outboxLeaseOwner")).isNull();
		assertThat(afterFirst.get("outboxLeaseUntil")).isNull();
		assertThat(afterFirst.getInteger("outboxAttempts")).isEqualTo(1);
		assertThat(afterFirst.getDate("outboxNextAttemptAt")).isEqualTo(Date.from(T0.plusSeconds(1)));

		// Not due before the backoff has passed.
		StepVerifier.create(relay.relayNext()).expectNext(Outcome.IDLE).verifyComplete();

		this.clock.advance(Duration.ofSeconds(1));
		StepVerifier.create(relay.relayNext()).expectNext(Outcome.FAILED).verifyComplete();
		Document afterSecond = find("r1");
		assertThat(afterSecond.getInteger("outboxAttempts")).isEqualTo(2);
		assertThat(afterSecond.getDate("outboxNextAttemptAt"))
			.isEqualTo(Date.from(this.clock.instant().plusSeconds(2)));
		assertThat(this.meters.get("intake.outbox.failures").counter().count()).isEqualTo(2.0);
		assertThat(this.meters.get("intake.outbox.published").counter().count()).isZero();
	}

	@Test
	void retriesAfterTheBackoffAndSucceeds() {
		insertRequest("r1", T0, "e1");
		AtomicInteger calls = new AtomicInteger();
		OutboxRelay relay = relay((topic, key, value, traceparent) -> (calls.incrementAndGet() == 1)
				? Mono.error(new IllegalStateException("broker down"))
				: recordingSender().send(topic, key, value, traceparent));

		StepVerifier.create(relay.drain()).expectNext(0L).verifyComplete();
		this.clock.advance(Duration.ofSeconds(1));
		StepVerifier.create(relay.drain()).expectNext(1L).verifyComplete();

		assertThat(this.sent).extracting((s) -> eventId(s.value())).containsExactly("e1");
		Document stored = find("r1");
		assertThat(stored.getBoolean("outboxPending")).isFalse();
		assertThat(stored.getInteger("outboxAttempts")).isZero();
	}

	@Test
	void eventsAcknowledgedBeforeAFailureAreNotSentAgain() {
		insertRequest("r1", T0, "e1", "e2");
		OutboxRelay relay = relay((topic, key, value, traceparent) -> "e2".equals(eventId(value))
				? Mono.error(new IllegalStateException("broker down"))
				: recordingSender().send(topic, key, value, traceparent));

		StepVerifier.create(relay.relayNext()).expectNext(Outcome.FAILED).verifyComplete();

		Document stored = find("r1");
		assertThat(stored.getList("pendingEvents", Document.class)).extracting((e) -> e.getString("eventId"))
			.containsExactly("e2");
		assertThat(stored.getBoolean("outboxPending")).isTrue();
		assertThat(this.meters.get("intake.outbox.published").counter().count()).isEqualTo(1.0);
	}

	@Test
	void sendThatNeverAnswersTimesOut() {
		insertRequest("r1", T0, "e1");
		OutboxProperties shortTimeout = new OutboxProperties(TOPIC, TOPIC + ".DLT", 3, 1, Duration.ofSeconds(1),
				Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30), 100);
		OutboxRelay relay = new OutboxRelay(new OutboxStore(this.mongo),
				(topic, key, value, traceparent) -> Mono.never(), new ContactRequestEventJson(), shortTimeout,
				this.clock, this.meters);

		StepVerifier.create(relay.relayNext())
			.expectNext(Outcome.FAILED)
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		assertThat(find("r1").getInteger("outboxAttempts")).isEqualTo(1);
	}

	@Test
	void documentLeasedByAnotherRelayIsLeftAloneUntilTheLeaseExpires() {
		insertRequest("r1", T0, "e1");
		OutboxStore store = new OutboxStore(this.mongo);
		StepVerifier.create(store.claim("other-relay", T0, Duration.ofSeconds(60), 10))
			.assertNext((entry) -> assertThat(entry.id()).isEqualTo("r1"))
			.verifyComplete();
		OutboxRelay relay = relay(recordingSender());

		StepVerifier.create(relay.relayNext()).expectNext(Outcome.IDLE).verifyComplete();

		this.clock.advance(Duration.ofSeconds(61));
		StepVerifier.create(relay.relayNext()).expectNext(Outcome.PUBLISHED).verifyComplete();
		assertThat(this.sent).hasSize(1);
	}

	@Test
	void claimsTheDocumentThatIsDueSoonestFirst() {
		insertRequest("later", T0.plusSeconds(-10), "e-later");
		insertRequest("sooner", T0.plusSeconds(-20), "e-sooner");
		OutboxRelay relay = relay(recordingSender());

		StepVerifier.create(relay.drain()).expectNext(2L).verifyComplete();

		assertThat(this.sent).extracting(Sent::key).containsExactly("sooner", "later");
	}

	@Test
	void twoRelaysRacingPublishEveryEventExactlyOnce() {
		for (int i = 0; i < 30; i++) {
			insertRequest("race-" + i, T0, "race-e" + i + "a", "race-e" + i + "b");
		}
		// A sender that yields, so that the two relays really interleave.
		OutboxSender slowSender = (topic, key, value, traceparent) -> Mono
			.fromRunnable(() -> this.sent.add(new Sent(topic, key, value)))
			.subscribeOn(reactor.core.scheduler.Schedulers.parallel())
			.then();
		OutboxRelay first = relay(slowSender);
		OutboxRelay second = relay(slowSender);

		StepVerifier
			.create(Mono.zip(first.drain().subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
					second.drain().subscribeOn(reactor.core.scheduler.Schedulers.parallel())))
			// A relay may also claim a document whose last event the other just removed
			// (before its pending flag is cleared) and publish nothing: at least 30
			// claims.
			.assertNext((counts) -> assertThat(counts.getT1() + counts.getT2()).isGreaterThanOrEqualTo(30L))
			.verifyComplete();

		assertThat(this.sent).hasSize(60);
		assertThat(this.sent).extracting((s) -> eventId(s.value())).doesNotHaveDuplicates();
		StepVerifier.create(this.mongo.count(
				new Query(org.springframework.data.mongodb.core.query.Criteria.where("outboxPending").is(true)),
				ContactRequestCollection.NAME))
			.expectNext(0L)
			.verifyComplete();
	}

	@Test
	void claimTakesAtMostTheLimitSoonestFirstAndSkipsLeasedAndFutureDocuments() {
		for (int i = 0; i < 5; i++) {
			insertRequest("due-" + i, T0.minusSeconds(10 - i), "due-e" + i);
		}
		insertRequest("future", T0.plusSeconds(5), "future-e");
		OutboxStore store = new OutboxStore(this.mongo);
		StepVerifier.create(store.claim("other-relay", T0, Duration.ofSeconds(60), 1))
			.expectNextCount(1)
			.verifyComplete();

		StepVerifier.create(store.claim("this-relay", T0, Duration.ofSeconds(60), 3).map(OutboxEntry::id))
			.expectNext("due-1", "due-2", "due-3")
			.verifyComplete();

		assertThat(find("due-0").getString("outboxLeaseOwner")).isEqualTo("other-relay");
		assertThat(find("due-2").getString("outboxLeaseOwner")).isEqualTo("this-relay");
		assertThat(find("due-2").getDate("outboxLeaseUntil")).isEqualTo(Date.from(T0.plusSeconds(60)));
		assertThat(find("due-4").get("outboxLeaseOwner")).isNull();
		assertThat(find("future").get("outboxLeaseOwner")).isNull();
	}

	@Test
	void racingClaimsNeverLeaseOneDocumentTwice() {
		for (int i = 0; i < 60; i++) {
			insertRequest("claim-" + i, T0.minusSeconds(i % 7), "claim-e" + i);
		}
		OutboxStore store = new OutboxStore(this.mongo);

		List<Map.Entry<String, List<String>>> claims = reactor.core.publisher.Flux.range(0, 8)
			.flatMap((n) -> store.claim("lease-" + n, T0, Duration.ofSeconds(60), 10)
				.map(OutboxEntry::id)
				.collectList()
				.map((ids) -> Map.entry("lease-" + n, ids))
				.subscribeOn(reactor.core.scheduler.Schedulers.parallel()), 8)
			.collectList()
			.block(Duration.ofSeconds(30));

		List<String> all = claims.stream().flatMap((claim) -> claim.getValue().stream()).toList();
		assertThat(all).doesNotHaveDuplicates();
		// Every document a claim returned carries that claim's lease, and no other
		// document is leased.
		for (Map.Entry<String, List<String>> claim : claims) {
			for (String id : claim.getValue()) {
				assertThat(find(id).getString("outboxLeaseOwner")).isEqualTo(claim.getKey());
			}
		}
		StepVerifier.create(this.mongo.count(
				new Query(org.springframework.data.mongodb.core.query.Criteria.where("outboxLeaseOwner").ne(null)),
				ContactRequestCollection.NAME))
			.expectNext((long) all.size())
			.verifyComplete();
	}

	@Test
	void aFailingDocumentDoesNotHoldBackTheOthersOfItsBatch() {
		insertRequest("ok-1", T0.minusSeconds(3), "ok-e1");
		insertRequest("broken", T0.minusSeconds(2), "broken-e");
		insertRequest("ok-2", T0.minusSeconds(1), "ok-e2");
		OutboxRelay relay = relay((topic, key, value, traceparent) -> "broken".equals(key)
				? Mono.error(new IllegalStateException("record too large"))
				: recordingSender().send(topic, key, value, traceparent));

		StepVerifier.create(relay.drain()).expectNext(2L).verifyComplete();

		assertThat(this.sent).extracting(Sent::key).containsExactlyInAnyOrder("ok-1", "ok-2");
		assertThat(find("ok-1").getBoolean("outboxPending")).isFalse();
		assertThat(find("ok-2").getBoolean("outboxPending")).isFalse();
		Document broken = find("broken");
		assertThat(broken.getBoolean("outboxPending")).isTrue();
		assertThat(broken.get("outboxLeaseOwner")).isNull();
		assertThat(broken.getInteger("outboxAttempts")).isEqualTo(1);
		assertThat(broken.getDate("outboxNextAttemptAt")).isEqualTo(Date.from(T0.plusSeconds(1)));
	}

	@Test
	void drainTakesBatchAfterBatchUntilNothingIsDue() {
		for (int i = 0; i < 25; i++) {
			insertRequest("batch-" + i, T0.minusSeconds(30 - i), "batch-e" + i);
		}
		OutboxProperties smallBatches = new OutboxProperties(TOPIC, TOPIC + ".DLT", 3, 1, Duration.ofSeconds(1),
				Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), 10);
		OutboxRelay relay = new OutboxRelay(new OutboxStore(this.mongo), recordingSender(),
				new ContactRequestEventJson(), smallBatches, this.clock, this.meters);

		StepVerifier.create(relay.drain()).expectNext(25L).verifyComplete();

		assertThat(this.sent).extracting((s) -> eventId(s.value())).doesNotHaveDuplicates().hasSize(25);
		StepVerifier.create(relay.relayNext()).expectNext(Outcome.IDLE).verifyComplete();
	}

	@Test
	void oldestPendingEventIsReadWithoutTheRestOfTheDocument() {
		insertRequest("r1", T0, "e1");
		StepVerifier.create(new OutboxStore(this.mongo).oldestPendingEventAt()).expectNext(T0).verifyComplete();
	}

	@Test
	void triggeredRequestsArePublishedByIdAndOthersAreLeftToTheSweep() {
		insertRequest("old", T0.minusSeconds(30), "old-e");
		insertRequest("new-1", T0, "new-e1");
		insertRequest("new-2", T0, "new-e2a", "new-e2b");
		OutboxRelay relay = relay(recordingSender());

		relay.trigger("new-1");
		relay.trigger("new-2");
		relay.trigger("new-1");
		StepVerifier.create(relay.publishTriggered()).expectNext(2L).verifyComplete();

		assertThat(this.sent).extracting((s) -> eventId(s.value()))
			.containsExactlyInAnyOrder("new-e1", "new-e2a", "new-e2b");
		assertThat(this.sent).extracting((s) -> eventId(s.value())).containsSubsequence("new-e2a", "new-e2b");
		assertThat(find("new-1").getBoolean("outboxPending")).isFalse();
		assertThat(find("new-2").get("outboxLeaseOwner")).isNull();
		assertThat(find("old").getBoolean("outboxPending")).isTrue();
		// Nothing is left in the queue; the old request waits for the sweep.
		StepVerifier.create(relay.publishTriggered()).expectNext(0L).verifyComplete();
		StepVerifier.create(relay.drain()).expectNext(1L).verifyComplete();
		assertThat(this.sent).hasSize(4);
	}

	@Test
	void triggeredRequestLeasedByAnotherRelayOrInBackoffIsNotPublished() {
		insertRequest("leased", T0, "leased-e");
		insertRequest("backoff", T0.plusSeconds(4), "backoff-e");
		insertRequest("done", T0);
		OutboxStore store = new OutboxStore(this.mongo);
		StepVerifier.create(store.claim("leased", "other-relay", T0, Duration.ofSeconds(60)))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(this.mongo.updateFirst(
				new Query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is("done")),
				new org.springframework.data.mongodb.core.query.Update().set("outboxPending", false),
				ContactRequestCollection.NAME))
			.expectNextCount(1)
			.verifyComplete();
		OutboxRelay relay = relay(recordingSender());

		relay.trigger("leased");
		relay.trigger("backoff");
		relay.trigger("done");
		relay.trigger("unknown");
		StepVerifier.create(relay.publishTriggered()).expectNext(0L).verifyComplete();

		assertThat(this.sent).isEmpty();
		assertThat(find("leased").getString("outboxLeaseOwner")).isEqualTo("other-relay");
	}

	@Test
	void aTriggerAndASweepRacingPublishEveryEventExactlyOnce() {
		for (int i = 0; i < 30; i++) {
			insertRequest("mixed-" + i, T0, "mixed-e" + i);
		}
		OutboxSender slowSender = (topic, key, value, traceparent) -> Mono
			.fromRunnable(() -> this.sent.add(new Sent(topic, key, value)))
			.subscribeOn(reactor.core.scheduler.Schedulers.parallel())
			.then();
		OutboxRelay triggered = relay(slowSender);
		OutboxRelay sweeping = relay(slowSender);
		for (int i = 0; i < 30; i++) {
			triggered.trigger("mixed-" + i);
		}

		StepVerifier
			.create(Mono.zip(triggered.publishTriggered().subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
					sweeping.drain().subscribeOn(reactor.core.scheduler.Schedulers.parallel())))
			// A document whose last event the other just removed may be claimed again and
			// publish nothing: at least 30.
			.assertNext((counts) -> assertThat(counts.getT1() + counts.getT2()).isGreaterThanOrEqualTo(30L))
			.verifyComplete();

		assertThat(this.sent).extracting((s) -> eventId(s.value())).doesNotHaveDuplicates().hasSize(30);
	}

	@Test
	/**
	 * The relay hands each event's stored trace context to the sender as it is; the
	 * sender continues it, or starts a new trace for a malformed one
	 * ({@code TraceContexts}, and the application tests through Kafka).
	 */
	void storedTraceparentIsHandedToTheSender() {
		insertRequest("traced", T0, "t1", "t2", "t3");
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		StepVerifier.create(this.mongo.updateFirst(
				new Query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is("traced")),
				new org.springframework.data.mongodb.core.query.Update().set("pendingEvents.0.traceparent", traceparent)
					.set("pendingEvents.1.traceparent", "00-not-a-trace-01"),
				ContactRequestCollection.NAME))
			.expectNextCount(1)
			.verifyComplete();
		List<String> traceparents = new java.util.ArrayList<>();
		OutboxRelay relay = relay((topic, key, value, header) -> Mono.fromRunnable(() -> traceparents.add(header)));

		StepVerifier.create(relay.relayNext()).expectNext(Outcome.PUBLISHED).verifyComplete();

		assertThat(traceparents).containsExactly(traceparent, "00-not-a-trace-01", null);
	}

	@Test
	void backoffDoublesUpToTheCap() {
		OutboxRelay relay = relay(recordingSender());
		assertThat(relay.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(relay.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(relay.backoff(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(relay.backoff(6)).isEqualTo(Duration.ofSeconds(30));
		assertThat(relay.backoff(1_000)).isEqualTo(Duration.ofSeconds(30));
	}

	private OutboxRelay relay(OutboxSender sender) {
		return new OutboxRelay(new OutboxStore(this.mongo), sender, new ContactRequestEventJson(), this.properties,
				this.clock, this.meters);
	}

	private OutboxSender recordingSender() {
		return (topic, key, value, traceparent) -> Mono.fromRunnable(() -> this.sent.add(new Sent(topic, key, value)));
	}

	private void insertRequest(String id, Instant nextAttemptAt, String... eventIds) {
		List<Document> events = Arrays.stream(eventIds)
			.map((eventId) -> new Document("eventId", eventId).append("type", ContactRequestEvent.RECEIVED)
				.append("occurredAt", Date.from(T0))
				.append("requestId", id)
				.append("reference", "K7PX-3MZQ")
				.append("urgency", "ROUTINE")
				.append("source", "WEB")
				.append("centerId", null)
				.append("status", "RECEIVED")
				.append("firstContactDueAt", Date.from(T0.plusSeconds(3600))))
			.toList();
		Document request = new Document("_id", id).append("reference", "K7PX-3MZQ")
			.append("name", "Personal Name")
			.append("pendingEvents", events)
			.append("outboxPending", true)
			.append("outboxAttempts", 0)
			.append("outboxNextAttemptAt", Date.from(nextAttemptAt));
		StepVerifier.create(this.mongo.insert(request, ContactRequestCollection.NAME))
			.expectNextCount(1)
			.verifyComplete();
	}

	private Document find(String id) {
		return this.mongo.findById(id, Document.class, ContactRequestCollection.NAME).block(Duration.ofSeconds(5));
	}

	private static String eventId(String json) {
		JsonNode node = JsonMapper.builder().build().readTree(json);
		assertThat(node.has("name")).isFalse();
		return node.get("eventId").asString();
	}

	record Sent(String topic, String key, String value) {

	}

}
