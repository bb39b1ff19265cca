package org.treatmentnetwork.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.treatmentnetwork.notification.support.EmbeddedMongo;

import org.treatmentnetwork.servicedefaults.openapi.CommittedContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

/**
 * The whole service against real infrastructure: an in-process MongoDB wire-protocol
 * server, an embedded KRaft Kafka broker and a GreenMail SMTP server.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"notification.links.public-base-url=https://staff.example.test" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
// The local profile seeds the demo on-call network, so that a request pages someone.
@ActiveProfiles("local")
@EmbeddedKafka(partitions = 3, topics = { NotificationApplicationTests.TOPIC, NotificationApplicationTests.DLT },
		brokerProperties = { "group.initial.rebalance.delay.ms=0" })
class NotificationApplicationTests {

	static final String TOPIC = "intake.contact-requests.v1";

	static final String DLT = "intake.contact-requests.v1.DLT";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** Values that would be personal data if they ever reached a page. */
	private static final List<String> FORBIDDEN_MARKERS = List.of("Sam", "Forbidden", "555 010", "sam.forbidden",
			"withdrawal", "heroin", "evenings");

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("notification"));
		registry.add("spring.mail.host", () -> greenMail.getSmtp().getBindTo());
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@MockitoBean
	private ReactiveJwtDecoder jwtDecoder;

	@Autowired
	private WebTestClient client;

	@Autowired
	private EmbeddedKafkaBroker kafka;

	@Autowired
	private ReactiveMongoTemplate mongo;

	private KafkaProducer<String, String> producer;

	@BeforeEach
	void createProducer() {
		Map<String, Object> properties = KafkaTestUtils.producerProps(this.kafka);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		this.producer = new KafkaProducer<>(properties);
	}

	@AfterEach
	void closeProducer() {
		this.producer.close(Duration.ofSeconds(5));
	}

	/**
	 * The document the service serves is the one committed under
	 * {@code contracts/openapi/}: a contract change fails here until the new document is
	 * committed with it.
	 */
	@Test
	void servesTheCommittedOpenApiDocument() throws Exception {
		CommittedContract.assertServedBy(this.client, "notification-service");
	}

	@Test
	void newRequestPagesTheOnCallPersonOnceWithoutPersonalData() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		// A producer breaking the contract: personal data in unknown fields must be
		// ignored, never paged.
		String event = received(UUID.randomUUID().toString(), requestId, reference, "CRISIS").replace("\"eventId\"",
				"\"name\": \"Sam Forbidden\", \"phone\": \"+1 555 010 0199\", \"email\": \"sam.forbidden@example.com\", "
						+ "\"message\": \"in withdrawal\", \"substances\": [\"heroin\"], "
						+ "\"bestTimeToContact\": \"evenings\", \"eventId\"");

		send(0, requestId, event);

		// CRISIS pages step 1 (the rotation) and step 2 (the supervisor) at once.
		Map<String, Object> alert = awaitAlert(reference,
				(candidate) -> types(candidate).stream().filter("NOTIFIED"::equals).count() == 2);
		assertThat(types(alert)).containsExactly("CREATED", "NOTIFIED", "ESCALATED", "NOTIFIED");
		assertThat(alert).containsEntry("requestId", requestId)
			.containsEntry("urgency", "CRISIS")
			.containsEntry("state", "TRIGGERED");
		Map<String, Object> notified = timeline(alert).get(1);
		assertThat(notified).containsEntry("channel", "EMAIL");
		String staffId = (String) notified.get("recipient");
		assertThat(timeline(alert).get(3)).containsEntry("recipient", "morgan-example");

		await().atMost(PATIENCE).until(() -> pagesFor(reference).size() >= 2);
		List<MimeMessage> pages = pagesFor(reference);
		assertThat(pages).hasSize(2);
		assertThat(pages).extracting((page) -> page.getRecipients(Message.RecipientType.TO)[0].toString())
			.containsExactlyInAnyOrder(emailOf(staffId), emailOf("morgan-example"));
		for (MimeMessage page : pages) {
			String text = page.getSubject() + "\n" + GreenMailUtil.getBody(page);
			assertThat(text).contains("Reference: " + reference)
				.contains("Urgency: CRISIS")
				.contains("Center: network")
				.contains("https://staff.example.test/api/alerts/ack/" + alert.get("id") + ".");
			assertThat(FORBIDDEN_MARKERS).allSatisfy((marker) -> assertThat(text).doesNotContain(marker));
			assertThat(text).doesNotContain(requestId);
		}
	}

	/**
	 * The record's {@code traceparent} is continued: the listener's log line carries its
	 * trace id, and the alert keeps a context of the same trace for its pages. A record
	 * with a malformed one is handled all the same, in a trace of its own, and nothing of
	 * the malformed value reaches a log.
	 */
	@Test
	void theRecordsTraceIsContinuedIntoTheAlert(CapturedOutput output) throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, 2, requestId,
				received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		record.headers()
			.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
		this.producer.send(record).get(10, TimeUnit.SECONDS);

		Map<String, Object> alert = awaitAlert(reference, (candidate) -> types(candidate).contains("NOTIFIED"));
		assertThat(storedTraceparent(alert)).startsWith("00-" + traceId + "-").endsWith("-01");
		assertThat(output.getAll()).containsPattern("for request " + requestId + " trace_id=" + traceId)
			// the page is sent in a span of the same trace
			.containsPattern("\\[" + traceId + "-[0-9a-f]{16}\\] .*paged to ");

		String otherRequest = UUID.randomUUID().toString();
		String otherReference = newReference();
		ProducerRecord<String, String> malformed = new ProducerRecord<>(TOPIC, 2, otherRequest,
				received(UUID.randomUUID().toString(), otherRequest, otherReference, "ROUTINE"));
		malformed.headers().add("traceparent", "00-<script>-01".getBytes(StandardCharsets.US_ASCII));
		this.producer.send(malformed).get(10, TimeUnit.SECONDS);

		Map<String, Object> other = awaitAlert(otherReference, (candidate) -> types(candidate).contains("NOTIFIED"));
		assertThat(storedTraceparent(other)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(traceId);
		assertThat(output.getAll()).doesNotContain("<script>");
	}

	@Test
	void redeliveredAndDuplicateEventsOpenNoSecondAlertAndSendNoSecondPage() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		String event = received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE");
		send(1, requestId, event);
		awaitAlert(reference, (alert) -> types(alert).contains("NOTIFIED"));
		awaitSinglePage(reference);

		send(1, requestId, event);
		send(1, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		String sentinel = processedAfterEverythingOn(1);

		assertThat(listAlerts("?reference=" + reference)).hasSize(1);
		assertThat(types(awaitAlert(reference, (alert) -> true))).containsExactly("CREATED", "NOTIFIED");
		assertThat(pagesFor(reference)).hasSize(1);
		assertThat(pagesFor(sentinel)).hasSize(1);
	}

	@Test
	void aRepeatOfTheSameUrgencyIsLinkedAndTellsThePagedPersonOnceThatTheyReachedOutAgain() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(2, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		Map<String, Object> paged = awaitAlert(reference, (alert) -> types(alert).contains("NOTIFIED"));
		String staffId = (String) timeline(paged).get(1).get("recipient");
		awaitSinglePage(reference);

		String repeatId = UUID.randomUUID().toString();
		String repeatReference = newReference();
		String repeat = repeatOf(requestId,
				received(UUID.randomUUID().toString(), repeatId, repeatReference, "ROUTINE"));
		send(0, repeatId, repeat);
		// Kafka redelivers the same event.
		send(0, repeatId, repeat);
		Map<String, Object> alert = awaitAlert(reference, (candidate) -> types(candidate).contains("REPEAT_NOTIFIED"));
		processedAfterEverythingOn(0);
		await().atMost(PATIENCE).until(() -> pagesFor(reference).size() >= 2);
		Thread.sleep(1000);

		assertThat(listAlerts("?reference=" + repeatReference)).isEmpty();
		alert = awaitAlert(reference, (candidate) -> true);
		assertThat(types(alert)).containsExactly("CREATED", "NOTIFIED", "DUPLICATE_LINKED", "REPEAT_NOTIFIED");
		assertThat(alert).containsEntry("urgency", "ROUTINE");
		assertThat(timeline(alert).get(3)).containsEntry("recipient", staffId).containsEntry("channel", "EMAIL");
		List<MimeMessage> pages = pagesFor(reference);
		assertThat(pages).hasSize(2);
		MimeMessage notice = pages.get(1);
		assertThat(notice.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(emailOf(staffId));
		assertThat(notice.getSubject())
			.isEqualTo("[ROUTINE] Contact request " + reference + ": the person reached out again");
		assertThat(GreenMailUtil.getBody(notice)).contains("Reference: " + reference)
			.contains("Urgency: ROUTINE")
			.contains("Center: network")
			.contains("https://staff.example.test/api/alerts/ack/" + alert.get("id") + ".")
			.doesNotContain(repeatId)
			.doesNotContain(requestId);

		send(0, repeatId, statusChanged(repeatId, repeatReference, "CONTACTED"));
		awaitAlert(reference, (candidate) -> "RESOLVED".equals(candidate.get("state")));
	}

	@Test
	void aMoreUrgentRepeatRaisesTheUrgencyAndItsEscalationPagesAtOnceOnlyOnce() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(2, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		awaitAlert(reference, (alert) -> types(alert).contains("NOTIFIED"));
		awaitSinglePage(reference);

		String repeatId = UUID.randomUUID().toString();
		String repeatReference = newReference();
		String crisis = repeatOf(requestId,
				received(UUID.randomUUID().toString(), repeatId, repeatReference, "CRISIS"));
		send(1, repeatId, crisis);
		send(1, repeatId, crisis);
		awaitAlert(reference, (candidate) -> types(candidate).stream().filter("NOTIFIED"::equals).count() == 3);
		processedAfterEverythingOn(1);
		Thread.sleep(1000);

		Map<String, Object> alert = awaitAlert(reference, (candidate) -> true);
		assertThat(alert).containsEntry("urgency", "CRISIS").containsEntry("state", "TRIGGERED");
		assertThat(types(alert)).containsExactly("CREATED", "NOTIFIED", "DUPLICATE_LINKED", "URGENCY_RAISED",
				"NOTIFIED", "ESCALATED", "NOTIFIED");
		assertThat(timeline(alert).get(6)).containsEntry("recipient", "morgan-example");
		assertThat(listAlerts("?reference=" + repeatReference)).isEmpty();
		List<MimeMessage> pages = pagesFor(reference);
		assertThat(pages).hasSize(3);
		assertThat(pages.subList(1, 3)).allSatisfy((page) -> {
			assertThat(page.getSubject()).isEqualTo("[CRISIS] Contact request " + reference + " needs a first contact");
			assertThat(GreenMailUtil.getBody(page)).contains("Urgency: CRISIS");
		});
	}

	@Test
	void aRepeatAfterTheEarlierAlertWasResolvedOpensAndPagesANewAlert() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(0, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		awaitAlert(reference, (alert) -> types(alert).contains("NOTIFIED"));
		send(0, requestId, statusChanged(requestId, reference, "CONTACTED"));
		awaitAlert(reference, (alert) -> "RESOLVED".equals(alert.get("state")));

		String repeatId = UUID.randomUUID().toString();
		String repeatReference = newReference();
		send(0, repeatId,
				repeatOf(requestId, received(UUID.randomUUID().toString(), repeatId, repeatReference, "HIGH")));

		Map<String, Object> opened = awaitAlert(repeatReference, (alert) -> types(alert).contains("NOTIFIED"));
		assertThat(opened).containsEntry("requestId", repeatId).containsEntry("urgency", "HIGH");
		assertThat(types(opened)).containsExactly("CREATED", "NOTIFIED");
		awaitSinglePage(repeatReference);
		assertThat(types(awaitAlert(reference, (alert) -> true))).containsExactly("CREATED", "NOTIFIED", "RESOLVED");
	}

	@Test
	void anUrgencyTheServiceDoesNotKnowIsPagedAsTheMostUrgentAndLogged(CapturedOutput output) throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(2, requestId, received(UUID.randomUUID().toString(), requestId, reference, "EMERGENCY"));

		Map<String, Object> alert = awaitAlert(reference,
				(candidate) -> types(candidate).stream().filter("NOTIFIED"::equals).count() == 2);

		assertThat(alert).containsEntry("urgency", "CRISIS");
		assertThat(types(alert)).containsExactly("CREATED", "NOTIFIED", "ESCALATED", "NOTIFIED");
		assertThat(output.getAll()).contains("for request " + requestId
				+ " has an urgency this service does not know: EMERGENCY; treated as CRISIS");
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicAndLaterRecordsAreStillProcessed() throws Exception {
		String poisonKey = "poison-" + UUID.randomUUID();
		String incompleteKey = "incomplete-" + UUID.randomUUID();
		send(2, poisonKey, "this is { not json");
		send(2, incompleteKey, "{\"eventId\":\"e-1\",\"type\":\"ContactRequestReceived\",\"reference\":\"X\"}");
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(2, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));

		awaitAlert(reference, (alert) -> types(alert).contains("NOTIFIED"));
		List<ConsumerRecord<String, String>> deadLetters = awaitDeadLetters(List.of(poisonKey, incompleteKey));
		assertThat(deadLetters).extracting(ConsumerRecord::value)
			.containsExactlyInAnyOrder("this is { not json",
					"{\"eventId\":\"e-1\",\"type\":\"ContactRequestReceived\",\"reference\":\"X\"}");
		assertThat(deadLetters).allSatisfy(
				(record) -> assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-cause-fqcn").value(),
						StandardCharsets.UTF_8))
					.endsWith("InvalidEventException"));
		assertThat(listAlerts("?reference=X")).isEmpty();
	}

	@Test
	void contactedRequestResolvesItsAlertOnce() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(0, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		awaitAlert(reference, (alert) -> types(alert).contains("NOTIFIED"));

		send(0, requestId, statusChanged(requestId, reference, "CONTACT_ATTEMPTED"));
		send(0, requestId, statusChanged(requestId, reference, "CONTACTED"));
		send(0, requestId, statusChanged(requestId, reference, "ADMITTED"));
		processedAfterEverythingOn(0);

		Map<String, Object> alert = awaitAlert(reference, (candidate) -> "RESOLVED".equals(candidate.get("state")));
		assertThat(alert.get("resolvedAt")).isNotNull();
		assertThat(types(alert)).containsExactly("CREATED", "NOTIFIED", "RESOLVED");
		assertThat(listAlerts("?state=RESOLVED&reference=" + reference)).hasSize(1);
		assertThat(listAlerts("?state=TRIGGERED&reference=" + reference)).isEmpty();
	}

	@Test
	void linkInThePageShowsAConfirmationAndOnlyPostAcknowledges() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(1, requestId, received(UUID.randomUUID().toString(), requestId, reference, "HIGH"));
		Map<String, Object> alert = awaitAlert(reference, (candidate) -> types(candidate).contains("NOTIFIED"));
		String staffId = (String) timeline(alert).get(1).get("recipient");
		Matcher link = Pattern.compile("Acknowledge: (\\S+)")
			.matcher(GreenMailUtil.getBody(awaitSinglePage(reference)));
		assertThat(link.find()).isTrue();
		String path = URI.create(link.group(1)).getRawPath();

		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.exists("Content-Security-Policy");
		assertThat(awaitAlert(reference, (candidate) -> true)).containsEntry("state", "TRIGGERED");

		this.client.post().uri(path).exchange().expectStatus().isOk();
		this.client.post().uri(path).exchange().expectStatus().isOk();

		Map<String, Object> acknowledged = awaitAlert(reference, (candidate) -> true);
		assertThat(acknowledged).containsEntry("state", "ACKNOWLEDGED").containsEntry("acknowledgedBy", staffId);
		assertThat(types(acknowledged)).containsExactly("CREATED", "NOTIFIED", "ACKNOWLEDGED");
		assertThat(timeline(acknowledged).get(2)).containsEntry("channel", "LINK").containsEntry("recipient", staffId);
	}

	@Test
	void aSupervisorAloneReadsAlertsButOnlyOnCallStaffAcknowledgeThem() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(1, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		Map<String, Object> alert = awaitAlert(reference, (candidate) -> types(candidate).contains("NOTIFIED"));

		this.client.mutateWith(staff("morgan-example", "SUPERVISOR"))
			.post()
			.uri("/api/alerts/{id}/acknowledge", alert.get("id"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.mutateWith(staff("morgan-example", "SUPERVISOR"))
			.get()
			.uri("/api/alerts/{id}", alert.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("TRIGGERED")
			.jsonPath("$.acknowledgedBy")
			.isEmpty()
			.jsonPath("$.timeline[*].type")
			.value((List<String> types) -> assertThat(types).containsExactly("CREATED", "NOTIFIED"));

		this.client.mutateWith(staff("morgan-example", "SUPERVISOR", "ON_CALL"))
			.post()
			.uri("/api/alerts/{id}/acknowledge", alert.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("ACKNOWLEDGED")
			.jsonPath("$.acknowledgedBy")
			.isEqualTo("morgan-example");
	}

	@Test
	void onlyTheTeamsSupervisorsChangeItsScheduleAndEveryChangeIsRecorded() {
		// the demo network is seeded before the service reports ready
		await().atMost(PATIENCE)
			.untilAsserted(() -> this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
		String path = "/api/on-call/schedules/center-demo-harbor";
		Map<String, Object> before = schedule(path);
		assertThat(before.get("supervisors")).isEqualTo(List.of("quinn-example"));
		Map<String, Object> reordered = new LinkedHashMap<>(before);
		reordered.keySet().removeAll(List.of("team", "name", "centerId"));
		@SuppressWarnings("unchecked")
		Map<String, Object> rotation = new LinkedHashMap<>((Map<String, Object>) before.get("rotation"));
		rotation.put("members", List.of("drew-example", "casey-example"));
		reordered.put("rotation", rotation);

		// a supervisor of another team, and on-call staff, change nothing
		this.client.mutateWith(staff("morgan-example", "SUPERVISOR"))
			.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(reordered)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Only this team's supervisors may change its schedule.");
		this.client.mutateWith(staff("casey-example", "ON_CALL"))
			.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(reordered)
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(schedule(path)).isEqualTo(before);
		assertThat(changes(path)).isEmpty();

		this.client.mutateWith(staff("quinn-example", "SUPERVISOR"))
			.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(reordered)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rotation.members")
			.isEqualTo(List.of("drew-example", "casey-example"));

		List<Map<String, Object>> changes = changes(path);
		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change).containsEntry("team", "center-demo-harbor")
				.containsEntry("changedBy", "quinn-example")
				.containsEntry("revision", 1)
				.containsEntry("changed", List.of("rotation.members"))
				.containsKey("changedAt");
			assertThat(change.get("before").toString()).contains("members=[casey-example, drew-example]");
			assertThat(change.get("after").toString()).contains("members=[drew-example, casey-example]");
			assertThat(change.toString()).doesNotContain("@staff.treatment-network.test", "+1202555");
		});
		this.client.mutateWith(staff("casey-example", "ON_CALL"))
			.get()
			.uri(path + "/changes")
			.exchange()
			.expectStatus()
			.isForbidden();

		Map<String, Object> original = new LinkedHashMap<>(before);
		original.keySet().removeAll(List.of("team", "name", "centerId"));
		this.client.mutateWith(staff("quinn-example", "SUPERVISOR"))
			.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(original)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(schedule(path)).isEqualTo(before);
		assertThat(changes(path)).extracting((change) -> change.get("revision")).containsExactly(2, 1);
	}

	@Test
	void reportsWhoIsOnCallAndIsReadyAndHealthy() {
		await().atMost(PATIENCE)
			.untilAsserted(() -> this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("application=\"notification-service\""));

		this.client.mutateWith(onCall())
			.get()
			.uri("/api/on-call/now")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].team")
			.isEqualTo("network")
			.jsonPath("$[0].steps[0].step")
			.isEqualTo(1)
			.jsonPath("$[0].steps[0].staffId")
			.value((staffId) -> assertThat(staffId).isIn("avery-example", "jordan-example", "riley-example"))
			.jsonPath("$[0].steps[0].since")
			.exists()
			.jsonPath("$[0].steps[0].until")
			.exists();
	}

	private String storedTraceparent(Map<String, Object> alert) {
		org.bson.Document stored = this.mongo.findById(alert.get("id"), org.bson.Document.class, "alerts")
			.block(Duration.ofSeconds(5));
		return (stored != null) ? stored.getString("traceparent") : null;
	}

	private void send(int partition, String key, String value) throws Exception {
		this.producer.send(new ProducerRecord<>(TOPIC, partition, key, value)).get(10, TimeUnit.SECONDS);
	}

	/**
	 * Publish a new request on a partition and wait until it is paged: everything sent
	 * earlier on that partition has then been processed.
	 */
	private String processedAfterEverythingOn(int partition) throws Exception {
		String requestId = UUID.randomUUID().toString();
		String reference = newReference();
		send(partition, requestId, received(UUID.randomUUID().toString(), requestId, reference, "ROUTINE"));
		awaitAlert(reference, (alert) -> types(alert).contains("NOTIFIED"));
		awaitSinglePage(reference);
		return reference;
	}

	private Map<String, Object> awaitAlert(String reference, java.util.function.Predicate<Map<String, Object>> until) {
		return await().atMost(PATIENCE).until(() -> {
			List<Map<String, Object>> found = listAlerts("?reference=" + reference);
			if (found.size() != 1) {
				return null;
			}
			return this.client.mutateWith(onCall())
				.get()
				.uri("/api/alerts/{id}", found.get(0).get("id"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
		}, (alert) -> alert != null && until.test(alert));
	}

	private List<Map<String, Object>> listAlerts(String query) {
		return this.client.mutateWith(onCall())
			.get()
			.uri("/api/alerts" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private MimeMessage awaitSinglePage(String reference) {
		await().atMost(PATIENCE).until(() -> pagesFor(reference).size() >= 1);
		List<MimeMessage> pages = pagesFor(reference);
		assertThat(pages).hasSize(1);
		return pages.get(0);
	}

	private List<MimeMessage> pagesFor(String reference) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter((message) -> {
			try {
				return message.getSubject().contains(reference);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private List<ConsumerRecord<String, String>> awaitDeadLetters(List<String> keys) {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.kafka, "dlt-reader-" + UUID.randomUUID(),
				false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(DLT));
			await().atMost(PATIENCE).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (keys.contains(record.key())) {
						found.add(record);
					}
				});
				return found.size() >= keys.size();
			});
		}
		return found;
	}

	private String emailOf(String staffId) {
		Document staff = this.mongo.findById(staffId, Document.class, "staff").block(PATIENCE);
		assertThat(staff).isNotNull();
		return staff.getString("email");
	}

	private Map<String, Object> schedule(String path) {
		return this.client.mutateWith(onCall())
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private List<Map<String, Object>> changes(String path) {
		return this.client.mutateWith(staff("morgan-example", "SUPERVISOR"))
			.get()
			.uri(path + "/changes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static JwtMutator staff(String staffId, String... roles) {
		return mockJwt().jwt((jwt) -> jwt.subject(staffId))
			.authorities(Arrays.stream(roles)
				.map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
				.toArray(GrantedAuthority[]::new));
	}

	private static JwtMutator onCall() {
		return mockJwt().jwt((jwt) -> jwt.subject("avery-example"))
			.authorities(new SimpleGrantedAuthority("ROLE_ON_CALL"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> timeline(Map<String, Object> alert) {
		return (List<Map<String, Object>>) alert.get("timeline");
	}

	private static List<String> types(Map<String, Object> alert) {
		return timeline(alert).stream().map((entry) -> (String) entry.get("type")).toList();
	}

	private static String newReference() {
		return "TN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static String received(String eventId, String requestId, String reference, String urgency) {
		return """
				{"eventId": "%s", "type": "ContactRequestReceived", "occurredAt": "2026-11-24T22:00:00Z",
				 "requestId": "%s", "reference": "%s", "urgency": "%s", "source": "WEB", "centerId": null,
				 "status": "RECEIVED", "firstContactDueAt": "2026-11-24T22:15:00Z"}
				""".formatted(eventId, requestId, reference, urgency);
	}

	/** The event of a repeat of the same person: intake's {@code duplicateOf}. */
	private static String repeatOf(String firstRequestId, String event) {
		return event.replace("\"eventId\"", "\"duplicateOf\": \"" + firstRequestId + "\", \"eventId\"");
	}

	private static String statusChanged(String requestId, String reference, String status) {
		return """
				{"eventId": "%s", "type": "ContactRequestStatusChanged", "occurredAt": "2026-11-24T22:05:00Z",
				 "requestId": "%s", "reference": "%s", "urgency": "ROUTINE", "source": "WEB", "centerId": null,
				 "status": "%s", "firstContactDueAt": "2026-11-24T22:15:00Z"}
				""".formatted(UUID.randomUUID(), requestId, reference, status);
	}

}
