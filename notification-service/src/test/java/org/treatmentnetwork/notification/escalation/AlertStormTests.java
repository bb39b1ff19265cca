package org.treatmentnetwork.notification.escalation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.acklinks.AckLinkTokens;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.NewAlert;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.alerts.TimelineEntry;
import org.treatmentnetwork.notification.alerts.TimelineType;
import org.treatmentnetwork.notification.channels.AlertMessage;
import org.treatmentnetwork.notification.channels.ChannelGuard;
import org.treatmentnetwork.notification.channels.ChannelSettings;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.channels.Sent;
import org.treatmentnetwork.notification.deliveries.Deliveries;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallTestConfiguration;
import org.treatmentnetwork.notification.store.StoreInitializer;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The alert-storm drill, against the embedded MongoDB server with a clock the test holds
 * still: 500 open, unacknowledged alerts paged to one on-call person are all due for a
 * re-page when a new CRISIS request arrives. Its page goes out at once, and the person
 * receives a bounded number of messages, with the e-mail channel's real per-recipient
 * limit (20 a minute). Without bundling (a smaller storm), re-pages use only half of the
 * limit, and the other half is there for the CRISIS page.
 */
@DataMongoTest(
		properties = { "notification.on-call.default-team=network", "notification.on-call.seed-demo-network=true" })
@Import({ Alerts.class, OnCallTestConfiguration.class, AlertStormTests.Beans.class })
class AlertStormTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String NURSE = "avery-example";

	private static final int OPEN = 500;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("alert-storm-tests"));
	}

	@Autowired
	private Alerts alerts;

	@Autowired
	private OnCallDirectory directory;

	@Autowired
	private List<StoreInitializer> seed;

	@Autowired
	private MutableClock clock;

	@Autowired
	private EscalationProperties escalation;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@BeforeEach
	void onePersonOnCall() {
		this.mongo.remove(new Query(), AlertDocument.class).block(TIMEOUT);
		this.mongo.remove(new Query(), "teams").block(TIMEOUT);
		this.mongo.remove(new Query(), "staff").block(TIMEOUT);
		this.mongo.remove(new Query(), RepageSummaries.COLLECTION).block(TIMEOUT);
		this.seed.forEach((initializer) -> initializer.initialize().block(TIMEOUT));
		// One person on call, re-paged every minute by e-mail.
		this.mongo.updateFirst(query(where("_id").is("network")),
				new Update().set("rotation.memberIds", List.of(NURSE))
					.set("escalation.steps",
							List.of(new Document("target", "SCHEDULE").append("escalateAfterMinutes", 1)))
					.set("escalation.repeat", 10),
				"teams")
			.block(TIMEOUT);
	}

	/**
	 * Open alerts paged to the nurse a minute ago, all due for a re-page now.
	 */
	private void storm(int open) {
		for (int i = 0; i < open; i++) {
			open("ROUTINE");
		}
		Instant now = this.clock.instant();
		Document paged = new Document("at", now.minusSeconds(60)).append("type", TimelineType.NOTIFIED.name())
			.append("recipient", NURSE)
			.append("channel", TimelineChannel.EMAIL.name())
			.append("detail", "Paged for team network (step 1)");
		this.mongo
			.updateMulti(new Query(),
					new Update().push("timeline", paged)
						.set("pagedStaffIds", List.of(NURSE))
						.set("escalationRound", 1)
						.set("nextActionAt", now),
					AlertDocument.class)
			.block(TIMEOUT);
	}

	@Test
	void aNewCrisisIsPagedAtOnceAndTheStormBecomesOneSummary() {
		storm(OPEN);
		LimitedEmail email = new LimitedEmail();
		AlertDispatcher dispatcher = dispatcher(email, 3);

		dispatcher.dispatchDue().block(TIMEOUT);
		dispatcher.dispatchDue().block(TIMEOUT);
		String crisis = open("CRISIS");
		dispatcher.dispatch(crisis).block(TIMEOUT);
		for (int pass = 0; pass < OPEN / 50; pass++) {
			dispatcher.dispatchDue().block(TIMEOUT);
		}

		assertThat(notifiedTo(crisis)).isTrue();
		// One summary for the 500, and the CRISIS page: two messages, not 501.
		assertThat(email.sent()).hasSize(2);
		assertThat(email.sent()).anySatisfy((message) -> assertThat(message.shortText())
			.startsWith("500 requests waiting for a first contact, 0 CRISIS; oldest 0 min. Open alerts: ")
			.endsWith("/api/alerts?state=TRIGGERED"));
		assertThat(email.sent()).anySatisfy((message) -> assertThat(message.subject()).startsWith("[CRISIS]"));
		// Nothing over the limit was dropped silently: every re-page is on its alert's
		// timeline, in the summary or as included in it.
		List<AlertDocument> storm = this.mongo.find(query(where("urgency").is("ROUTINE")), AlertDocument.class)
			.collectList()
			.block(TIMEOUT);
		assertThat(storm).hasSize(OPEN)
			.allSatisfy((alert) -> assertThat(alert.timeline()).last()
				.extracting(TimelineEntry::type)
				.isIn(TimelineType.NOTIFIED, TimelineType.BUNDLED));
		assertThat(storm.stream().filter((alert) -> last(alert) == TimelineType.NOTIFIED)).hasSize(1);
	}

	@Test
	void withoutBundlingRePagesUseOnlyHalfOfTheLimitAndTheNewCrisisStillGoesOut() {
		storm(60);
		LimitedEmail email = new LimitedEmail();
		AlertDispatcher dispatcher = dispatcher(email, 100_000);

		// passes until none is due (a pass stops at its first empty claim, so how many
		// passes the 60 take depends on how the claims interleave with the sends)
		for (int pass = 0; pass < 10 && due() > 0; pass++) {
			dispatcher.dispatchDue().block(TIMEOUT);
		}
		assertThat(due()).isZero();
		String crisis = open("CRISIS");
		dispatcher.dispatch(crisis).block(TIMEOUT);

		assertThat(notifiedTo(crisis)).isTrue();
		// 10 re-pages (half of 20) and the CRISIS page in this minute; the other re-pages
		// are recorded as not delivered, to be tried again.
		assertThat(email.sent()).hasSize(11);
		List<AlertDocument> refused = this.mongo
			.find(query(where("timeline.detail").is("EMAIL delivery rate limit for this recipient reached")),
					AlertDocument.class)
			.collectList()
			.block(TIMEOUT);
		assertThat(refused).hasSize(50);
		assertThat(refused).allSatisfy((alert) -> assertThat(alert.nextActionAt()).isAfter(this.clock.instant()));
	}

	/** Triggered alerts whose next action is due now. */
	private long due() {
		return this.mongo
			.count(query(where("state").is("TRIGGERED").and("nextActionAt").lte(this.clock.instant())), "alerts")
			.block(TIMEOUT);
	}

	private boolean notifiedTo(String alertId) {
		return this.alerts.findById(alertId)
			.block(TIMEOUT)
			.timeline()
			.stream()
			.anyMatch((entry) -> entry.type() == TimelineType.NOTIFIED && NURSE.equals(entry.recipient()));
	}

	private static TimelineType last(AlertDocument alert) {
		return alert.timeline().get(alert.timeline().size() - 1).type();
	}

	private String open(String urgency) {
		String requestId = UUID.randomUUID().toString();
		this.alerts
			.open(new NewAlert(requestId, UUID.randomUUID().toString(), "TN-" + requestId.substring(0, 6), urgency,
					"WEB", null, this.clock.instant().plus(Duration.ofMinutes(30))))
			.block(TIMEOUT);
		return this.mongo.findOne(query(where("requestId").is(requestId)), Document.class, "alerts")
			.block(TIMEOUT)
			.getString("_id");
	}

	private AlertDispatcher dispatcher(DeliveryChannel email, int bundleThreshold) {
		AckLinkTokens links = mock(AckLinkTokens.class);
		given(links.linkFor(anyString(), anyString())).willReturn(URI.create("https://staff.example.test/ack/t"));
		return new AlertDispatcher(this.alerts, this.directory, List.of(email), links,
				new DeliveryProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), 50, 4, Duration.ofSeconds(20),
						Duration.ofSeconds(5), Duration.ofMinutes(5), "alerts@treatment-network.test"),
				this.escalation, this.clock, new SimpleMeterRegistry(),
				new TraceContexts(Tracer.NOOP, Propagator.NOOP, ObservationRegistry.NOOP),
				new Deliveries(this.mongo, this.clock),
				new RepageSummaries(this.alerts, this.mongo,
						new StormProperties(bundleThreshold, Duration.ofMinutes(5), 1000), this.clock,
						URI.create("https://staff.example.test")));
	}

	/**
	 * E-mail with the channel's real per-recipient limit (20 a minute), recording what it
	 * would send.
	 */
	static final class LimitedEmail implements DeliveryChannel {

		private final ChannelGuard guard = new ChannelGuard("email", new ChannelSettings(Duration.ofSeconds(5), 1,
				Duration.ofMillis(10), 50, 5, Duration.ofSeconds(30), 20, Duration.ofMinutes(1), null));

		private final Queue<AlertMessage> sent = new ConcurrentLinkedQueue<>();

		@Override
		public ContactMethod.Kind kind() {
			return ContactMethod.Kind.EMAIL;
		}

		@Override
		public TimelineChannel timelineChannel() {
			return TimelineChannel.EMAIL;
		}

		@Override
		public Mono<Sent> send(String staffId, AlertMessage message) {
			return this.guard.protect(staffId, message.urgent(), () -> Mono.fromCallable(() -> {
				if (NURSE.equals(staffId)) {
					this.sent.add(message);
				}
				return Sent.NO_RECEIPT;
			}));
		}

		List<AlertMessage> sent() {
			return List.copyOf(this.sent);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2030-01-07T15:00:00Z"));
		}

		@Bean
		EscalationProperties escalationProperties() {
			return new EscalationProperties(Map.of("ROUTINE", 1.0, "HIGH", 0.5, "CRISIS", 0.25), Map.of("CRISIS", 2),
					Duration.ofMinutes(10));
		}

	}

}
