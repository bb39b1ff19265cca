package org.treatmentnetwork.intake.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.treatmentnetwork.intake.support.LegacyFormats;
import org.treatmentnetwork.intake.support.RunningIntake;
import org.treatmentnetwork.intake.support.TestEncryption;
import org.treatmentnetwork.servicedefaults.tokens.TestStaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Requests stored under earlier keys and formats, through the whole service on one
 * database: a look-up key rotation keeps duplicates and idempotent repeats matching, and
 * values and hashes stored before ciphertexts bound their field and hashes named their
 * key still read and match.
 */
class KeyRotationTests {

	private static final String PATH = "/api/intake/contact-requests";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String KEYS = "--intake.encryption.keys=" + TestEncryption.CURRENT_KEY;

	private static final String KEY_ID = "--intake.encryption.current-key-id=test-2026";

	@Test
	void aRequestStoredBeforeALookupKeyRotationIsFoundAsDuplicateAfterIt() {
		String database = "rotation-" + UUID.randomUUID();
		String firstBody = body("Sam", "+1 202 555 0141", "first call");
		String firstId;
		try (RunningIntake before = RunningIntake.start(database, KEYS, KEY_ID,
				"--intake.encryption.lookup-keys=" + TestEncryption.OLD_LOOKUP_KEY,
				"--intake.encryption.current-lookup-key-id=test-lookup-old")) {
			firstId = submit(before.client(), firstBody, "repeat-me").get("id").asString();
			assertThat(stored(before, firstId).getString("phoneHash")).startsWith("hmac1:test-lookup-old:");
		}

		try (RunningIntake after = RunningIntake.start(database, KEYS, KEY_ID,
				"--intake.encryption.lookup-keys=" + TestEncryption.OLD_LOOKUP_KEY + "," + TestEncryption.LOOKUP_KEY,
				"--intake.encryption.current-lookup-key-id=test-lookup-2026")) {
			String secondId = submit(after.client(), body("Sam", "202-555-0141", "second call"), null).get("id")
				.asString();
			JsonNode repeat = submit(after.client(), firstBody, "repeat-me");

			Document second = stored(after, secondId);
			assertThat(second.getString("phoneHash")).startsWith("hmac1:test-lookup-2026:");
			assertThat(second.getString("duplicateOf")).isEqualTo(firstId);
			assertThat(repeat.get("id").asString()).as("an idempotent repeat across the rotation").isEqualTo(firstId);
		}
	}

	@Test
	void valuesAndHashesStoredInTheFormatsBeforeVersioningStillReadAndMatch() {
		String database = "legacy-" + UUID.randomUUID();
		try (RunningIntake intake = RunningIntake.start(database, KEYS, KEY_ID,
				"--intake.encryption.lookup-keys=" + TestEncryption.OLD_LOOKUP_KEY + "," + TestEncryption.LOOKUP_KEY,
				"--intake.encryption.current-lookup-key-id=test-lookup-2026",
				"--intake.encryption.legacy-lookup-key-id=test-lookup-old")) {
			String legacyId = submit(intake.client(), body("Placeholder", "+1 202 555 0199", "placeholder"), null)
				.get("id")
				.asString();
			Instant noteAt = Instant.parse("2026-01-05T10:00:00.123Z");
			// Rewritten as the service stored it before: gcm1 with the record id alone,
			// and
			// hashes without a key id.
			intake.mongo()
				.updateFirst(new Query(where("_id").is(legacyId)), new Update()
					.set("name", LegacyFormats.encrypt("Robin Legacy", legacyId, TestEncryption.CURRENT_KEY))
					.set("phone", LegacyFormats.encrypt("+12025550142", legacyId, TestEncryption.CURRENT_KEY))
					.set("message", LegacyFormats.encrypt("stored long ago", legacyId, TestEncryption.CURRENT_KEY))
					.set("substances", LegacyFormats.encrypt("[\"alcohol\"]", legacyId, TestEncryption.CURRENT_KEY))
					.set("bestTimeToContact", null)
					.set("phoneHash", LegacyFormats.hash(TestEncryption.OLD_LOOKUP_KEY, "phone", "+12025550142"))
					.push("history",
							new Document("type", "NOTE").append("at", Date.from(noteAt))
								.append("by", "agent-1")
								.append("note",
										LegacyFormats.encrypt("left a voicemail", legacyId,
												TestEncryption.CURRENT_KEY))),
						"contact_requests")
				.block(Duration.ofSeconds(5));

			JsonNode read = intake.client()
				.get()
				.uri(PATH + "/" + legacyId)
				.header(HttpHeaders.AUTHORIZATION,
						"Bearer " + TestStaffTokens.shared().token("agent-1", "INTAKE_AGENT"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			String duplicateId = submit(intake.client(), body("Robin", "+1 202 555 0142", "calling again"), null)
				.get("id")
				.asString();

			assertThat(read.get("name").asString()).isEqualTo("Robin Legacy");
			assertThat(read.get("phone").asString()).isEqualTo("+12025550142");
			assertThat(read.get("message").asString()).isEqualTo("stored long ago");
			assertThat(read.get("substances").get(0).asString()).isEqualTo("alcohol");
			assertThat(read.get("history").get(1).get("note").asString()).isEqualTo("left a voicemail");
			assertThat(stored(intake, duplicateId).getString("duplicateOf")).isEqualTo(legacyId);
			assertThat(stored(intake, duplicateId).getString("name")).startsWith("gcm2:test-2026:");
		}
	}

	private static JsonNode submit(WebTestClient client, String body, String idempotencyKey) {
		WebTestClient.RequestBodySpec request = client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
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

	private static Document stored(RunningIntake intake, String id) {
		return intake.mongo().findById(id, Document.class, "contact_requests").block(Duration.ofSeconds(5));
	}

	private static String body(String name, String phone, String message) {
		return """
				{"name":"%s","phone":"%s","email":null,"preferredContact":"PHONE",
				 "bestTimeToContact":"evenings","forWhom":"SELF","substances":["heroin"],
				 "message":"%s","centerId":null,
				 "consent":{"contact":true,"text":false,"voicemail":false}}
				""".formatted(name, phone, message);
	}

}
