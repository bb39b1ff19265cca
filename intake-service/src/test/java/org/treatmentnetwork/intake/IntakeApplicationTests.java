package org.treatmentnetwork.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.treatmentnetwork.intake.support.EmbeddedMongo;
import org.treatmentnetwork.intake.support.EventContract;
import org.treatmentnetwork.intake.support.TestEncryption;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.treatmentnetwork.servicedefaults.openapi.CommittedContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against real infrastructure: the in-process MongoDB wire-protocol
 * server, an embedded KRaft Kafka broker, and tokens signed with a test key that the
 * service reads through Boot's standard resource-server properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
@EmbeddedKafka(partitions = 3, topics = { IntakeApplicationTests.TOPIC, IntakeApplicationTests.TOPIC + ".DLT" })
class IntakeApplicationTests {

	static final String TOPIC = "intake.contact-requests.v1";

	private static final String PATH = "/api/intake/contact-requests";

	private static final String NAME = "Zelda Quintavalle";

	private static final String MESSAGE = "My brother overdosed last night and I am scared";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicInteger PHONES = new AtomicInteger(1000);

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MeterRegistry meters;

	private final Map<Consumer<String, String>, List<ConsumerRecord<String, String>>> received = new HashMap<>();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("intake-it"));
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				TestStaffTokens.shared()::publicKeyLocation);
		TestEncryption.register(registry);
	}

	/**
	 * The document the service serves is the one committed under
	 * {@code contracts/openapi/}: a contract change fails here until the new document is
	 * committed with it.
	 */
	@Test
	void servesTheCommittedOpenApiDocument() throws Exception {
		CommittedContract.assertServedBy(this.client, "intake-service");
	}

	@Test
	void acceptedRequestIsStoredEncryptedThenPublishedExactlyOnceWithoutPersonalData(CapturedOutput output) {
		try (Consumer<String, String> consumer = consumer()) {
			long before = count("contact_requests");
			String phone = uniquePhone();

			JsonNode accepted = submit(validBody(MESSAGE, phone), null);
			String id = accepted.get("id").asString();
			assertThat(accepted.get("status").asString()).isEqualTo("RECEIVED");
			assertThat(accepted.get("urgency").asString()).isEqualTo("CRISIS");
			assertThat(accepted.get("reference").asString()).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
			assertThat(accepted.get("crisisResources").findValuesAsString("phone")).containsExactly("988",
					"1-800-662-4357", "911");
			Instant receivedAt = Instant.parse(accepted.get("receivedAt").asString());

			Document stored = document(id);
			assertThat(count("contact_requests")).isEqualTo(before + 1);
			assertThat(stored.getString("reference")).isEqualTo(accepted.get("reference").asString());
			assertThat(stored.getString("source")).isEqualTo("WEB");
			assertThat(stored.getList("history", Document.class)).singleElement()
				.satisfies((entry) -> assertThat(entry.getString("type")).isEqualTo("RECEIVED"));
			// Encrypted at rest: the raw document holds no plaintext personal data.
			assertThat(stored.getString("name")).startsWith("gcm2:test-2026:");
			assertThat(stored.getString("phone")).startsWith("gcm2:test-2026:");
			assertThat(stored.getString("message")).startsWith("gcm2:test-2026:");
			assertThat(stored.getString("substances")).startsWith("gcm2:test-2026:");
			assertThat(stored.getString("bestTimeToContact")).startsWith("gcm2:test-2026:");
			assertThat(stored.getString("phoneHash")).startsWith("hmac1:test-lookup-2026:").hasSize(6 + 16 + 1 + 64);
			assertThat(stored.toJson()).doesNotContain(NAME, "Zelda", digits(phone), "overdosed", "heroin", "evenings");

			List<ConsumerRecord<String, String>> records = recordsFor(consumer, id, 1);
			assertThat(records).hasSize(1);
			ConsumerRecord<String, String> record = records.get(0);
			assertThat(record.key()).isEqualTo(id);
			assertThat(record.headers().lastHeader("__TypeId__")).isNull();
			assertThat(header(record, "traceparent")).as("submitted without traceparent: a trace of its own")
				.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
			assertThat(record.value()).doesNotContain(NAME, digits(phone), "overdosed", "heroin", "evenings");
			assertThat(EventContract.violations(record.value())).as("matches contracts/events").isEmpty();
			JsonNode event = json.readTree(record.value());
			assertThat(new ArrayList<>(event.propertyNames())).containsExactlyInAnyOrder("eventId", "type",
					"occurredAt", "requestId", "reference", "urgency", "source", "centerId", "status",
					"firstContactDueAt");
			assertThat(event.get("type").asString()).isEqualTo("ContactRequestReceived");
			assertThat(event.get("requestId").asString()).isEqualTo(id);
			assertThat(event.get("reference").asString()).isEqualTo(accepted.get("reference").asString());
			assertThat(event.get("urgency").asString()).isEqualTo("CRISIS");
			assertThat(event.get("source").asString()).isEqualTo("WEB");
			assertThat(event.get("status").asString()).isEqualTo("RECEIVED");
			assertThat(event.get("centerId").isNull()).isTrue();
			assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(receivedAt);
			assertThat(Instant.parse(event.get("firstContactDueAt").asString()))
				.isEqualTo(receivedAt.plus(Duration.ofMinutes(5)));

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Document relayed = document(id);
				assertThat(relayed.getList("pendingEvents", Document.class)).isEmpty();
				assertThat(relayed.getBoolean("outboxPending")).isFalse();
				assertThat(relayed.get("outboxLeaseOwner")).isNull();
			});

			// A rejected request stores nothing, so there is nothing to publish.
			this.client.post()
				.uri(PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(validBody("please call", uniquePhone()).replace("\"contact\":true", "\"contact\":false"))
				.exchange()
				.expectStatus()
				.isBadRequest();
			assertThat(count("contact_requests")).isEqualTo(before + 1);

			String marker = submit(validBody("please call in the evening", uniquePhone()), null).get("id").asString();
			ConsumerRecord<String, String> next = recordsFor(consumer, marker, 1).get(0);
			assertThat(json.readTree(next.value()).get("urgency").asString()).isEqualTo("ROUTINE");
			assertThat(recordsFor(consumer, id, 0)).as("published exactly once").hasSize(1);
			assertThat(output.getAll()).doesNotContain(NAME, digits(phone), "overdosed", "heroin");
		}
	}

	@Test
	void agentLogsACallAndEveryStaffReadIsAudited() {
		String agent = TestStaffTokens.shared().token("agent-7", "INTAKE_AGENT");
		String phone = uniquePhone();
		JsonNode accepted = submit(validBody("I am dope sick", phone), agent);
		String id = accepted.get("id").asString();
		assertThat(accepted.get("urgency").asString()).isEqualTo("HIGH");
		assertThat(accepted.has("crisisResources")).isFalse();
		Document stored = document(id);
		assertThat(stored.getString("source")).isEqualTo("PHONE");
		assertThat(stored.getString("createdBy")).isEqualTo("agent-7");

		long auditsBefore = count("audit_log");
		this.client.get()
			.uri(PATH + "/" + id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestStaffTokens.shared().token("supervisor-2", "SUPERVISOR"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.reference")
			.isEqualTo(accepted.get("reference").asString())
			.jsonPath("$.name")
			.isEqualTo(NAME)
			.jsonPath("$.phone")
			.isEqualTo("+1" + digits(phone))
			.jsonPath("$.message")
			.isEqualTo("I am dope sick")
			.jsonPath("$.substances[0]")
			.isEqualTo("heroin")
			.jsonPath("$.source")
			.isEqualTo("PHONE")
			.jsonPath("$.urgency")
			.isEqualTo("HIGH")
			.jsonPath("$.history[0].type")
			.isEqualTo("RECEIVED")
			.jsonPath("$.history[0].by")
			.isEqualTo("agent-7")
			.jsonPath("$.pendingEvents")
			.doesNotExist();

		List<Document> audits = this.mongo
			.find(new Query(Criteria.where("requestId").is(id)), Document.class, "audit_log")
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(audits).singleElement().satisfies((audit) -> {
			assertThat(audit.getString("staffSub")).isEqualTo("supervisor-2");
			assertThat(audit.getString("action")).isEqualTo("READ");
			assertThat(audit.getDate("at")).isNotNull();
		});

		this.client.get()
			.uri(PATH + "/" + UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + agent)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(count("audit_log")).isEqualTo(auditsBefore + 1);
	}

	@Test
	void tokensAreCheckedAgainstTheConfiguredKeyAndRolesClaim() {
		this.client.post()
			.uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestStaffTokens.shared().token("editor-3", "EDITOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(validBody("please call", uniquePhone()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(validBody("please call", uniquePhone()))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri(PATH + "/" + UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestStaffTokens.shared().token("on-call-4", "ON_CALL"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void readinessAndMetricsAreExposed() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
		// The scrape is larger than the 16 KiB the service's codecs (and so this
		// client's)
		// accept.
		this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("intake_outbox_pending{application=\"intake-service\"}")
				.contains("intake_outbox_lag_seconds{application=\"intake-service\"}")
				.contains("intake_pipeline_queue_size{application=\"intake-service\"}")
				.contains("intake_pipeline_overdue{application=\"intake-service\"}")
				.contains("intake_outbox_published_total{application=\"intake-service\"}"));
	}

	@Test
	void sameIdempotencyKeyAndBodyAnswersTheFirstResultAndAnotherBodyIsAConflict() {
		String key = "idem-" + UUID.randomUUID();
		String body = validBody("please call me back", uniquePhone());
		long before = count("contact_requests");

		JsonNode first = submitWithKey(body, key).expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		JsonNode again = submitWithKey(body, key).expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(again).isEqualTo(first);
		assertThat(count("contact_requests")).isEqualTo(before + 1);
		submitWithKey(validBody("something else entirely", uniquePhone()), key).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/conflict")
			.jsonPath("$.status")
			.isEqualTo(409);
		assertThat(count("contact_requests")).isEqualTo(before + 1);
		assertThat(count("idempotency_keys")).isPositive();
	}

	@Test
	void filledHoneypotIsAnsweredLikeARequestButNothingIsStoredOrPublished() {
		try (Consumer<String, String> consumer = consumer()) {
			long before = count("contact_requests");
			double caught = this.meters.counter("intake.honeypot.caught").count();
			String body = validBody("cheap pills", uniquePhone()).replace("\"centerId\":null",
					"\"centerId\":null,\"website\":\"http://spam.example\"");

			JsonNode answer = submit(body, null);

			assertThat(answer.get("id").asString()).hasSize(36);
			assertThat(answer.get("reference").asString()).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
			assertThat(answer.get("status").asString()).isEqualTo("RECEIVED");
			assertThat(answer.get("urgency").asString()).isEqualTo("ROUTINE");
			assertThat(count("contact_requests")).isEqualTo(before);
			assertThat(document(answer.get("id").asString())).isNull();
			assertThat(this.meters.counter("intake.honeypot.caught").count()).isEqualTo(caught + 1);
			assertThat(recordsFor(consumer, answer.get("id").asString(), 0)).isEmpty();
		}
	}

	@Test
	void samePersonWithinThirtyDaysIsLinkedToTheEarlierRequestAndTheEventSaysSo() {
		try (Consumer<String, String> consumer = consumer()) {
			String phone = uniquePhone();
			String email = "person-" + UUID.randomUUID() + "@example.org";
			String first = submit(validBody("first call", phone), null).get("id").asString();
			String second = submit(validBody("second call", phone.replace("+1 ", "").replace(" ", "-")), null).get("id")
				.asString();
			String unrelated = submit(validBody("another person", uniquePhone()), null).get("id").asString();
			String both = submit(
					validBody("fourth call", phone).replace("\"email\":null", "\"email\":\"" + email + "\""), null)
				.get("id")
				.asString();
			// Another phone, but the e-mail (in other case) of the same person.
			String byEmail = submit(validBody("third call", uniquePhone()).replace("\"email\":null",
					"\"email\":\"" + email.toUpperCase(java.util.Locale.ROOT) + "\""), null)
				.get("id")
				.asString();

			assertThat(document(first).getString("duplicateOf")).isNull();
			assertThat(document(second).getString("duplicateOf")).isEqualTo(first);
			assertThat(document(byEmail).getString("duplicateOf")).isEqualTo(first);
			assertThat(document(unrelated).getString("duplicateOf")).isNull();
			assertThat(document(both).getString("duplicateOf")).isEqualTo(first);
			String value = recordsFor(consumer, second, 1).get(0).value();
			assertThat(EventContract.violations(value)).as("matches contracts/events").isEmpty();
			JsonNode event = json.readTree(value);
			assertThat(event.get("duplicateOf").asString()).isEqualTo(first);
			assertThat(json.readTree(recordsFor(consumer, first, 1).get(0).value()).has("duplicateOf")).isFalse();
		}
	}

	@Test
	void aCrisisRepeatOfTheSamePersonAnswersWithTheCrisisLinesAndIsPublishedAsACrisis() {
		try (Consumer<String, String> consumer = consumer()) {
			String phone = uniquePhone();
			JsonNode first = submit(validBody("please call me about treatment", phone), null);
			assertThat(first.get("urgency").asString()).isEqualTo("ROUTINE");
			assertThat(first.has("crisisResources")).isFalse();

			String key = "repeat-" + UUID.randomUUID();
			String crisis = validBody("I took too much, I think I overdosed", phone);
			JsonNode repeat = submitWithKey(crisis, key).expectStatus()
				.isAccepted()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			String repeatId = repeat.get("id").asString();

			assertThat(repeat.get("urgency").asString()).isEqualTo("CRISIS");
			assertThat(repeat.get("crisisResources").findValuesAsString("phone")).containsExactly("988",
					"1-800-662-4357", "911");
			assertThat(document(repeatId).getString("duplicateOf")).isEqualTo(first.get("id").asString());
			// Answered again for the same key: the crisis lines again, nothing new
			// stored.
			JsonNode replayed = submitWithKey(crisis, key).expectStatus()
				.isAccepted()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			assertThat(replayed).isEqualTo(repeat);

			String value = recordsFor(consumer, repeatId, 1).get(0).value();
			assertThat(EventContract.violations(value)).as("matches contracts/events").isEmpty();
			JsonNode event = json.readTree(value);
			assertThat(event.get("urgency").asString()).isEqualTo("CRISIS");
			assertThat(event.get("duplicateOf").asString()).isEqualTo(first.get("id").asString());
			assertThat(Instant.parse(event.get("firstContactDueAt").asString()))
				.isEqualTo(Instant.parse(repeat.get("receivedAt").asString()).plus(Duration.ofMinutes(5)));
		}
	}

	@Test
	void agentsWorkTheQueueThroughClaimsStatusMovesAndNotes(CapturedOutput output) {
		try (Consumer<String, String> consumer = consumer()) {
			String agent = TestStaffTokens.shared().token("agent-1", "INTAKE_AGENT");
			String other = TestStaffTokens.shared().token("agent-2", "INTAKE_AGENT");
			String supervisor = TestStaffTokens.shared().token("supervisor-1", "SUPERVISOR");
			String id = submit(validBody("I am dope sick", uniquePhone()), null).get("id").asString();

			JsonNode queued = queueItem(agent, id);
			assertThat(queued.get("status").asString()).isEqualTo("RECEIVED");
			assertThat(queued.get("urgency").asString()).isEqualTo("HIGH");
			assertThat(queued.get("waitingSeconds").asLong()).isNotNegative();
			assertThat(queued.has("firstContactDueAt")).isTrue();
			assertThat(queued.get("claimedBy").isNull()).isTrue();
			assertThat(queued.has("name")).isFalse();
			assertThat(queued.has("message")).isFalse();

			action(agent, id, "claim", null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.claimedBy")
				.isEqualTo("agent-1");
			action(agent, id, "claim", null).expectStatus().isOk();
			action(other, id, "claim", null).expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			action(other, id, "status", "{\"status\":\"CONTACT_ATTEMPTED\"}").expectStatus().isEqualTo(409);
			action(supervisor, id, "claim", null).expectStatus().isForbidden();
			action(agent, id, "status", "{\"status\":\"CONTACTED\"}").expectStatus().isEqualTo(409);
			action(agent, id, "status",
					"{\"status\":\"CONTACT_ATTEMPTED\",\"note\":\"voicemail, Zelda's sister Qwyneth\"}")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("CONTACT_ATTEMPTED");
			action(agent, id, "status", "{\"status\":\"CLOSED\"}").expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("note");
			action(agent, id, "status", "{\"status\":{\"$ne\":null}}").expectStatus().isBadRequest();
			action(agent, id, "notes", "{\"text\":\"Call back after 6 pm\"}").expectStatus().isOk();
			action(agent, id, "status", "{\"status\":\"CONTACTED\"}").expectStatus().isOk();
			action(agent, id, "status", "{\"status\":\"CLOSED\",\"note\":\"found another program\"}").expectStatus()
				.isOk();
			action(agent, id, "status", "{\"status\":\"CONTACTED\"}").expectStatus().isEqualTo(409);
			action(agent, "no-such-request", "claim", null).expectStatus().isNotFound();

			this.client.get()
				.uri(PATH + "/" + id)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + supervisor)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("CLOSED")
				.jsonPath("$.claimedBy")
				.isEqualTo("agent-1")
				.jsonPath("$.history[*].type")
				.value((List<String> types) -> assertThat(types).containsExactly("RECEIVED", "CLAIMED",
						"STATUS_CHANGED", "NOTE", "STATUS_CHANGED", "STATUS_CHANGED"))
				.jsonPath("$.history[1].by")
				.isEqualTo("agent-1")
				.jsonPath("$.history[2].note")
				.isEqualTo("voicemail, Zelda's sister Qwyneth")
				.jsonPath("$.history[3].note")
				.isEqualTo("Call back after 6 pm")
				.jsonPath("$.history[5].status")
				.isEqualTo("CLOSED");
			Document stored = document(id);
			assertThat(stored.toJson()).doesNotContain("Call back after 6 pm", "another program");
			assertThat(stored.get("closedAt")).isNotNull();
			assertThat(queueIds(agent)).doesNotContain(id);

			List<ConsumerRecord<String, String>> records = recordsFor(consumer, id, 4);
			assertThat(records).extracting((r) -> json.readTree(r.value()).get("type").asString())
				.containsExactly("ContactRequestReceived", "ContactRequestStatusChanged", "ContactRequestStatusChanged",
						"ContactRequestStatusChanged");
			assertThat(records).extracting((r) -> json.readTree(r.value()).get("status").asString())
				.containsExactly("RECEIVED", "CONTACT_ATTEMPTED", "CONTACTED", "CLOSED");
			assertThat(records).allSatisfy((r) -> assertThat(r.value()).doesNotContain("Qwyneth", "6 pm", NAME));
			assertThat(records).allSatisfy((r) -> assertThat(EventContract.violations(r.value())).isEmpty());
			assertThat(this.meters.find("intake.pipeline.first.contact.attempt").tag("urgency", "HIGH").timer())
				.isNotNull()
				.satisfies((timer) -> assertThat(timer.count()).isPositive());
			assertThat(this.meters.find("intake.pipeline.contact").tag("urgency", "HIGH").timer()).isNotNull();
			assertThat(output.getAll()).doesNotContain("Qwyneth", "Call back after", NAME);
		}
	}

	@Test
	void claimsGoBackToTheQueueWhenTheirHolderOrASupervisorReleasesThem(CapturedOutput output) {
		String agent = TestStaffTokens.shared().token("agent-7", "INTAKE_AGENT");
		String other = TestStaffTokens.shared().token("agent-8", "INTAKE_AGENT");
		String supervisor = TestStaffTokens.shared().token("supervisor-2", "SUPERVISOR");
		String onCall = TestStaffTokens.shared().token("nurse-2", "ON_CALL");
		String id = submit(validBody("please call me back", uniquePhone()), null).get("id").asString();

		action(agent, id, "release", null).expectStatus().isOk().expectBody().jsonPath("$.claimedBy").isEmpty();
		action(agent, id, "claim", null).expectStatus().isOk();
		action(other, id, "release", null).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		action(onCall, id, "release", null).expectStatus().isForbidden();
		action(agent, id, "release", "{\"note\":\"" + "x".repeat(2001) + "\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("note");
		action(agent, id, "release", "{\"note\":\"caller Ysolde only speaks Portuguese\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.claimedBy")
			.isEmpty();
		assertThat(queueItem(other, id).get("claimedBy").isNull()).isTrue();

		action(other, id, "claim", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.claimedBy")
			.isEqualTo("agent-8");
		action(supervisor, id, "release", null).expectStatus().isOk().expectBody().jsonPath("$.claimedBy").isEmpty();
		action(agent, id, "claim", null).expectStatus().isOk();
		action(agent, id, "status", "{\"status\":\"CONTACT_ATTEMPTED\"}").expectStatus().isOk();
		action(agent, id, "status", "{\"status\":\"CONTACTED\"}").expectStatus().isOk();
		// past first contact the queue no longer shows it: it stays with its agent
		action(supervisor, id, "release", null).expectStatus().isEqualTo(409);
		action(agent, id, "status", "{\"status\":\"CLOSED\",\"note\":\"reached by a center directly\"}").expectStatus()
			.isOk();
		action(agent, id, "release", null).expectStatus().isEqualTo(409);
		action(supervisor, "no-such-request", "release", null).expectStatus().isNotFound();

		this.client.get()
			.uri(PATH + "/" + id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + supervisor)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.history[*].type")
			.value((List<String> types) -> assertThat(types).containsExactly("RECEIVED", "CLAIMED", "RELEASED",
					"CLAIMED", "RELEASED", "CLAIMED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"))
			.jsonPath("$.history[1].releasedFrom")
			.doesNotExist()
			.jsonPath("$.history[2].by")
			.isEqualTo("agent-7")
			.jsonPath("$.history[2].releasedFrom")
			.isEqualTo("agent-7")
			.jsonPath("$.history[2].note")
			.isEqualTo("caller Ysolde only speaks Portuguese")
			.jsonPath("$.history[4].by")
			.isEqualTo("supervisor-2")
			.jsonPath("$.history[4].releasedFrom")
			.isEqualTo("agent-8");
		assertThat(document(id).toJson()).doesNotContain("Ysolde");
		assertThat(output.getAll()).doesNotContain("Ysolde");
	}

	@Test
	void notesComeFromTheAgentWhoHoldsTheRequestOrASupervisorAndStopWhenItIsFinal(CapturedOutput output) {
		String agent = TestStaffTokens.shared().token("agent-n1", "INTAKE_AGENT");
		String other = TestStaffTokens.shared().token("agent-n2", "INTAKE_AGENT");
		String supervisor = TestStaffTokens.shared().token("supervisor-n", "SUPERVISOR");
		String onCall = TestStaffTokens.shared().token("nurse-n", "ON_CALL");
		String id = submit(validBody("please call me", uniquePhone()), null).get("id").asString();

		// nobody holds it: an agent claims it first; a supervisor may add a note
		action(agent, id, "notes", "{\"text\":\"Wrenna called from a pay phone\"}").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("claim it first").doesNotContain("Wrenna"));
		action(supervisor, id, "notes", "{\"text\":\"caller prefers Spanish\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.claimedBy")
			.isEmpty();

		action(agent, id, "claim", null).expectStatus().isOk();
		action(other, id, "notes", "{\"text\":\"Wrenna's cousin says hi\"}").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://treatment-network.example/problems/conflict")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("agent-n1", "supervisor").doesNotContain("Wrenna"));
		action(onCall, id, "notes", "{\"text\":\"x\"}").expectStatus().isForbidden();
		action(agent, id, "notes", "{\"text\":\"call back after 6 pm\"}").expectStatus().isOk();
		action(supervisor, id, "notes", "{\"text\":\"checked by the shift lead\"}").expectStatus().isOk();

		action(agent, id, "status", "{\"status\":\"CLOSED\",\"note\":\"moved away\"}").expectStatus().isOk();
		for (String staff : new String[] { agent, supervisor }) {
			action(staff, id, "notes", "{\"text\":\"Wrenna again\"}").expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.value((String detail) -> assertThat(detail).contains("CLOSED"));
		}
		action(supervisor, "no-such-request", "notes", "{\"text\":\"x\"}").expectStatus().isNotFound();

		this.client.get()
			.uri(PATH + "/" + id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + supervisor)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.history[*].type")
			.value((List<String> types) -> assertThat(types).containsExactly("RECEIVED", "NOTE", "CLAIMED", "NOTE",
					"NOTE", "STATUS_CHANGED"))
			.jsonPath("$.history[1].by")
			.isEqualTo("supervisor-n")
			.jsonPath("$.history[1].note")
			.isEqualTo("caller prefers Spanish")
			.jsonPath("$.history[3].by")
			.isEqualTo("agent-n1")
			.jsonPath("$.history[4].by")
			.isEqualTo("supervisor-n");
		assertThat(document(id).toJson()).doesNotContain("Wrenna", "6 pm", "shift lead");
		assertThat(output.getAll()).contains("Note added to contact request " + id + " by agent-n1")
			.doesNotContain("Wrenna", "6 pm", "shift lead", "Spanish");
	}

	@Test
	void queueListsTheMostUrgentFirstThenTheOldest() {
		String agent = TestStaffTokens.shared().token("agent-3", "INTAKE_AGENT");
		String routineOld = submit(validBody("any time is fine", uniquePhone()), null).get("id").asString();
		String crisis = submit(validBody("he overdosed and is not breathing", uniquePhone()), null).get("id")
			.asString();
		String routineNew = submit(validBody("weekdays please", uniquePhone()), null).get("id").asString();
		String high = submit(validBody("withdrawal is starting", uniquePhone()), null).get("id").asString();

		List<String> order = queueIds(agent).stream()
			.filter(List.of(routineOld, crisis, routineNew, high)::contains)
			.toList();
		assertThat(order).containsExactly(crisis, high, routineOld, routineNew);
		this.client.get()
			.uri("/api/intake/queue")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestStaffTokens.shared().token("supervisor-9", "SUPERVISOR"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/intake/queue")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestStaffTokens.shared().token("editor-9", "EDITOR"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/api/intake/queue").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void theTraceOfARequestAndOfAStatusChangeIsContinuedByTheirEvents(CapturedOutput output) {
		try (Consumer<String, String> consumer = consumer()) {
			String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
			String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
			byte[] answer = this.client.post()
				.uri(PATH)
				.header("traceparent", traceparent)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(validBody("please call", uniquePhone()))
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectBody()
				.returnResult()
				.getResponseBody();
			String id = json.readTree(answer).get("id").asString();

			String agent = TestStaffTokens.shared().token("agent-t", "INTAKE_AGENT");
			String statusTraceId = "0af7651916cd43dd8448eb211c80319c";
			this.client.post()
				.uri(PATH + "/" + id + "/status")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + agent)
				.header("traceparent", "00-" + statusTraceId + "-b7ad6b7169203331-00")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"status\":\"CONTACT_ATTEMPTED\"}")
				.exchange()
				.expectStatus()
				.isOk();
			// A malformed traceparent is ignored, not an error.
			this.client.post()
				.uri(PATH + "/" + id + "/status")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + agent)
				.header("traceparent", "00-" + statusTraceId.toUpperCase() + "-b7ad6b7169203331-00")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"status\":\"CONTACTED\"}")
				.exchange()
				.expectStatus()
				.isOk();

			List<ConsumerRecord<String, String>> records = recordsFor(consumer, id, 3);
			assertThat(records).hasSize(3);
			// The relay continues each request's trace: same trace id, a span of its own.
			assertThat(header(records.get(0), "traceparent")).startsWith("00-" + traceId + "-")
				.endsWith("-01")
				.isNotEqualTo(traceparent);
			assertThat(json.readTree(records.get(0).value()).has("traceparent")).isFalse();
			assertThat(header(records.get(1), "traceparent")).startsWith("00-" + statusTraceId + "-");
			// The malformed one was not continued: its event has a trace of its own.
			assertThat(header(records.get(2), "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
				.doesNotContain(statusTraceId);
			assertThat(records)
				.allSatisfy((record) -> assertThat(record.headers().lastHeader("X-Request-Id")).isNull());
			assertThat(output.getAll()).contains("Contact request " + id + " received")
				.contains("trace_id=" + traceId)
				.contains("to CONTACT_ATTEMPTED by agent-t trace_id=" + statusTraceId);
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII) : null;
	}

	private WebTestClient.ResponseSpec submitWithKey(String body, String key) {
		return this.client.post()
			.uri(PATH)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec action(String token, String id, String action, String body) {
		WebTestClient.RequestBodySpec request = this.client.post()
			.uri(PATH + "/" + id + "/" + action)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		return request.exchange();
	}

	private JsonNode queue(String token) {
		return this.client.get()
			.uri("/api/intake/queue")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private List<String> queueIds(String token) {
		List<String> ids = new ArrayList<>();
		queue(token).forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private JsonNode queueItem(String token, String id) {
		for (JsonNode item : queue(token)) {
			if (id.equals(item.get("id").asString())) {
				return item;
			}
		}
		throw new AssertionError("request " + id + " is not in the queue");
	}

	private JsonNode submit(String body, String token) {
		WebTestClient.RequestBodySpec request = this.client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		byte[] answer = request.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree(answer);
	}

	private Document document(String id) {
		return this.mongo.findById(id, Document.class, "contact_requests").block(Duration.ofSeconds(5));
	}

	private long count(String collection) {
		Long count = this.mongo.count(new Query(), collection).block(Duration.ofSeconds(5));
		return (count != null) ? count : 0;
	}

	private Consumer<String, String> consumer() {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "intake-it-" + UUID.randomUUID(),
				false);
		properties.put("auto.offset.reset", "earliest");
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		consumer.subscribe(List.of(TOPIC));
		return consumer;
	}

	/** A valid body; the phone number keeps requests of different tests apart. */
	private static String validBody(String message, String phone) {
		return """
				{"name":"%s","phone":"%s","email":null,"preferredContact":"PHONE",
				 "bestTimeToContact":"evenings","forWhom":"LOVED_ONE","substances":["heroin"],
				 "message":"%s","centerId":null,
				 "consent":{"contact":true,"text":false,"voicemail":false}}
				""".formatted(NAME, phone, message);
	}

	/** A phone number no other request of this run uses, as the person would type it. */
	private static String uniquePhone() {
		return "+1 202 555 " + PHONES.incrementAndGet();
	}

	/** The national digits of a phone number from {@link #uniquePhone()}. */
	private static String digits(String phone) {
		return phone.replaceAll("\\D", "").substring(1);
	}

	/**
	 * Polls the topic until at least {@code expected} records with the key arrived (or,
	 * for 0, for two seconds), and returns them all. Records of other keys are kept for
	 * later calls with the same consumer.
	 */
	private List<ConsumerRecord<String, String>> recordsFor(Consumer<String, String> consumer, String key,
			int expected) {
		List<ConsumerRecord<String, String>> seen = this.received.computeIfAbsent(consumer, (c) -> new ArrayList<>());
		if (expected == 0) {
			for (int i = 0; i < 4; i++) {
				consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
			}
		}
		else {
			await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().filter((r) -> key.equals(r.key())).count() >= expected;
			});
		}
		return seen.stream().filter((r) -> key.equals(r.key())).toList();
	}

}
