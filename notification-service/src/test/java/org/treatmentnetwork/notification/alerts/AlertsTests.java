package org.treatmentnetwork.notification.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State transitions of alerts against the embedded MongoDB wire-protocol server.
 */
@DataMongoTest
@Import({ Alerts.class, AlertIndexes.class, AlertsTests.Clocks.class })
class AlertsTests {

	private static final Duration LEASE = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("alerts-tests"));
	}

	@Autowired
	private Alerts alerts;

	@Autowired
	private AlertIndexes indexes;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@BeforeEach
	void emptyCollectionWithIndexes() {
		StepVerifier.create(this.mongo.remove(new Query(), AlertDocument.class)).expectNextCount(1).verifyComplete();
		StepVerifier.create(this.indexes.initialize()).verifyComplete();
	}

	@Test
	void secondOpenForTheSameRequestIsANoOp() {
		NewAlert alert = newAlert();

		StepVerifier.create(this.alerts.open(alert)).expectNext(true).verifyComplete();
		StepVerifier.create(this.alerts.open(alert)).expectNext(false).verifyComplete();
		StepVerifier.create(this.alerts.search(null, alert.reference(), 10)).expectNextCount(1).verifyComplete();
	}

	@Test
	void aClaimedAlertCannotBeClaimedAgainUntilItsLeaseExpires() {
		NewAlert alert = newAlert();
		this.alerts.open(alert).block();

		StepVerifier.create(this.alerts.claimNextDue("instance-a", LEASE))
			.assertNext((claimed) -> assertThat(claimed.leaseOwner()).isEqualTo("instance-a"))
			.verifyComplete();
		StepVerifier.create(this.alerts.claimNextDue("instance-b", LEASE)).verifyComplete();

		this.clock.advance(LEASE);
		StepVerifier.create(this.alerts.claimNextDue("instance-b", LEASE))
			.assertNext((claimed) -> assertThat(claimed.leaseOwner()).isEqualTo("instance-b"))
			.verifyComplete();
	}

	@Test
	void notifiedAlertIsNoLongerDue() {
		this.alerts.open(newAlert()).block();
		AlertDocument claimed = this.alerts.claimNextDue("instance-a", LEASE).block();

		StepVerifier
			.create(this.alerts.recordStep(claimed.id(), "instance-a",
					List.of(new TimelineEntry(this.clock.instant(), TimelineType.NOTIFIED, "avery-example",
							TimelineChannel.EMAIL, "Paged")),
					new StepOutcome(1, 0, null, true, false, false)))
			.verifyComplete();

		this.clock.advance(Duration.ofHours(1));
		StepVerifier.create(this.alerts.claimNextDue("instance-a", LEASE)).verifyComplete();
		StepVerifier.create(this.alerts.findById(claimed.id())).assertNext((alert) -> {
			assertThat(alert.timeline()).extracting(TimelineEntry::type)
				.containsExactly(TimelineType.CREATED, TimelineType.NOTIFIED);
			assertThat(alert.nextActionAt()).isNull();
			assertThat(alert.leaseOwner()).isNull();
		}).verifyComplete();
	}

	@Test
	void failedDeliveryIsRetriedAfterItsBackoff() {
		this.alerts.open(newAlert()).block();
		AlertDocument claimed = this.alerts.claimNextDue("instance-a", LEASE).block();
		Instant retryAt = this.clock.instant().plusSeconds(5);

		StepVerifier.create(this.alerts.recordStep(claimed.id(), "instance-a",
				List.of(new TimelineEntry(this.clock.instant(), TimelineType.DELIVERY_FAILED, "avery-example",
						TimelineChannel.EMAIL, "E-mail delivery failed")),
				new StepOutcome(1, 0, retryAt, false, false, false)))
			.verifyComplete();

		StepVerifier.create(this.alerts.claimNextDue("instance-a", LEASE)).verifyComplete();
		this.clock.advance(Duration.ofSeconds(5));
		StepVerifier.create(this.alerts.claimNextDue("instance-b", LEASE)).assertNext((again) -> {
			assertThat(again.id()).isEqualTo(claimed.id());
			assertThat(again.deliveryAttempts()).isEqualTo(1);
		}).verifyComplete();
	}

	@Test
	void acknowledgeIsIdempotentAndStopsPaging() {
		NewAlert alert = newAlert();
		this.alerts.open(alert).block();
		String id = this.alerts.search(null, alert.reference(), 1).blockFirst().id();

		StepVerifier.create(this.alerts.acknowledge(id, "jordan-example", TimelineChannel.API))
			.assertNext((acknowledged) -> {
				assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
				assertThat(acknowledged.acknowledgedBy()).isEqualTo("jordan-example");
				// The first contact is overdue already: the acknowledgement holds for the
				// grace period, then the acknowledger is reminded.
				assertThat(acknowledged.nextActionAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(10)));
			})
			.verifyComplete();
		StepVerifier.create(this.alerts.acknowledge(id, "riley-example", TimelineChannel.API)).assertNext((again) -> {
			assertThat(again.acknowledgedBy()).isEqualTo("jordan-example");
			assertThat(again.timeline()).filteredOn((entry) -> entry.type() == TimelineType.ACKNOWLEDGED).hasSize(1);
		}).verifyComplete();
		StepVerifier.create(this.alerts.claimNextDue("instance-a", LEASE)).verifyComplete();
	}

	@Test
	void resolveIsIdempotentAndAResolvedAlertCannotBeAcknowledged() {
		NewAlert alert = newAlert();
		this.alerts.open(alert).block();
		String id = this.alerts.search(null, alert.reference(), 1).blockFirst().id();

		StepVerifier.create(this.alerts.resolveForRequest(alert.requestId(), "CONTACTED"))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(this.alerts.resolveForRequest(alert.requestId(), "ADMITTED"))
			.expectNext(false)
			.verifyComplete();
		StepVerifier.create(this.alerts.acknowledge(id, "jordan-example", TimelineChannel.API))
			.expectError(AlertAlreadyResolvedException.class)
			.verify();
		StepVerifier.create(this.alerts.acknowledge("no-such-alert", "jordan-example", TimelineChannel.API))
			.verifyComplete();
		StepVerifier.create(this.alerts.findById(id))
			.assertNext((resolved) -> assertThat(resolved.timeline()).extracting(TimelineEntry::type)
				.containsExactly(TimelineType.CREATED, TimelineType.RESOLVED))
			.verifyComplete();
	}

	@Test
	void aDuplicateAttachesToTheOpenAlertOnceAndItsContactResolvesIt() {
		NewAlert original = newAlert();
		this.alerts.open(original).block();
		String duplicate = UUID.randomUUID().toString();

		StepVerifier.create(this.alerts.attachDuplicate(original.requestId(), duplicate, "TN-DUP1"))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(this.alerts.attachDuplicate(original.requestId(), duplicate, "TN-DUP1"))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(this.alerts.search(null, original.reference(), 10)).assertNext((alert) -> {
			assertThat(alert.linkedRequestIds()).containsExactly(duplicate);
			assertThat(alert.timeline()).filteredOn((entry) -> entry.type() == TimelineType.DUPLICATE_LINKED)
				.hasSize(1);
		}).verifyComplete();

		StepVerifier.create(this.alerts.resolveForRequest(duplicate, "CONTACTED")).expectNext(true).verifyComplete();
		StepVerifier.create(this.alerts.attachDuplicate(original.requestId(), UUID.randomUUID().toString(), "TN-DUP2"))
			.expectNext(false)
			.verifyComplete();
		StepVerifier.create(this.alerts.attachDuplicate("no-such-request", UUID.randomUUID().toString(), "TN-DUP3"))
			.expectNext(false)
			.verifyComplete();
	}

	@Test
	void searchFiltersByStateNewestFirst() {
		String reference = "TN-" + UUID.randomUUID().toString().substring(0, 8);
		NewAlert older = new NewAlert(UUID.randomUUID().toString(), "e-1", reference, "ROUTINE", "WEB", null, null);
		NewAlert newer = new NewAlert(UUID.randomUUID().toString(), "e-2", reference, "CRISIS", "PHONE", null, null);
		this.alerts.open(older).block();
		this.clock.advance(Duration.ofSeconds(1));
		this.alerts.open(newer).block();

		StepVerifier.create(this.alerts.search(null, reference, 10).map(AlertDocument::requestId))
			.expectNext(newer.requestId(), older.requestId())
			.verifyComplete();
		this.alerts.resolveForRequest(older.requestId(), "CLOSED").block();
		StepVerifier.create(this.alerts.search(AlertState.RESOLVED, reference, 10).map(AlertDocument::requestId))
			.expectNext(older.requestId())
			.verifyComplete();
	}

	private static NewAlert newAlert() {
		return new NewAlert(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				"TN-" + UUID.randomUUID().toString().substring(0, 8), "CRISIS", "WEB", null,
				Instant.parse("2026-11-24T22:15:00Z"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		}

		@Bean
		EscalationProperties escalationProperties() {
			return new EscalationProperties(Map.of("CRISIS", 1.0), Map.of(), Duration.ofMinutes(10));
		}

	}

}
