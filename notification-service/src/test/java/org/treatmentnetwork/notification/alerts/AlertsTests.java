package org.treatmentnetwork.notification.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.escalation.EscalationProperties;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;
import reactor.core.publisher.Flux;
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
	void aRepeatOfTheSameUrgencyIsLinkedOnceQueuesOneNoticeAndItsContactResolvesTheAlert() {
		NewAlert original = newAlert("ROUTINE");
		this.alerts.open(original).block();
		NewAlert repeat = repeatOf(original, "ROUTINE");

		StepVerifier.create(this.alerts.linkRepeat(repeat)).expectNext(RepeatLink.NOTICE_PENDING).verifyComplete();
		StepVerifier.create(this.alerts.linkRepeat(repeat)).expectNext(RepeatLink.ALREADY_LINKED).verifyComplete();
		AlertDocument alert = only(original);
		assertThat(alert.linkedRequestIds()).containsExactly(repeat.requestId());
		assertThat(alert.urgency()).isEqualTo("ROUTINE");
		assertThat(alert.repeatNotices()).singleElement()
			.satisfies((notice) -> assertThat(notice.requestId()).isEqualTo(repeat.requestId()));
		assertThat(alert.repeatNoticeAt()).isEqualTo(this.clock.instant());
		assertThat(alert.timeline()).extracting(TimelineEntry::type)
			.containsExactly(TimelineType.CREATED, TimelineType.DUPLICATE_LINKED);
		assertThat(alert.timeline().get(1).detail()).contains(repeat.reference()).contains("ROUTINE");

		StepVerifier.create(this.alerts.resolveForRequest(repeat.requestId(), "CONTACTED"))
			.expectNext(true)
			.verifyComplete();
		// Resolved meanwhile: the redelivered repeat is still known, and opens nothing.
		StepVerifier.create(this.alerts.linkRepeat(repeat)).expectNext(RepeatLink.ALREADY_LINKED).verifyComplete();
		StepVerifier.create(this.alerts.linkRepeat(repeatOf(original, "CRISIS")))
			.expectNext(RepeatLink.NO_OPEN_ALERT)
			.verifyComplete();
		StepVerifier
			.create(this.alerts.linkRepeat(new NewAlert(UUID.randomUUID().toString(), "e", "TN-DUP3", "ROUTINE", "WEB",
					null, null, "no-such-request")))
			.expectNext(RepeatLink.NO_OPEN_ALERT)
			.verifyComplete();
	}

	@Test
	void aLessUrgentRepeatQueuesANoticeAndLeavesTheUrgencyAndEscalationAlone() {
		NewAlert original = newAlert("HIGH");
		this.alerts.open(original).block();
		AlertDocument before = only(original);

		StepVerifier.create(this.alerts.linkRepeat(repeatOf(original, "ROUTINE")))
			.expectNext(RepeatLink.NOTICE_PENDING)
			.verifyComplete();

		AlertDocument after = only(original);
		assertThat(after.urgency()).isEqualTo("HIGH");
		assertThat(after.nextActionAt()).isEqualTo(before.nextActionAt());
		assertThat(after.escalationStep()).isEqualTo(before.escalationStep());
		assertThat(after.repeatNotices()).hasSize(1);
	}

	@Test
	void aMoreUrgentRepeatRaisesTheUrgencyOnceAndStartsTheEscalationAgainAtOnce() {
		NewAlert original = newAlert("ROUTINE");
		this.alerts.open(original).block();
		String id = only(original).id();
		this.alerts.acknowledge(id, "jordan-example", TimelineChannel.API).block();
		this.clock.advance(Duration.ofMinutes(3));
		NewAlert crisis = new NewAlert(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "TN-CRISIS1",
				"CRISIS", "WEB", null, this.clock.instant().plus(Duration.ofMinutes(5)), original.requestId());

		StepVerifier.create(this.alerts.linkRepeat(crisis)).expectNext(RepeatLink.URGENCY_RAISED).verifyComplete();
		StepVerifier.create(this.alerts.linkRepeat(crisis)).expectNext(RepeatLink.ALREADY_LINKED).verifyComplete();

		AlertDocument raised = only(original);
		assertThat(raised.urgency()).isEqualTo("CRISIS");
		assertThat(raised.state()).isEqualTo(AlertState.TRIGGERED);
		assertThat(raised.escalationStep()).isEqualTo(1);
		assertThat(raised.escalationRound()).isZero();
		assertThat(raised.nextActionAt()).isEqualTo(this.clock.instant());
		assertThat(raised.firstContactDueAt()).isEqualTo(crisis.firstContactDueAt());
		assertThat(raised.linkedRequestIds()).containsExactly(crisis.requestId());
		assertThat(raised.repeatNotices()).isEmpty();
		assertThat(raised.timeline()).extracting(TimelineEntry::type)
			.containsExactly(TimelineType.CREATED, TimelineType.ACKNOWLEDGED, TimelineType.DUPLICATE_LINKED,
					TimelineType.URGENCY_RAISED);
		assertThat(raised.timeline().get(3).detail()).contains("CRISIS").contains(crisis.reference());
		StepVerifier.create(this.alerts.claimIfDue(id, "instance-a", LEASE))
			.assertNext((claimed) -> assertThat(claimed.urgency()).isEqualTo("CRISIS"))
			.verifyComplete();

		// A HIGH repeat of a CRISIS alert does not lower it; its first contact due time
		// (later) leaves the earlier one.
		StepVerifier.create(this.alerts.linkRepeat(repeatOf(original, "HIGH")))
			.expectNext(RepeatLink.NOTICE_PENDING)
			.verifyComplete();
		assertThat(only(original).urgency()).isEqualTo("CRISIS");
		assertThat(only(original).firstContactDueAt()).isEqualTo(crisis.firstContactDueAt());
	}

	@Test
	void raisingTheUrgencyTakesTheClaimAwaySoAStepInFlightOnlyAddsItsEntries() {
		NewAlert original = newAlert("ROUTINE");
		this.alerts.open(original).block();
		AlertDocument claimed = this.alerts.claimNextDue("instance-a/1", LEASE).block();

		this.alerts.linkRepeat(repeatOf(original, "CRISIS")).block();
		StepVerifier.create(this.alerts.claimIfDue(claimed.id(), "instance-a/2", LEASE))
			.expectNextCount(1)
			.verifyComplete();
		this.alerts.recordStep(claimed.id(), "instance-a/1",
				List.of(new TimelineEntry(this.clock.instant(), TimelineType.NOTIFIED, "avery-example",
						TimelineChannel.EMAIL, "Paged")),
				new StepOutcome(2, 0, this.clock.instant().plus(Duration.ofMinutes(10)), true, false, false,
						List.of("avery-example")))
			.block();

		AlertDocument after = this.alerts.findById(claimed.id()).block();
		assertThat(after.escalationStep()).isEqualTo(1);
		assertThat(after.leaseOwner()).isEqualTo("instance-a/2");
		assertThat(after.pagedStaffIds()).isEmpty();
		assertThat(after.timeline()).extracting(TimelineEntry::type).endsWith(TimelineType.NOTIFIED);
	}

	@Test
	void twoInstancesLinkingTheSameRepeatAtOnceChangeTheAlertOnce() {
		NewAlert routine = newAlert("ROUTINE");
		this.alerts.open(routine).block();
		NewAlert crisis = repeatOf(routine, "CRISIS");
		NewAlert same = newAlert("HIGH");
		this.alerts.open(same).block();
		NewAlert high = repeatOf(same, "HIGH");

		List<RepeatLink> raised = Flux.merge(this.alerts.linkRepeat(crisis), this.alerts.linkRepeat(crisis))
			.collectList()
			.block();
		List<RepeatLink> noticed = Flux.merge(this.alerts.linkRepeat(high), this.alerts.linkRepeat(high))
			.collectList()
			.block();

		assertThat(raised).containsExactlyInAnyOrder(RepeatLink.URGENCY_RAISED, RepeatLink.ALREADY_LINKED);
		assertThat(noticed).containsExactlyInAnyOrder(RepeatLink.NOTICE_PENDING, RepeatLink.ALREADY_LINKED);
		assertThat(only(routine).timeline()).filteredOn((entry) -> entry.type() == TimelineType.URGENCY_RAISED)
			.hasSize(1);
		assertThat(only(same).repeatNotices()).hasSize(1);
	}

	@Test
	void aRepeatAfterTheAlertWasResolvedOpensItsOwnWhichLaterRepeatsFind() {
		NewAlert first = newAlert("ROUTINE");
		this.alerts.open(first).block();
		this.alerts.resolveForRequest(first.requestId(), "CLOSED").block();
		NewAlert second = repeatOf(first, "ROUTINE");

		StepVerifier.create(this.alerts.linkRepeat(second)).expectNext(RepeatLink.NO_OPEN_ALERT).verifyComplete();
		StepVerifier.create(this.alerts.open(second)).expectNext(true).verifyComplete();
		NewAlert third = repeatOf(first, "CRISIS");
		StepVerifier.create(this.alerts.linkRepeat(third)).expectNext(RepeatLink.URGENCY_RAISED).verifyComplete();

		AlertDocument secondsAlert = only(second);
		assertThat(secondsAlert.duplicateOf()).isEqualTo(first.requestId());
		assertThat(secondsAlert.linkedRequestIds()).containsExactly(third.requestId());
		assertThat(secondsAlert.urgency()).isEqualTo("CRISIS");
		assertThat(only(first).state()).isEqualTo(AlertState.RESOLVED);
		assertThat(only(first).linkedRequestIds()).isEmpty();
	}

	@Test
	void pendingRepeatNoticesAreDueUntilSentAndASentNoticeIsRemovedEvenIfTheClaimWasLost() {
		NewAlert original = newAlert("ROUTINE");
		this.alerts.open(original).block();
		String id = only(original).id();
		AlertDocument paged = this.alerts.claimNextDue("instance-a/1", LEASE).block();
		this.alerts
			.recordStep(paged.id(), "instance-a/1", List.of(),
					new StepOutcome(2, 0, this.clock.instant().plus(Duration.ofMinutes(10)), true, false, false,
							List.of("avery-example")))
			.block();
		StepVerifier.create(this.alerts.claimNextDue("instance-a/2", LEASE)).verifyComplete();
		NewAlert first = repeatOf(original, "ROUTINE");
		this.alerts.linkRepeat(first).block();

		AlertDocument claimed = this.alerts.claimNextDue("instance-a/3", LEASE).block();
		assertThat(claimed.id()).isEqualTo(id);
		assertThat(claimed.pagedStaffIds()).containsExactly("avery-example");
		assertThat(claimed.repeatNotices()).hasSize(1);
		// Failed: due again after the backoff only.
		this.alerts.recordRepeatNotices(id, "instance-a/3", List.of(), List.of(), this.clock.instant().plusSeconds(5))
			.block();
		StepVerifier.create(this.alerts.claimNextDue("instance-a/4", LEASE)).verifyComplete();
		this.clock.advance(Duration.ofSeconds(5));
		AlertDocument again = this.alerts.claimNextDue("instance-a/5", LEASE).block();
		assertThat(again.repeatNoticeFailures()).isEqualTo(1);
		// Another repeat arrives while the notice is out; the lease then expires.
		NewAlert second = repeatOf(original, "ROUTINE");
		this.alerts.linkRepeat(second).block();
		this.clock.advance(LEASE);
		this.alerts.recordRepeatNotices(id, "instance-a/5", List.of(new TimelineEntry(this.clock.instant(),
				TimelineType.REPEAT_NOTIFIED, "avery-example", TimelineChannel.EMAIL, "Told")),
				List.of(first.requestId()), null)
			.block();

		AlertDocument after = this.alerts.findById(id).block();
		assertThat(after.repeatNotices()).extracting(RepeatNotice::requestId).containsExactly(second.requestId());
		assertThat(after.escalationStep()).isEqualTo(2);
		assertThat(after.timeline()).extracting(TimelineEntry::type).endsWith(TimelineType.REPEAT_NOTIFIED);
		StepVerifier.create(this.alerts.claimNextDue("instance-a/6", LEASE))
			.assertNext((due) -> assertThat(due.repeatNotices()).hasSize(1))
			.verifyComplete();
		this.alerts.recordRepeatNotices(id, "instance-a/6", List.of(), List.of(second.requestId()), null).block();
		StepVerifier.create(this.alerts.claimNextDue("instance-a/7", LEASE)).verifyComplete();
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

	private static NewAlert newAlert(String urgency) {
		return new NewAlert(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				"TN-" + UUID.randomUUID().toString().substring(0, 8), urgency, "WEB", null,
				Instant.parse("2099-01-01T00:00:00Z"));
	}

	private static NewAlert repeatOf(NewAlert original, String urgency) {
		return new NewAlert(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				"TN-" + UUID.randomUUID().toString().substring(0, 8), urgency, "WEB", null,
				Instant.parse("2030-01-01T02:00:00Z"), original.requestId());
	}

	private AlertDocument only(NewAlert alert) {
		return this.alerts.search(null, alert.reference(), 10).single().block();
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
