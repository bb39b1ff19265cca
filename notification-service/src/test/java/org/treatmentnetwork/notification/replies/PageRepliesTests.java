package org.treatmentnetwork.notification.replies;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.NewAlert;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.alerts.TimelineEntry;
import org.treatmentnetwork.notification.alerts.TimelineType;
import org.treatmentnetwork.notification.deliveries.Deliveries;
import org.treatmentnetwork.notification.escalation.EscalationProperties;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.OnCallTestConfiguration;
import org.treatmentnetwork.notification.store.StoreInitializer;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;

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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text replies and keypresses against the embedded MongoDB wire-protocol server and the
 * demo network (avery-example pages to +12025550101, jordan-example to +12025550102).
 */
@DataMongoTest
@Import({ Alerts.class, Deliveries.class, PageReplies.class, OnCallTestConfiguration.class,
		PageRepliesTests.Clocks.class })
@TestPropertySource(
		properties = { "notification.on-call.seed-demo-network=true", "notification.on-call.default-team=network" })
class PageRepliesTests {

	private static final String AVERY = "+12025550101";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("page-replies-tests"));
	}

	@Autowired
	private PageReplies replies;

	@Autowired
	private Alerts alerts;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private java.util.List<StoreInitializer> initializers;

	@BeforeEach
	void freshStore() {
		this.mongo.remove(new Query(), AlertDocument.class).block(TIMEOUT);
		this.mongo.remove(new Query(), "deliveries").block(TIMEOUT);
		this.mongo.remove(new Query(), "processedWebhooks").block(TIMEOUT);
		this.initializers.forEach((initializer) -> initializer.initialize().block(TIMEOUT));
	}

	@Test
	void oneAcknowledgesTheOnlyOpenAlertTextedToTheSender() {
		AlertDocument alert = textedTo("avery-example", AVERY);

		String reply = this.replies.textReply(AVERY, "1", sid()).block(TIMEOUT);

		assertThat(reply).startsWith("Acknowledged " + alert.reference() + " (CRISIS)");
		AlertDocument acknowledged = this.alerts.findById(alert.id()).block(TIMEOUT);
		assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
		assertThat(acknowledged.acknowledgedBy()).isEqualTo("avery-example");
		assertThat(acknowledged.timeline()).extracting(TimelineEntry::type, TimelineEntry::channel)
			.contains(org.assertj.core.groups.Tuple.tuple(TimelineType.ACKNOWLEDGED, TimelineChannel.SMS));
	}

	@Test
	void withSeveralOpenTheReplyListsTheCodesAndTheCodeChoosesOne() {
		AlertDocument first = textedTo("avery-example", AVERY);
		AlertDocument second = textedTo("avery-example", AVERY);

		String list = this.replies.textReply(AVERY, "ack", sid()).block(TIMEOUT);

		assertThat(list).startsWith("2 alerts are open: reply ACK and the code:")
			.contains(first.ackCode() + " CRISIS " + first.reference(), second.ackCode());
		assertThat(state(first)).isEqualTo(AlertState.TRIGGERED);
		assertThat(state(second)).isEqualTo(AlertState.TRIGGERED);

		String reply = this.replies.textReply(AVERY, "ACK " + second.ackCode(), sid()).block(TIMEOUT);

		assertThat(reply).startsWith("Acknowledged " + second.reference());
		assertThat(state(first)).isEqualTo(AlertState.TRIGGERED);
		assertThat(state(second)).isEqualTo(AlertState.ACKNOWLEDGED);
	}

	@Test
	void nobodyCanActOnAnAlertThatWasNotTextedToThem() {
		AlertDocument jordans = textedTo("jordan-example", "+12025550102");

		String reply = this.replies.textReply(AVERY, "ACK " + jordans.ackCode(), sid()).block(TIMEOUT);
		String escalation = this.replies.textReply(AVERY, "ESC", sid()).block(TIMEOUT);

		assertThat(reply).startsWith("No open alert with code " + jordans.ackCode() + " was paged to you");
		assertThat(escalation).isEqualTo("No alert paged to you is waiting for an acknowledgement.");
		assertThat(this.alerts.findById(jordans.id()).block(TIMEOUT).timeline()).extracting(TimelineEntry::type)
			.containsExactly(TimelineType.CREATED);
	}

	@Test
	void aTextThatNeverWentOutIsNoPageAReplyCanAnswer() {
		AlertDocument alert = open();
		String delivery = UUID.randomUUID().toString();
		this.deliveries.create(delivery, alert.id(), "avery-example", ContactMethod.Kind.SMS, AVERY).block(TIMEOUT);
		this.deliveries.notSent(delivery).block(TIMEOUT);

		assertThat(this.replies.textReply(AVERY, "1", sid()).block(TIMEOUT))
			.isEqualTo("No alert paged to you is waiting for an acknowledgement.");
		assertThat(state(alert)).isEqualTo(AlertState.TRIGGERED);
	}

	@Test
	void aNumberNoStaffMemberPagesToGetsNoAnswerAndChangesNothing() {
		AlertDocument alert = textedTo("avery-example", AVERY);

		assertThat(this.replies.textReply("+15555550123", "1", sid()).blockOptional(TIMEOUT)).isEmpty();
		assertThat(state(alert)).isEqualTo(AlertState.TRIGGERED);
	}

	@Test
	void escEscalatesAtOnceAndAReplayedMessageChangesNothingTwice() {
		AlertDocument alert = textedTo("avery-example", AVERY);
		String messageSid = sid();

		String reply = this.replies.textReply(AVERY, "esc", messageSid).block(TIMEOUT);
		String replay = this.replies.textReply(AVERY, "esc", messageSid).block(TIMEOUT);

		assertThat(reply).isEqualTo("Escalated " + alert.reference() + " to the next person.");
		assertThat(replay).isNull();
		assertThat(this.alerts.findById(alert.id()).block(TIMEOUT).timeline()).extracting(TimelineEntry::type)
			.containsExactly(TimelineType.CREATED, TimelineType.ESCALATED);
	}

	@Test
	void anythingElseGetsTheHelpText() {
		textedTo("avery-example", AVERY);

		assertThat(this.replies.textReply(AVERY, "on my way", sid()).block(TIMEOUT)).isEqualTo(PageReplies.HELP);
	}

	@Test
	void keyOneOnTheCallAcknowledgesOnceForThePersonCalled() {
		AlertDocument alert = open();
		String delivery = UUID.randomUUID().toString();
		this.deliveries.create(delivery, alert.id(), "avery-example", ContactMethod.Kind.VOICE, AVERY).block(TIMEOUT);
		this.deliveries.sent(delivery, "CA1").block(TIMEOUT);

		assertThat(this.replies.keyPressed(delivery, "CA2", "1").block(TIMEOUT).speech())
			.isEqualTo("This call is no longer valid. Goodbye.");
		assertThat(this.replies.keyPressed(delivery, "CA1", "5").block(TIMEOUT).askAgain()).isTrue();
		assertThat(state(alert)).isEqualTo(AlertState.TRIGGERED);

		PageReplies.KeyAnswer answer = this.replies.keyPressed(delivery, "CA1", "1").block(TIMEOUT);
		PageReplies.KeyAnswer replay = this.replies.keyPressed(delivery, "CA1", "2").block(TIMEOUT);

		assertThat(answer.speech()).startsWith("Acknowledged " + alert.reference());
		assertThat(replay.speech()).isEqualTo("Your answer to this call was already recorded. Goodbye.");
		AlertDocument acknowledged = this.alerts.findById(alert.id()).block(TIMEOUT);
		assertThat(acknowledged.acknowledgedBy()).isEqualTo("avery-example");
		assertThat(acknowledged.timeline()).extracting(TimelineEntry::type)
			.containsExactly(TimelineType.CREATED, TimelineType.ACKNOWLEDGED);
	}

	private AlertDocument textedTo(String staffId, String phone) {
		AlertDocument alert = open();
		this.alerts.ackCode(alert).block(TIMEOUT);
		String delivery = UUID.randomUUID().toString();
		this.deliveries.create(delivery, alert.id(), staffId, ContactMethod.Kind.SMS, phone).block(TIMEOUT);
		this.deliveries.sent(delivery, sid()).block(TIMEOUT);
		return this.alerts.findById(alert.id()).block(TIMEOUT);
	}

	private AlertDocument open() {
		String requestId = UUID.randomUUID().toString();
		String reference = "TN-" + requestId.substring(0, 5).toUpperCase();
		this.alerts
			.open(new NewAlert(requestId, UUID.randomUUID().toString(), reference, "CRISIS", "WEB", null,
					Instant.parse("2030-01-01T00:15:00Z")))
			.block(TIMEOUT);
		return this.mongo
			.findOne(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("requestId").is(requestId)),
					AlertDocument.class)
			.block(TIMEOUT);
	}

	private AlertState state(AlertDocument alert) {
		return this.alerts.findById(alert.id()).block(TIMEOUT).state();
	}

	private static String sid() {
		return "SM" + UUID.randomUUID().toString().replace("-", "");
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
			return new EscalationProperties(Map.of("CRISIS", 0.25), Map.of(), Duration.ofMinutes(10));
		}

	}

}
