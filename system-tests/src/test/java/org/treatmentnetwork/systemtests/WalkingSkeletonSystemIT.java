package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's walking skeleton, end to end: the suite runs as separate processes on
 * a real Kafka broker, the MongoDB wire-protocol server on disk and an SMTP server,
 * exactly as {@code ./run} starts it, and is driven only through the gateway. The stack
 * is started once for the class and restarted once to prove that stored requests survive.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonSystemIT {

	private static final String NAME = "Walter Skeleton";

	private static final String PHONE = "+1 212 555 0147";

	private static final String OTHER_PHONE = "+1 212 555 0148";

	private static final String MESSAGE = "My brother Zebulon uses heroin daily and wants to stop";

	private final SuiteClient gateway = RunningSuite.gateway();

	private static String acceptedId;

	private static String acceptedReference;

	@Test
	@Order(1)
	void seededArticlesAreServedThroughTheGateway() {
		SuiteClient.Reply list = gateway.get("/api/content/articles?locale=en", null);
		assertThat(list.status()).isEqualTo(200);
		List<JsonNode> items = list.items();
		assertThat(items).isNotEmpty();
		String slug = items.get(0).get("slug").asString();

		SuiteClient.Reply article = gateway.get("/api/content/articles/" + slug + "?locale=en", null);
		assertThat(article.status()).isEqualTo(200);
		assertThat(article.json().get("body").asString()).isNotBlank();
		assertThat(gateway.get("/api/content/articles/no-such-article?locale=en", null).status()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void aContactRequestPagesTheOnCallPersonThroughTheWholeSuite() {
		String onCall = RunningSuite.token("nurse-system-test", "ON_CALL");
		Instant sent = Instant.now();
		SuiteClient.Reply accepted = gateway.postJson("/api/intake/contact-requests", validRequest(), null);
		Instant acceptedAt = Instant.now();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode body = accepted.json();
		acceptedId = body.get("id").asString();
		acceptedReference = body.get("reference").asString();
		assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(accepted.body()).doesNotContain(NAME, "Zebulon", "555 0147", "2125550147");

		JsonNode alert = RunningSuite.await("an alert with a NOTIFIED entry for " + acceptedReference,
				Duration.ofSeconds(60), () -> notifiedAlert(acceptedReference, onCall));
		Instant notifiedSeen = Instant.now();
		JsonNode notified = timelineEntries(alert, "NOTIFIED").get(0);
		Instant notifiedAt = Instant.parse(notified.get("at").asString());
		System.out.printf(
				"[system-test] 202 after %d ms; NOTIFIED entry recorded %d ms after the 202 "
						+ "(seen by polling after %d ms)%n",
				Duration.between(sent, acceptedAt).toMillis(), Duration.between(acceptedAt, notifiedAt).toMillis(),
				Duration.between(acceptedAt, notifiedSeen).toMillis());
		assertThat(alert.get("reference").asString()).isEqualTo(acceptedReference);
		assertThat(alert.get("requestId").asString()).isEqualTo(acceptedId);
		assertThat(alert.toString()).doesNotContain(NAME, "Zebulon", "heroin daily", "555 0147", "2125550147");

		List<String> mails = RunningSuite.await("the page e-mail for " + acceptedReference, Duration.ofSeconds(30),
				() -> mailsContaining(acceptedReference));
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0)).doesNotContain(NAME, "Zebulon", "heroin", "555 0147", "2125550147");
	}

	@Test
	@Order(3)
	void staffPathsNeedTheRightRole() {
		assertThat(gateway.get("/api/alerts", null).status()).isEqualTo(401);
		assertThat(gateway.get("/api/alerts", "not-a-token").status()).isEqualTo(401);
		String editor = RunningSuite.token("editor-1", "EDITOR");
		SuiteClient.Reply forbidden = gateway.get("/api/alerts", editor);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		String expired = RunningSuite.stack()
			.tokens()
			.issue("nurse-1", List.of("ON_CALL"), Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
		assertThat(gateway.get("/api/alerts", expired).status()).isEqualTo(401);
	}

	@Test
	@Order(4)
	void invalidRequestsStoreAndPublishNothing() {
		java.util.Set<String> keysBefore = new java.util.HashSet<>();
		Topics.readAll(Topics.CONTACT_REQUESTS).forEach((r) -> keysBefore.add(r.key()));
		String marker = "Invalid-" + UUID.randomUUID();
		List<String> invalid = List.of(
				validRequest().replace("\"consent\": {\"contact\": true", "\"consent\": {\"contact\": false")
					.replace(NAME, marker),
				validRequest().replace("\"name\": \"" + NAME + "\"", "\"name\": {\"$ne\": null}"),
				validRequest().replace("\"forWhom\"", "\"unknownField\": \"" + marker + "\", \"forWhom\""),
				validRequest().replace("\"phone\": \"" + PHONE + "\"", "\"phone\": null").replace(NAME, marker));
		for (String json : invalid) {
			SuiteClient.Reply reply = gateway.postJson("/api/intake/contact-requests", json, null);
			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.body()).doesNotContain(marker, "Zebulon", "555 0147");
		}
		// A valid request sent after the invalid ones: the only new events on the topic
		// must then be the valid request's. Every stored request is published from its
		// outbox, so an invalid one that had been stored would show up here too.
		// It comes from another phone, so it is a new person and not a repeat of the
		// first
		// request, whose pages the restart test below counts.
		SuiteClient.Reply valid = gateway.postJson("/api/intake/contact-requests",
				validRequest().replace("\"phone\": \"" + PHONE + "\"", "\"phone\": \"" + OTHER_PHONE + "\""), null);
		assertThat(valid.status()).isEqualTo(202);
		String validId = valid.json().get("id").asString();
		List<ConsumerRecord<String, String>> records = RunningSuite.await("the event of the valid request",
				Duration.ofSeconds(30), () -> {
					List<ConsumerRecord<String, String>> all = Topics.readAll(Topics.CONTACT_REQUESTS);
					return all.stream().anyMatch((r) -> validId.equals(r.key())) ? all : null;
				});
		List<ConsumerRecord<String, String>> added = records.stream()
			.filter((r) -> !keysBefore.contains(r.key()))
			.toList();
		assertThat(added).extracting(ConsumerRecord::key).containsOnly(validId);
		assertThat(records).extracting(ConsumerRecord::value).noneMatch((v) -> v.contains(marker));
		assertThat(records).extracting(ConsumerRecord::value)
			.allSatisfy((v) -> assertThat(v).doesNotContain(NAME, "Zebulon", "heroin", "555 0147", "2125550147",
					"555 0148", "2125550148"));
	}

	@Test
	@Order(5)
	void storedRequestsAndAlertsSurviveARestartOfTheWholeStack() {
		RunningSuite.restart();
		String agent = RunningSuite.token("agent-1", "INTAKE_AGENT");
		SuiteClient.Reply request = gateway.get("/api/intake/contact-requests/" + acceptedId, agent);
		assertThat(request.status()).as(request.body()).isEqualTo(200);
		assertThat(request.json().get("reference").asString()).isEqualTo(acceptedReference);
		assertThat(request.body()).contains(NAME);

		String onCall = RunningSuite.token("nurse-system-test", "ON_CALL");
		SuiteClient.Reply alerts = gateway.get("/api/alerts?reference=" + acceptedReference, onCall);
		assertThat(alerts.status()).isEqualTo(200);
		assertThat(alerts.items()).hasSize(1);
		// The alert list, newest first, from the indexes the stand-in rebuilt at its
		// start.
		SuiteClient.Reply newestFirst = gateway.get("/api/alerts?limit=200", onCall);
		assertThat(newestFirst.status()).isEqualTo(200);
		List<java.time.Instant> created = newestFirst.items()
			.stream()
			.map((alert) -> java.time.Instant.parse(alert.get("createdAt").asString()))
			.toList();
		assertThat(created).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(newestFirst.items()).extracting((alert) -> alert.get("reference").asString())
			.contains(acceptedReference);
		// Nothing is paged twice after the restart.
		RunningSuite.sleep(Duration.ofSeconds(3));
		assertThat(mailsContaining(acceptedReference)).hasSize(1);
		assertThat(timelineEntries(alertById(alerts.items().get(0).get("id").asString(), onCall), "NOTIFIED"))
			.hasSize(1);
	}

	private static String validRequest() {
		return """
				{"name": "%s", "phone": "%s", "email": null,
				 "preferredContact": "PHONE", "bestTimeToContact": "evenings",
				 "forWhom": "LOVED_ONE", "substances": ["heroin"],
				 "message": "%s",
				 "centerId": null,
				 "consent": {"contact": true, "text": false, "voicemail": false}}
				""".formatted(NAME, PHONE, MESSAGE);
	}

	private JsonNode notifiedAlert(String reference, String token) {
		SuiteClient.Reply list = gateway.get("/api/alerts?reference=" + reference, token);
		if (list.status() != 200 || list.items().isEmpty()) {
			return null;
		}
		JsonNode alert = alertById(list.items().get(0).get("id").asString(), token);
		return timelineEntries(alert, "NOTIFIED").isEmpty() ? null : alert;
	}

	private JsonNode alertById(String id, String token) {
		SuiteClient.Reply reply = gateway.get("/api/alerts/" + id, token);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static List<JsonNode> timelineEntries(JsonNode alert, String type) {
		List<JsonNode> entries = new ArrayList<>();
		alert.get("timeline").forEach((entry) -> {
			if (type.equals(entry.get("type").asString())) {
				entries.add(entry);
			}
		});
		return entries;
	}

	private static List<String> mailsContaining(String text) {
		try (Stream<Path> files = Files.list(RunningSuite.config().mailDir())) {
			List<String> mails = new ArrayList<>();
			for (Path file : files.filter((f) -> f.toString().endsWith(".eml")).toList()) {
				String content = Files.readString(file, StandardCharsets.UTF_8);
				if (content.contains(text)) {
					mails.add(content);
				}
			}
			return mails.isEmpty() ? null : mails;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
