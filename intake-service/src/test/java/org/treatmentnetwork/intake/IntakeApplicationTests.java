package org.treatmentnetwork.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.support.EmbeddedMongo;
import org.treatmentnetwork.intake.support.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
@EmbeddedKafka(partitions = 3, topics = { IntakeApplicationTests.TOPIC, IntakeApplicationTests.TOPIC + ".DLT" })
class IntakeApplicationTests {

	static final String TOPIC = "intake.contact-requests.v1";

	private static final String PATH = "/api/intake/contact-requests";

	private static final String NAME = "Zelda Quintavalle";

	private static final String MESSAGE = "My brother overdosed last night and I am scared";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("intake-it"));
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
	}

	@Test
	void acceptedRequestIsStoredThenPublishedExactlyOnceWithoutPersonalData() {
		try (Consumer<String, String> consumer = consumer()) {
			long before = count("contact_requests");

			JsonNode accepted = submit(validBody(MESSAGE), null);
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
			assertThat(stored.getString("name")).isEqualTo(NAME);
			assertThat(stored.getString("phone")).isEqualTo("+15550100199");
			assertThat(stored.getString("source")).isEqualTo("WEB");
			assertThat(stored.getList("history", Document.class)).singleElement()
				.satisfies((entry) -> assertThat(entry.getString("type")).isEqualTo("RECEIVED"));

			ConsumerRecord<String, String> record = KafkaTestUtils.getSingleRecord(consumer, TOPIC,
					Duration.ofSeconds(30));
			assertThat(record.key()).isEqualTo(id);
			assertThat(record.headers().lastHeader("__TypeId__")).isNull();
			assertThat(record.value()).doesNotContain(NAME, "0199", "overdosed", "heroin", "evenings");
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
				.bodyValue(validBody("please call").replace("\"contact\":true", "\"contact\":false"))
				.exchange()
				.expectStatus()
				.isBadRequest();
			assertThat(count("contact_requests")).isEqualTo(before + 1);

			String marker = submit(validBody("please call in the evening"), null).get("id").asString();
			ConsumerRecord<String, String> next = KafkaTestUtils.getSingleRecord(consumer, TOPIC,
					Duration.ofSeconds(30));
			assertThat(next.key()).isEqualTo(marker);
			assertThat(json.readTree(next.value()).get("urgency").asString()).isEqualTo("ROUTINE");
			assertThat(KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1)).count()).isZero();
		}
	}

	@Test
	void agentLogsACallAndEveryStaffReadIsAudited() {
		String agent = TestTokens.token("agent-7", "INTAKE_AGENT");
		JsonNode accepted = submit(validBody("I am dope sick"), agent);
		String id = accepted.get("id").asString();
		assertThat(accepted.get("urgency").asString()).isEqualTo("HIGH");
		assertThat(accepted.has("crisisResources")).isFalse();
		Document stored = document(id);
		assertThat(stored.getString("source")).isEqualTo("PHONE");
		assertThat(stored.getString("createdBy")).isEqualTo("agent-7");

		long auditsBefore = count("audit_log");
		this.client.get()
			.uri(PATH + "/" + id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("supervisor-2", "SUPERVISOR"))
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
			.isEqualTo("+15550100199")
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
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("editor-3", "EDITOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(validBody("please call"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(validBody("please call"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri(PATH + "/" + UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("on-call-4", "ON_CALL"))
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
				.contains("intake_outbox_published_total{application=\"intake-service\"}"));
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

	private static String validBody(String message) {
		return """
				{"name":"%s","phone":"+1 555 010 0199","email":null,"preferredContact":"PHONE",
				 "bestTimeToContact":"evenings","forWhom":"LOVED_ONE","substances":["heroin"],
				 "message":"%s","centerId":null,
				 "consent":{"contact":true,"text":false,"voicemail":false}}
				""".formatted(NAME, message);
	}

}
