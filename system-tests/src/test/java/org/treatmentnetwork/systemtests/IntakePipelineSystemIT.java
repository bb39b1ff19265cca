package org.treatmentnetwork.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake pipeline through the gateway: idempotent submissions, the honeypot,
 * duplicate linking, the call center's queue order, claims and status moves, who may add
 * notes, and the events each step publishes. Every test uses phone numbers of its own, so
 * it depends on no other test's data. Requests are logged with an agent's token (as phone
 * calls) where the website is not the point, so that the gateway's public rate limit is
 * left to the tests that need it.
 */
@ExtendWith(RunningSuite.class)
class IntakePipelineSystemIT {

	private static final String REQUESTS = "/api/intake/contact-requests";

	private static final String NAME = "Quilla Pipelinetest";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger PHONES = new AtomicInteger(1000 + ThreadLocalRandom.current().nextInt(8000));

	private final SuiteClient gateway = RunningSuite.gateway();

	private final String agent = RunningSuite.token("agent-pipeline-1", "INTAKE_AGENT");

	@Test
	void sameIdempotencyKeyAndBodyGivesTheSameRequestAndAnotherBodyIsAConflict() {
		String key = UUID.randomUUID().toString();
		String body = body(uniquePhone(), "please call me tomorrow morning");

		SuiteClient.Reply first = this.gateway.post(REQUESTS, body, this.agent, Map.of("Idempotency-Key", key));
		SuiteClient.Reply again = this.gateway.post(REQUESTS, body, this.agent, Map.of("Idempotency-Key", key));
		SuiteClient.Reply other = this.gateway.post(REQUESTS, body(uniquePhone(), "Xanthe planted words"), this.agent,
				Map.of("Idempotency-Key", key));

		assertThat(first.status()).as(first.body()).isEqualTo(202);
		assertThat(again.status()).as(again.body()).isEqualTo(202);
		JsonNode firstJson = JSON.readTree(first.body());
		JsonNode againJson = JSON.readTree(again.body());
		assertThat(againJson.get("id").asString()).isEqualTo(firstJson.get("id").asString());
		assertThat(againJson.get("reference").asString()).isEqualTo(firstJson.get("reference").asString());
		assertThat(other.status()).as(other.body()).isEqualTo(409);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(other.body()).doesNotContain(NAME, "Xanthe", "planted");
		String id = firstJson.get("id").asString();
		List<ConsumerRecord<String, String>> events = RunningSuite.await("the event of " + id, Duration.ofSeconds(30),
				() -> {
					List<ConsumerRecord<String, String>> found = Topics.eventsOf(id);
					return found.isEmpty() ? null : found;
				});
		assertThat(events).as("one request, one event").hasSize(1);
	}

	@Test
	void filledHoneypotLooksAcceptedButNothingIsStoredOrPublished() {
		String json = body(uniquePhone(), "buy cheap followers").replace("\"centerId\": null",
				"\"centerId\": null, \"website\": \"http://spam.example\"");
		SuiteClient.Reply caught = this.gateway.postJson(REQUESTS, json, null);
		assertThat(caught.status()).as(caught.body()).isEqualTo(202);
		String fakeId = caught.json().get("id").asString();
		assertThat(caught.json().get("reference").asString()).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
		assertThat(caught.json().get("status").asString()).isEqualTo("RECEIVED");

		assertThat(this.gateway.get(REQUESTS + "/" + fakeId, this.agent).status()).isEqualTo(404);
		// A real request afterwards: once its event is on the topic, the relay has run,
		// and the honeypot's id must not be there.
		String realId = submit(body(uniquePhone(), "please call"));
		RunningSuite.await("the event of " + realId, Duration.ofSeconds(30),
				() -> Topics.eventsOf(realId).isEmpty() ? null : true);
		assertThat(Topics.eventsOf(fakeId)).isEmpty();
	}

	@Test
	void samePersonIsLinkedToTheEarlierRequestAndTheEventSaysSo() {
		String phone = uniquePhone();
		String first = submit(body(phone, "first call"));
		String second = submit(body(phone.replace("+1 ", "(").replaceFirst(" ", ") "), "calling again"));

		SuiteClient.Reply details = this.gateway.get(REQUESTS + "/" + second, this.agent);
		assertThat(details.status()).as(details.body()).isEqualTo(200);
		assertThat(details.json().get("duplicateOf").asString()).isEqualTo(first);
		JsonNode event = RunningSuite.await("the event of " + second, Duration.ofSeconds(30), () -> {
			List<ConsumerRecord<String, String>> found = Topics.eventsOf(second);
			return found.isEmpty() ? null : JSON.readTree(found.get(0).value());
		});
		assertThat(event.get("duplicateOf").asString()).isEqualTo(first);
	}

	@Test
	void agentsClaimAndMoveRequestsOnlyAsTheContractAllows() {
		String other = RunningSuite.token("agent-pipeline-2", "INTAKE_AGENT");
		String supervisor = RunningSuite.token("supervisor-pipeline", "SUPERVISOR");
		String id = submit(body(uniquePhone(), "I am dope sick and need help"));

		SuiteClient.Reply claimed = this.gateway.post(REQUESTS + "/" + id + "/claim", null, this.agent, Map.of());
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
		assertThat(JSON.readTree(claimed.body()).get("claimedBy").asString()).isEqualTo("agent-pipeline-1");
		SuiteClient.Reply taken = this.gateway.post(REQUESTS + "/" + id + "/claim", null, other, Map.of());
		assertThat(taken.status()).as(taken.body()).isEqualTo(409);
		assertThat(taken.contentType()).startsWith("application/problem+json");
		assertThat(this.gateway.post(REQUESTS + "/" + id + "/claim", null, supervisor, Map.of()).status())
			.isEqualTo(403);

		// a claim goes back to the queue by its holder or a supervisor, never by another
		// agent
		assertThat(this.gateway.post(REQUESTS + "/" + id + "/release", null, other, Map.of()).status()).isEqualTo(409);
		SuiteClient.Reply released = this.gateway.post(REQUESTS + "/" + id + "/release",
				"{\"note\": \"end of my shift\"}", this.agent, Map.of());
		assertThat(released.status()).as(released.body()).isEqualTo(200);
		assertThat(JSON.readTree(released.body()).get("claimedBy").isNull()).isTrue();
		assertThat(this.gateway.post(REQUESTS + "/" + id + "/claim", null, other, Map.of()).status()).isEqualTo(200);
		assertThat(this.gateway.post(REQUESTS + "/" + id + "/release", null, supervisor, Map.of()).status())
			.isEqualTo(200);
		assertThat(this.gateway.post(REQUESTS + "/" + id + "/claim", null, this.agent, Map.of()).status())
			.isEqualTo(200);

		assertThat(status(id, "ADMITTED", null).status()).isEqualTo(409);
		SuiteClient.Reply attempted = status(id, "CONTACT_ATTEMPTED", "no answer, left a voicemail");
		assertThat(attempted.status()).as(attempted.body()).isEqualTo(200);
		assertThat(JSON.readTree(attempted.body()).get("status").asString()).isEqualTo("CONTACT_ATTEMPTED");
		SuiteClient.Reply noReason = status(id, "CLOSED", null);
		assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
		assertThat(this.gateway
			.post(REQUESTS + "/" + id + "/notes", "{\"text\": \"sister answers after 6 pm\"}", this.agent, Map.of())
			.status()).isEqualTo(200);
		assertThat(status(id, "CONTACTED", null).status()).isEqualTo(200);

		SuiteClient.Reply details = this.gateway.get(REQUESTS + "/" + id, supervisor);
		assertThat(details.status()).isEqualTo(200);
		List<String> history = new ArrayList<>();
		details.json().get("history").forEach((entry) -> history.add(entry.get("type").asString()));
		assertThat(history).containsExactly("RECEIVED", "CLAIMED", "RELEASED", "CLAIMED", "RELEASED", "CLAIMED",
				"STATUS_CHANGED", "NOTE", "STATUS_CHANGED");

		List<ConsumerRecord<String, String>> events = RunningSuite.await("three events of " + id,
				Duration.ofSeconds(30), () -> {
					List<ConsumerRecord<String, String>> found = Topics.eventsOf(id);
					return (found.size() >= 3) ? found : null;
				});
		assertThat(events).extracting((r) -> JSON.readTree(r.value()).get("status").asString())
			.containsExactly("RECEIVED", "CONTACT_ATTEMPTED", "CONTACTED");
		assertThat(events).extracting((r) -> JSON.readTree(r.value()).get("type").asString())
			.containsExactly("ContactRequestReceived", "ContactRequestStatusChanged", "ContactRequestStatusChanged");
		assertThat(events).allSatisfy((r) -> assertThat(r.value()).doesNotContain(NAME, "voicemail", "sister"));
	}

	@Test
	void notesComeFromTheAgentHoldingTheRequestOrASupervisorAndNotOnceItIsFinal() {
		String other = RunningSuite.token("agent-pipeline-3", "INTAKE_AGENT");
		String supervisor = RunningSuite.token("supervisor-pipeline", "SUPERVISOR");
		String id = submit(body(uniquePhone(), "please call after work"));

		SuiteClient.Reply unclaimed = note(id, "Yarrow called from work", this.agent);
		assertThat(unclaimed.status()).as(unclaimed.body()).isEqualTo(409);
		assertThat(unclaimed.contentType()).startsWith("application/problem+json");
		assertThat(unclaimed.body()).contains("claim it first").doesNotContain("Yarrow");
		assertThat(note(id, "caller prefers Spanish", supervisor).status()).isEqualTo(200);

		assertThat(this.gateway.post(REQUESTS + "/" + id + "/claim", null, this.agent, Map.of()).status())
			.isEqualTo(200);
		SuiteClient.Reply notHolder = note(id, "Yarrow's brother called", other);
		assertThat(notHolder.status()).as(notHolder.body()).isEqualTo(409);
		assertThat(notHolder.contentType()).startsWith("application/problem+json");
		assertThat(notHolder.body()).contains("supervisor").doesNotContain("Yarrow", NAME);
		assertThat(note(id, "x", RunningSuite.token("nurse-pipeline", "ON_CALL")).status()).isEqualTo(403);
		assertThat(note(id, "call back after 6 pm", this.agent).status()).isEqualTo(200);
		assertThat(note(id, "checked by the shift lead", supervisor).status()).isEqualTo(200);

		assertThat(status(id, "CLOSED", "reached a center directly").status()).isEqualTo(200);
		for (String staff : new String[] { this.agent, supervisor }) {
			SuiteClient.Reply closed = note(id, "Yarrow again", staff);
			assertThat(closed.status()).as(closed.body()).isEqualTo(409);
			assertThat(closed.contentType()).startsWith("application/problem+json");
		}

		SuiteClient.Reply details = this.gateway.get(REQUESTS + "/" + id, supervisor);
		assertThat(details.status()).isEqualTo(200);
		List<String> notes = new ArrayList<>();
		details.json().get("history").forEach((entry) -> {
			if ("NOTE".equals(entry.get("type").asString())) {
				notes.add(entry.get("by").asString() + ": " + entry.get("note").asString());
			}
		});
		assertThat(notes).containsExactly("supervisor-pipeline: caller prefers Spanish",
				"agent-pipeline-1: call back after 6 pm", "supervisor-pipeline: checked by the shift lead");
	}

	@Test
	void queueShowsTheMostUrgentFirstThenTheOldest() {
		String routine = submit(body(uniquePhone(), "any weekday works"));
		String crisis = submit(body(uniquePhone(), "my son overdosed and is not breathing"));
		String high = submit(body(uniquePhone(), "withdrawal started this morning"));
		String laterRoutine = submit(body(uniquePhone(), "evenings are best"));

		SuiteClient.Reply queue = this.gateway.get("/api/intake/queue", this.agent);
		assertThat(queue.status()).as(queue.body()).isEqualTo(200);
		List<String> mine = new ArrayList<>();
		for (JsonNode item : queue.items()) {
			String id = item.get("id").asString();
			if (List.of(routine, crisis, high, laterRoutine).contains(id)) {
				mine.add(id);
				assertThat(item.has("waitingSeconds")).isTrue();
				assertThat(item.has("firstContactDueAt")).isTrue();
				assertThat(item.has("name")).isFalse();
			}
		}
		assertThat(mine).containsExactly(crisis, high, routine, laterRoutine);
		assertThat(queue.body()).doesNotContain(NAME, "overdosed");
	}

	private String submit(String json) {
		SuiteClient.Reply reply = this.gateway.postJson(REQUESTS, json, this.agent);
		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		return reply.json().get("id").asString();
	}

	private SuiteClient.Reply note(String id, String text, String token) {
		return this.gateway.post(REQUESTS + "/" + id + "/notes", "{\"text\": \"" + text + "\"}", token, Map.of());
	}

	private SuiteClient.Reply status(String id, String status, String note) {
		String json = (note != null) ? "{\"status\": \"" + status + "\", \"note\": \"" + note + "\"}"
				: "{\"status\": \"" + status + "\"}";
		return this.gateway.post(REQUESTS + "/" + id + "/status", json, this.agent, Map.of());
	}

	private static String uniquePhone() {
		return "+1 303 555 " + PHONES.incrementAndGet();
	}

	private static String body(String phone, String message) {
		return """
				{"name": "%s", "phone": "%s", "email": null,
				 "preferredContact": "PHONE", "bestTimeToContact": "afternoons",
				 "forWhom": "SELF", "substances": ["fentanyl"],
				 "message": "%s",
				 "centerId": null,
				 "consent": {"contact": true, "text": false, "voicemail": true}}
				""".formatted(NAME, phone, message);
	}

}
