package org.treatmentnetwork.notification.escalation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
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
import org.treatmentnetwork.notification.channels.ChannelProperties;
import org.treatmentnetwork.notification.channels.ChannelSettings;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.channels.SmsChannel;
import org.treatmentnetwork.notification.channels.Sent;
import org.treatmentnetwork.notification.twilio.TwilioClient;
import org.treatmentnetwork.notification.twilio.TwilioProperties;
import org.treatmentnetwork.notification.channels.WebhookChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallTestConfiguration;
import org.treatmentnetwork.notification.store.StoreInitializer;
import org.treatmentnetwork.notification.support.EmbeddedMongo;
import org.treatmentnetwork.notification.support.MutableClock;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;

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
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Escalation policies end to end against the embedded MongoDB server, with a clock the
 * tests move by hand: the demo network's policy (step 1 the rotation, step 2 the
 * supervisor after 10 minutes, repeated twice), urgency, acknowledgement,
 * acknowledged-but-not-contacted reminders, channel fallback against a local HTTP server
 * and two dispatchers racing on one database.
 */
@DataMongoTest(
		properties = { "notification.on-call.default-team=network", "notification.on-call.seed-demo-network=true" })
@Import({ Alerts.class, OnCallTestConfiguration.class, EscalationTests.Beans.class })
class EscalationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Set<String> ROTATION = Set.of("avery-example", "jordan-example", "riley-example");

	private static final String SUPERVISOR = "morgan-example";

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("escalation-tests"));
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

	private final RecordingChannel email = new RecordingChannel();

	private DisposableServer server;

	@BeforeEach
	void freshNetwork() {
		this.mongo.remove(new Query(), AlertDocument.class).block(TIMEOUT);
		this.mongo.remove(new Query(), "teams").block(TIMEOUT);
		this.mongo.remove(new Query(), "staff").block(TIMEOUT);
		this.seed.forEach((initializer) -> initializer.initialize().block(TIMEOUT));
	}

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void routineAlertEscalatesToTheSupervisorAfterTheDelayAndAcknowledgingStopsIt() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1)));

		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(1).allSatisfy((staff) -> assertThat(ROTATION).contains(staff));
		assertThat(types(id)).containsExactly(TimelineType.CREATED, TimelineType.NOTIFIED);

		this.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(1);

		this.clock.advance(Duration.ofSeconds(1));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(2).last().isEqualTo(SUPERVISOR);
		assertThat(types(id)).containsExactly(TimelineType.CREATED, TimelineType.NOTIFIED, TimelineType.ESCALATED,
				TimelineType.NOTIFIED);

		this.alerts.acknowledge(id, SUPERVISOR, TimelineChannel.API).block(TIMEOUT);
		this.clock.advance(Duration.ofMinutes(30));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(2);
		assertThat(types(id)).containsExactly(TimelineType.CREATED, TimelineType.NOTIFIED, TimelineType.ESCALATED,
				TimelineType.NOTIFIED, TimelineType.ACKNOWLEDGED);
	}

	@Test
	void crisisPagesStepOneAndTwoAtOnceAndRepeatsMuchFaster() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		String id = open("CRISIS", this.clock.instant().plus(Duration.ofMinutes(15)));

		dispatcher.dispatchDue().block(TIMEOUT);
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(2).contains(SUPERVISOR);

		// 10 minutes for ROUTINE, a quarter of it for CRISIS.
		this.clock.advance(Duration.ofMinutes(2).plusSeconds(29));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(2);
		this.clock.advance(Duration.ofSeconds(1));
		dispatcher.dispatchDue().block(TIMEOUT);
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(4);
		assertThat(this.alerts.findById(id).block(TIMEOUT).timeline())
			.filteredOn((entry) -> entry.type() == TimelineType.ESCALATED)
			.extracting(TimelineEntry::detail)
			.last()
			.asString()
			.contains("round 2");
	}

	@Test
	void anAcknowledgementIsNotACallBackTheAcknowledgerIsRemindedThenTheAlertEscalates() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofMinutes(5)));
		dispatcher.dispatchDue().block(TIMEOUT);
		this.alerts.acknowledge(id, "jordan-example", TimelineChannel.LINK).block(TIMEOUT);
		int paged = this.email.staffIds().size();

		this.clock.advance(Duration.ofMinutes(4));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(paged);

		this.clock.advance(Duration.ofMinutes(1));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(paged + 1).last().isEqualTo("jordan-example");
		AlertDocument reminded = this.alerts.findById(id).block(TIMEOUT);
		assertThat(reminded.state()).isEqualTo(AlertState.ACKNOWLEDGED);
		assertThat(reminded.timeline()).last()
			.satisfies((entry) -> assertThat(entry.detail()).contains("first contact is overdue"));

		this.clock.advance(this.escalation.overdueGrace("ROUTINE"));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(paged + 2).last().isEqualTo(SUPERVISOR);
		AlertDocument escalated = this.alerts.findById(id).block(TIMEOUT);
		assertThat(escalated.state()).isEqualTo(AlertState.TRIGGERED);
		assertThat(escalated.timeline()).extracting(TimelineEntry::type)
			.containsSubsequence(TimelineType.ACKNOWLEDGED, TimelineType.NOTIFIED, TimelineType.ESCALATED,
					TimelineType.NOTIFIED);

		this.alerts.resolveForRequest(escalated.requestId(), "CONTACTED").block(TIMEOUT);
		this.clock.advance(Duration.ofHours(2));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(paged + 2);
	}

	@Test
	void failingChannelsAreRecordedAndTheNextMethodIsUsed() {
		Queue<String> webhookBodies = new ConcurrentLinkedQueue<>();
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/hook",
						(request, response) -> request.receive()
							.aggregate()
							.asString()
							.doOnNext(webhookBodies::add)
							.then(response.status(500).send()))
				.post("/sms/2010-04-01/Accounts/ACtest/Messages.json", (request, response) -> Mono.never()))
			.bindNow();
		String base = "http://127.0.0.1:" + this.server.port();
		ChannelSettings fast = new ChannelSettings(Duration.ofMillis(500), 2, Duration.ofMillis(50), 50, 5,
				Duration.ofSeconds(30), 10, Duration.ofMinutes(1), null);
		// The webhook stub answers 500 at once; its own timeout is generous so that a
		// busy
		// machine cannot turn the two recorded attempts into timeouts. The SMS stub never
		// answers, so its short timeout is what the timeline records.
		ChannelSettings patient = new ChannelSettings(Duration.ofSeconds(5), 2, Duration.ofMillis(50), 50, 5,
				Duration.ofSeconds(30), 10, Duration.ofMinutes(1), null);
		ChannelProperties channels = new ChannelProperties(fast, fast, fast, patient);
		WebhookChannel webhook = new WebhookChannel(WebClient.builder(), channels);
		TwilioProperties twilio = new TwilioProperties(base + "/sms", "ACtest", "token", "+12025550100",
				"http://localhost:8080", Duration.ofSeconds(30), Duration.ofSeconds(10));
		SmsChannel sms = new SmsChannel(new TwilioClient(WebClient.builder(), twilio, Duration.ofSeconds(5)), twilio,
				channels);
		this.mongo.updateFirst(query(where("_id").is("riley-example")),
				new Update().set("contactMethods",
						List.of(new ContactMethod(ContactMethod.Kind.WEBHOOK, base + "/hook", null),
								new ContactMethod(ContactMethod.Kind.SMS, "+12025550103", null), new ContactMethod(
										ContactMethod.Kind.EMAIL, "riley.example@staff.treatment-network.test", null))),
				"staff")
			.block(TIMEOUT);
		this.mongo
			.updateFirst(query(where("_id").is("network")),
					new Update().set("rotation.memberIds", List.of("riley-example")), "teams")
			.block(TIMEOUT);
		AlertDispatcher dispatcher = dispatcher(List.of(this.email, webhook, sms));
		String id = open("HIGH", this.clock.instant().plus(Duration.ofMinutes(30)));

		dispatcher.dispatchDue().block(TIMEOUT);

		List<TimelineEntry> timeline = this.alerts.findById(id).block(TIMEOUT).timeline();
		assertThat(timeline).extracting(TimelineEntry::type)
			.containsExactly(TimelineType.CREATED, TimelineType.DELIVERY_FAILED, TimelineType.DELIVERY_FAILED,
					TimelineType.NOTIFIED);
		assertThat(timeline.subList(1, 4)).extracting(TimelineEntry::channel)
			.containsExactly(TimelineChannel.WEBHOOK, TimelineChannel.SMS, TimelineChannel.EMAIL);
		assertThat(timeline.get(2).detail()).contains("timed out");
		assertThat(timeline).allSatisfy((entry) -> assertThat(String.valueOf(entry.detail())).doesNotContain("+1202",
				"127.0.0.1", "riley.example@"));
		assertThat(this.email.staffIds()).containsExactly("riley-example");
		// Retried once with backoff, and the body carries only operational fields.
		assertThat(webhookBodies).hasSize(2)
			.allSatisfy((body) -> assertThat(body).contains("\"reference\"", "\"urgency\":\"HIGH\"",
					"\"acknowledgeUrl\"", "\"text\""));
	}

	@Test
	void twoDispatchersRacingOnOneDatabaseSendOneNotificationPerStep() {
		RecordingChannel slow = new RecordingChannel(Duration.ofMillis(20));
		AlertDispatcher first = dispatcher(List.of(slow));
		AlertDispatcher second = dispatcher(List.of(slow));
		List<String> ids = java.util.stream.IntStream.range(0, 6)
			.mapToObj((i) -> open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1))))
			.toList();

		Mono.when(first.dispatchDue(), second.dispatchDue(), first.dispatchDue(), second.dispatchDue()).block(TIMEOUT);
		assertThat(slow.references()).hasSize(6).doesNotHaveDuplicates();

		this.clock.advance(Duration.ofMinutes(10));
		Mono.when(first.dispatchDue(), second.dispatchDue(), first.dispatchDue(), second.dispatchDue()).block(TIMEOUT);
		assertThat(slow.references()).hasSize(12);
		assertThat(ids).allSatisfy((id) -> assertThat(this.alerts.findById(id).block(TIMEOUT).timeline())
			.filteredOn((entry) -> entry.type() == TimelineType.NOTIFIED)
			.extracting(TimelineEntry::recipient)
			.hasSize(2)
			.endsWith(SUPERVISOR));
	}

	@Test
	void alertsClaimedByIdWhileASweepRunsArePagedOncePerStep() {
		RecordingChannel slow = new RecordingChannel(Duration.ofMillis(20));
		AlertDispatcher first = dispatcher(List.of(slow));
		AlertDispatcher second = dispatcher(List.of(slow));
		List<String> ids = java.util.stream.IntStream.range(0, 6)
			.mapToObj((i) -> open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1))))
			.toList();

		List<Mono<Void>> racing = new java.util.ArrayList<>();
		racing.add(second.dispatchDue());
		ids.forEach((id) -> racing.add(first.dispatch(id)));
		ids.forEach((id) -> racing.add(second.dispatch(id)));
		Mono.when(racing).block(TIMEOUT);

		assertThat(slow.references()).hasSize(6).doesNotHaveDuplicates();
		assertThat(ids)
			.allSatisfy((id) -> assertThat(types(id)).containsExactly(TimelineType.CREATED, TimelineType.NOTIFIED));
	}

	@Test
	void anAlertClaimedByIdIsLeftAloneWhileHeldElsewhereOrNotDue() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(this.alerts.claimIfDue(id, "other-instance", Duration.ofSeconds(30)).block(TIMEOUT)).isNotNull();

		dispatcher.dispatch(id).block(TIMEOUT);
		assertThat(this.email.staffIds()).isEmpty();

		this.clock.advance(Duration.ofSeconds(31));
		dispatcher.dispatch(id).block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(1).allSatisfy((staffId) -> assertThat(ROTATION).contains(staffId));

		// The next step is due in 10 minutes: waking up before does nothing.
		dispatcher.dispatch(id).block(TIMEOUT);
		dispatcher.dispatch("no-such-alert").block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(1);
		this.clock.advance(Duration.ofMinutes(10));
		dispatcher.dispatch(id).block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(2).endsWith(SUPERVISOR);
	}

	@Test
	void whenNobodyCanBeReachedTheNextStepFollowsAfterAShortBackoff() {
		RecordingChannel failing = new RecordingChannel();
		failing.failFor.addAll(ROTATION);
		AlertDispatcher dispatcher = dispatcher(List.of(failing));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1)));

		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(types(id)).containsExactly(TimelineType.CREATED, TimelineType.DELIVERY_FAILED,
				TimelineType.DELIVERY_FAILED);

		this.clock.advance(Duration.ofSeconds(5));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(failing.staffIds()).containsExactly(SUPERVISOR);
	}

	@Test
	void aMoreUrgentRepeatRaisesTheUrgencyAndPagesTheCrisisEscalationAtOnce() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1)));
		dispatcher.dispatchDue().block(TIMEOUT);
		String rotation = this.email.staffIds().get(0);
		this.clock.advance(Duration.ofMinutes(4));

		linkRepeat(id, "CRISIS");
		dispatcher.dispatchDue().block(TIMEOUT);
		dispatcher.dispatchDue().block(TIMEOUT);

		// The CRISIS escalation from step 1: the rotation and the supervisor at once, as
		// CRISIS pages.
		assertThat(this.email.staffIds()).containsExactly(rotation, rotation, SUPERVISOR);
		assertThat(this.email.urgencies()).containsExactly("ROUTINE", "CRISIS", "CRISIS");
		AlertDocument alert = this.alerts.findById(id).block(TIMEOUT);
		assertThat(alert.timeline()).extracting(TimelineEntry::type)
			.containsExactly(TimelineType.CREATED, TimelineType.NOTIFIED, TimelineType.DUPLICATE_LINKED,
					TimelineType.URGENCY_RAISED, TimelineType.NOTIFIED, TimelineType.ESCALATED, TimelineType.NOTIFIED);
		assertThat(alert.pagedStaffIds()).containsExactly(rotation, SUPERVISOR);
		// Then at CRISIS pace: round 2 after a quarter of the 10 minutes.
		this.clock.advance(Duration.ofMinutes(2).plusSeconds(30));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(this.email.staffIds()).hasSize(4);
	}

	@Test
	void aRepeatOfTheSameUrgencyTellsThePeoplePagedLastOnceAndLeavesTheEscalationAlone() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		String id = open("CRISIS", this.clock.instant().plus(Duration.ofMinutes(5)));
		dispatcher.dispatchDue().block(TIMEOUT);
		dispatcher.dispatchDue().block(TIMEOUT);
		List<String> paged = this.email.staffIds();
		assertThat(paged).hasSize(2).contains(SUPERVISOR);
		Instant nextStep = this.alerts.findById(id).block(TIMEOUT).nextActionAt();

		linkRepeat(id, "HIGH");
		dispatcher.dispatchDue().block(TIMEOUT);
		dispatcher.dispatchDue().block(TIMEOUT);

		assertThat(this.email.staffIds()).hasSize(4);
		assertThat(this.email.staffIds().subList(2, 4)).containsExactlyInAnyOrderElementsOf(paged);
		assertThat(this.email.subjects().subList(2, 4)).allSatisfy((subject) -> assertThat(subject)
			.isEqualTo("[CRISIS] Contact request " + reference(id) + ": the person reached out again"));
		AlertDocument alert = this.alerts.findById(id).block(TIMEOUT);
		assertThat(alert.timeline()).extracting(TimelineEntry::type)
			.endsWith(TimelineType.DUPLICATE_LINKED, TimelineType.REPEAT_NOTIFIED, TimelineType.REPEAT_NOTIFIED);
		assertThat(alert.repeatNotices()).isEmpty();
		assertThat(alert.nextActionAt()).isEqualTo(nextStep);
		assertThat(alert.escalationStep()).isEqualTo(1);
		assertThat(alert.escalationRound()).isEqualTo(1);
	}

	@Test
	void aRepeatOfAnAcknowledgedAlertTellsTheAcknowledger() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1)));
		dispatcher.dispatchDue().block(TIMEOUT);
		this.alerts.acknowledge(id, SUPERVISOR, TimelineChannel.API).block(TIMEOUT);

		linkRepeat(id, "ROUTINE");
		dispatcher.dispatchDue().block(TIMEOUT);

		assertThat(this.email.staffIds()).hasSize(2).last().isEqualTo(SUPERVISOR);
		AlertDocument alert = this.alerts.findById(id).block(TIMEOUT);
		assertThat(alert.state()).isEqualTo(AlertState.ACKNOWLEDGED);
		assertThat(alert.timeline()).last().satisfies((entry) -> {
			assertThat(entry.type()).isEqualTo(TimelineType.REPEAT_NOTIFIED);
			assertThat(entry.recipient()).isEqualTo(SUPERVISOR);
			assertThat(entry.detail()).contains("reached out again");
		});
	}

	@Test
	void aRepeatNoticeThatReachesNobodyGoesToTheCurrentStepAndIsRetriedUntilSomeoneIsTold() {
		RecordingChannel failing = new RecordingChannel();
		AlertDispatcher dispatcher = dispatcher(List.of(failing));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1)));
		dispatcher.dispatchDue().block(TIMEOUT);
		String rotation = failing.staffIds().get(0);
		// The acknowledger is not a known staff member (only the token knew them).
		this.alerts.acknowledge(id, "nurse-unknown", TimelineChannel.API).block(TIMEOUT);
		failing.failFor.add(SUPERVISOR);

		linkRepeat(id, "ROUTINE");
		dispatcher.dispatchDue().block(TIMEOUT);
		// The acknowledger is unknown and step 2 (the supervisor) fails: nobody told yet.
		assertThat(failing.staffIds()).containsExactly(rotation);
		AlertDocument failed = this.alerts.findById(id).block(TIMEOUT);
		assertThat(failed.timeline()).last()
			.satisfies((entry) -> assertThat(entry.detail())
				.isEqualTo("Nobody could be told that the person reached out again"));
		assertThat(failed.repeatNotices()).hasSize(1);

		failing.failFor.clear();
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(failing.staffIds()).hasSize(1);
		this.clock.advance(Duration.ofSeconds(5));
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(failing.staffIds()).containsExactly(rotation, SUPERVISOR);
		assertThat(this.alerts.findById(id).block(TIMEOUT).repeatNotices()).isEmpty();
		dispatcher.dispatchDue().block(TIMEOUT);
		assertThat(failing.staffIds()).hasSize(2);
	}

	@Test
	void twoDispatchersRacingOnARepeatNoticeSendItOnce() {
		RecordingChannel slow = new RecordingChannel(Duration.ofMillis(20));
		AlertDispatcher first = dispatcher(List.of(slow));
		AlertDispatcher second = dispatcher(List.of(slow));
		String id = open("ROUTINE", this.clock.instant().plus(Duration.ofHours(1)));
		first.dispatchDue().block(TIMEOUT);

		linkRepeat(id, "ROUTINE");
		Mono.when(first.dispatch(id), second.dispatch(id), first.dispatchDue(), second.dispatchDue()).block(TIMEOUT);
		Mono.when(first.dispatchDue(), second.dispatchDue()).block(TIMEOUT);

		assertThat(slow.staffIds()).hasSize(2);
		assertThat(this.alerts.findById(id).block(TIMEOUT).timeline())
			.filteredOn((entry) -> entry.type() == TimelineType.REPEAT_NOTIFIED)
			.hasSize(1);
	}

	@Test
	void anUnknownUrgencyEscalatesAsTheMostUrgentNeverTheLeast() {
		AlertDispatcher dispatcher = dispatcher(List.of(this.email));
		open("EMERGENCY", this.clock.instant().plus(Duration.ofMinutes(15)));

		dispatcher.dispatchDue().block(TIMEOUT);
		dispatcher.dispatchDue().block(TIMEOUT);

		assertThat(this.email.staffIds()).hasSize(2).contains(SUPERVISOR);
		assertThat(this.escalation.delayAfter("EMERGENCY", 2, Duration.ofMinutes(10)))
			.isEqualTo(this.escalation.delayAfter("CRISIS", 2, Duration.ofMinutes(10)))
			.isEqualTo(Duration.ofMinutes(2).plusSeconds(30));
		assertThat(this.escalation.overdueGrace(null)).isEqualTo(this.escalation.overdueGrace("CRISIS"));
	}

	private void linkRepeat(String alertId, String urgency) {
		AlertDocument alert = this.alerts.findById(alertId).block(TIMEOUT);
		String requestId = UUID.randomUUID().toString();
		this.alerts
			.linkRepeat(new NewAlert(requestId, UUID.randomUUID().toString(), "TN-R" + requestId.substring(0, 5),
					urgency, "WEB", null, this.clock.instant().plus(Duration.ofMinutes(5)), alert.requestId()))
			.block(TIMEOUT);
	}

	private String reference(String alertId) {
		return this.alerts.findById(alertId).block(TIMEOUT).reference();
	}

	private AlertDispatcher dispatcher(List<DeliveryChannel> channels) {
		AckLinkTokens links = mock(AckLinkTokens.class);
		given(links.linkFor(anyString(), anyString())).willReturn(URI.create("https://staff.example.test/ack/t"));
		return new AlertDispatcher(this.alerts, this.directory, channels, links,
				new DeliveryProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), 50, 4, Duration.ofSeconds(20),
						Duration.ofSeconds(5), Duration.ofMinutes(5), "alerts@treatment-network.test"),
				this.escalation, this.clock, new SimpleMeterRegistry(),
				new TraceContexts(Tracer.NOOP, Propagator.NOOP, ObservationRegistry.NOOP));
	}

	private String open(String urgency, Instant due) {
		String requestId = UUID.randomUUID().toString();
		String reference = "TN-" + requestId.substring(0, 6).toUpperCase();
		this.alerts.open(new NewAlert(requestId, UUID.randomUUID().toString(), reference, urgency, "WEB", null, due))
			.block(TIMEOUT);
		return this.mongo.findOne(query(where("requestId").is(requestId)), Document.class, "alerts")
			.block(TIMEOUT)
			.getString("_id");
	}

	private List<TimelineType> types(String id) {
		return this.alerts.findById(id).block(TIMEOUT).timeline().stream().map(TimelineEntry::type).toList();
	}

	/**
	 * An e-mail channel that records instead of sending, optionally slow or failing for
	 * some recipients.
	 */
	static final class RecordingChannel implements DeliveryChannel {

		private final Queue<String[]> sent = new ConcurrentLinkedQueue<>();

		final Set<String> failFor = java.util.concurrent.ConcurrentHashMap.newKeySet();

		private final Duration delay;

		RecordingChannel() {
			this(Duration.ZERO);
		}

		RecordingChannel(Duration delay) {
			this.delay = delay;
		}

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
			return Mono.delay(this.delay).then(Mono.defer(() -> {
				if (this.failFor.contains(staffId)) {
					return Mono.error(new IllegalStateException("mailbox down"));
				}
				this.sent.add(new String[] { staffId, message.fields().getOrDefault("reference", ""),
						message.fields().getOrDefault("urgency", ""), message.subject() });
				return Mono.just(Sent.NO_RECEIPT);
			}));
		}

		List<String> staffIds() {
			return this.sent.stream().map((entry) -> entry[0]).toList();
		}

		List<String> references() {
			return this.sent.stream().map((entry) -> entry[1]).toList();
		}

		List<String> urgencies() {
			return this.sent.stream().map((entry) -> entry[2]).toList();
		}

		List<String> subjects() {
			return this.sent.stream().map((entry) -> entry[3]).toList();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			// A Monday, 10:00 in New York.
			return new MutableClock(Instant.parse("2030-01-07T15:00:00Z"));
		}

		@Bean
		EscalationProperties escalationProperties() {
			return new EscalationProperties(Map.of("ROUTINE", 1.0, "HIGH", 0.5, "CRISIS", 0.25), Map.of("CRISIS", 2),
					Duration.ofMinutes(10));
		}

	}

}
