package org.treatmentnetwork.intake.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.treatmentnetwork.intake.support.EmbeddedMongo;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataEraserTest {

	private static final Instant NOW = Instant.parse("2026-11-24T22:00:00Z");

	private static final MongoClient client = MongoClients.create(EmbeddedMongo.uri("retention-test"));

	private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "retention-test");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PersonalDataEraser eraser = new PersonalDataEraser(this.mongo,
			new RetentionProperties(Duration.ofDays(90), Duration.ofHours(1)), Clock.fixed(NOW, ZoneOffset.UTC),
			this.meters);

	@AfterAll
	static void closeClient() {
		client.close();
	}

	@BeforeEach
	void empty() {
		StepVerifier.create(this.mongo.remove(new Query(), PersonalDataEraser.REQUESTS))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(this.mongo.remove(new Query(), PersonalDataEraser.IDEMPOTENCY_KEYS))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void erasesPersonalFieldsOfRequestsFinishedLongerAgoThanTheRetentionAndKeepsTheRest() {
		insert("old", NOW.minus(Duration.ofDays(91)));
		insert("recent", NOW.minus(Duration.ofDays(10)));
		insert("open", null);
		this.mongo
			.insert(new Document("_id", "k1").append("expiresAt", Date.from(NOW.minusSeconds(1))),
					PersonalDataEraser.IDEMPOTENCY_KEYS)
			.block(Duration.ofSeconds(5));
		this.mongo
			.insert(new Document("_id", "k2").append("expiresAt", Date.from(NOW.plusSeconds(60))),
					PersonalDataEraser.IDEMPOTENCY_KEYS)
			.block(Duration.ofSeconds(5));

		StepVerifier.create(this.eraser.eraseDue()).expectNext(1L).verifyComplete();

		Document old = find("old");
		assertThat(old.keySet()).doesNotContain("name", "phone", "email", "message", "substances", "bestTimeToContact",
				"phoneHash", "emailHash");
		assertThat(old.getDate("personalDataErasedAt")).isEqualTo(Date.from(NOW));
		assertThat(old.getString("status")).isEqualTo("CLOSED");
		assertThat(old.getList("history", Document.class)).hasSize(4)
			.allSatisfy((entry) -> assertThat(entry).doesNotContainKey("note"))
			.extracting((entry) -> entry.getString("type"))
			.containsExactly("RECEIVED", "RELEASED", "NOTE", "STATUS_CHANGED");
		assertThat(old.toJson()).doesNotContain("gcm1:");
		assertThat(find("recent").getString("name")).isEqualTo("gcm1:k:secret");
		assertThat(find("open").getString("name")).isEqualTo("gcm1:k:secret");
		assertThat(this.meters.counter("intake.retention.erased").count()).isEqualTo(1.0);
		assertThat(this.mongo.count(new Query(), PersonalDataEraser.IDEMPOTENCY_KEYS).block(Duration.ofSeconds(5)))
			.isEqualTo(1L);

		StepVerifier.create(this.eraser.eraseDue()).expectNext(0L).verifyComplete();
	}

	private void insert(String id, Instant closedAt) {
		Document request = new Document("_id", id).append("status", (closedAt != null) ? "CLOSED" : "RECEIVED")
			.append("closedAt", (closedAt != null) ? Date.from(closedAt) : null);
		for (String field : List.of("name", "phone", "email", "message", "substances", "bestTimeToContact")) {
			request.append(field, "gcm1:k:secret");
		}
		request.append("phoneHash", "abc").append("emailHash", "def");
		request.append("history", List.of(new Document("type", "RECEIVED"),
				new Document("type", "RELEASED").append("by", "supervisor-1").append("note", "gcm1:k:why"),
				new Document("type", "NOTE").append("by", "agent-1").append("note", "gcm1:k:note"),
				new Document("type", "STATUS_CHANGED").append("status", "CLOSED").append("note", "gcm1:k:reason")));
		this.mongo.insert(request, PersonalDataEraser.REQUESTS).block(Duration.ofSeconds(5));
	}

	private Document find(String id) {
		return this.mongo.findById(id, Document.class, PersonalDataEraser.REQUESTS).block(Duration.ofSeconds(5));
	}

}
