package org.treatmentnetwork.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging by text and by phone call, as the nurse on call lives it, through the gateway
 * and the text and voice provider simulator that speaks Twilio's REST API and signs its
 * webhooks as Twilio does: a CRISIS request is texted to the people on call and its reply
 * {@code ACK <code>} acknowledges it; a text that cannot be delivered falls over to a
 * call at once, and pressing 1 acknowledges; an unanswered call escalates; a webhook that
 * is not signed by the provider is refused and changes nothing. The demo network pages
 * CRISIS alerts by e-mail and text at once and by call after 2 minutes; its staff's
 * numbers are {@code +1202555010x}.
 */
@ExtendWith(RunningSuite.class)
class TextAndVoicePagingSystemIT {

	private static final String NAME = "Tess Textpaging";

	private static final Pattern ACK_CODE = Pattern.compile("ACK (\\d{4})");

	/** The demo rotation of the network team, and its supervisor. */
	private static final List<String> NETWORK_STAFF = List.of("avery-example", "jordan-example", "riley-example",
			"morgan-example");

	private final SuiteClient gateway = RunningSuite.gateway();

	private final SmsSimulatorClient phones = new SmsSimulatorClient(RunningSuite.config().smsSimulatorUrl());

	private final String onCall = RunningSuite.token("nurse-text-it", "ON_CALL");

	private String requesterPhone;

	@AfterEach
	void phonesBehaveNormallyAgain() {
		this.phones.reset();
	}

	@Test
	void aCrisisRequestIsTextedAndAReplyOfOneAcknowledgesIt() {
		// The Ridge center's team: its people have no other alert open, so "1" is enough.
		JsonNode request = submitCrisis("demo-center-ridge");
		String reference = request.get("reference").asString();
		JsonNode alert = awaitAlert(reference, (candidate) -> entries(candidate, "NOTIFIED", "SMS").size() >= 2);
		String nurse = entries(alert, "NOTIFIED", "SMS").stream()
			.map((entry) -> entry.get("recipient").asString())
			.filter((staffId) -> !staffId.equals("quinn-example"))
			.findFirst()
			.orElseThrow();
		String phone = phoneOf(nurse);

		SmsSimulatorClient.Message page = textTo(phone, reference);
		assertThat(page.body()).contains("[CRISIS]", "demo-center-ridge", "Reply 1 to acknowledge")
			.doesNotContain(NAME, "overdose", "heroin",
					this.requesterPhone.substring(this.requesterPhone.length() - 4));
		assertThat(ACK_CODE.matcher(page.body()).find()).as(page.body()).isTrue();
		// The provider's receipt is on the timeline.
		awaitAlert(reference, (candidate) -> !entries(candidate, "DELIVERED", "SMS").isEmpty());

		SmsSimulatorClient.Reply reply = this.phones.reply(phone, "1");

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.replies()).singleElement().asString().startsWith("Acknowledged " + reference);
		JsonNode acknowledged = alert(alert.get("id").asString());
		assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo(nurse);
		assertThat(entries(acknowledged, "ACKNOWLEDGED", "SMS")).hasSize(1);
		// Anything else gets the help text.
		assertThat(this.phones.reply(phone, "what?").replies()).singleElement().asString().contains("Reply 1 or ACK");
	}

	@Test
	void withoutAReplyTheCallComesTwoMinutesLaterAndItsKeyOneAcknowledges() {
		// The Harbor center's team: text and e-mail at once, the call after 2 minutes.
		JsonNode request = submitCrisis("demo-center-harbor");
		String reference = request.get("reference").asString();
		JsonNode alert = awaitAlert(reference, (candidate) -> !entries(candidate, "NOTIFIED", "SMS").isEmpty());
		String nurse = entries(alert, "NOTIFIED", "SMS").get(0).get("recipient").asString();
		String phone = phoneOf(nurse);
		textTo(phone, reference);
		assertThat(callTo(phone, reference, Duration.ofSeconds(5))).as("no call before the sequence says").isNull();

		SmsSimulatorClient.Call call = RunningSuite.await("the call to " + nurse, Duration.ofMinutes(3),
				() -> callTo(phone, reference, Duration.ZERO));
		SmsSimulatorClient.Press press = this.phones.press(call.sid(), "1");

		assertThat(press.answer()).contains("Acknowledged " + reference);
		JsonNode acknowledged = alert(alert.get("id").asString());
		assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(entries(acknowledged, "NOTIFIED", "VOICE")).isNotEmpty();
		assertThat(entries(acknowledged, "ACKNOWLEDGED", "VOICE")).hasSize(1);
	}

	@Test
	void aTextThatCannotBeDeliveredFallsOverToACallAndPressingOneAcknowledges() {
		// Every rotation member's texts fail; the supervisor's arrive.
		for (String staffId : NETWORK_STAFF.subList(0, 3)) {
			this.phones.behave(phoneOf(staffId), "fail", "answer");
		}
		JsonNode request = submitCrisis();
		String reference = request.get("reference").asString();
		JsonNode alert = awaitAlert(reference, (candidate) -> entries(candidate, "DELIVERY_FAILED", "SMS").stream()
			.anyMatch((entry) -> entry.get("detail").asString().contains("Text not delivered")));
		String nurse = entries(alert, "DELIVERY_FAILED", "SMS").stream()
			.filter((entry) -> entry.get("detail").asString().contains("Text not delivered"))
			.findFirst()
			.orElseThrow()
			.get("recipient")
			.asString();
		String phone = phoneOf(nurse);

		// At once, not after the sequence's 2 minutes.
		SmsSimulatorClient.Call call = RunningSuite.await("the call to " + nurse, Duration.ofSeconds(30),
				() -> callTo(phone, reference, Duration.ZERO));
		assertThat(call.spoken()).contains("crisis contact request", "Press 1 to acknowledge").doesNotContain(NAME);

		SmsSimulatorClient.Press press = this.phones.press(call.sid(), "1");

		assertThat(press.statusCode()).isEqualTo(200);
		assertThat(press.answer()).contains("Acknowledged " + reference);
		JsonNode acknowledged = alert(alert.get("id").asString());
		assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo(nurse);
		assertThat(entries(acknowledged, "ACKNOWLEDGED", "VOICE")).hasSize(1);
	}

	@Test
	void anUnansweredCallEscalatesAtOnce() {
		for (String staffId : NETWORK_STAFF) {
			this.phones.behave(phoneOf(staffId), "fail", "no-answer");
		}
		JsonNode request = submitCrisis();
		String reference = request.get("reference").asString();

		JsonNode alert = awaitAlert(reference,
				(candidate) -> !entries(candidate, "NO_ANSWER", "VOICE").isEmpty()
						&& entries(candidate, "ESCALATED", null).stream()
							.anyMatch((entry) -> entry.get("detail").asString().contains("Nobody paged answered")));

		assertThat(alert.get("state").asString()).isEqualTo("TRIGGERED");
		assertThat(entries(alert, "NO_ANSWER", "VOICE").get(0).get("detail").asString())
			.isEqualTo("Call not answered (no-answer)");
		// The escalation pages again (e-mail still works), well before the step's delay.
		awaitAlert(reference, (candidate) -> entries(candidate, "NOTIFIED", "EMAIL").size() > 2);
	}

	@Test
	void aWebhookThatTheProviderDidNotSignIsRefusedAndChangesNothing() throws Exception {
		JsonNode request = submitCrisis();
		String reference = request.get("reference").asString();
		JsonNode alert = awaitAlert(reference, (candidate) -> !entries(candidate, "NOTIFIED", "SMS").isEmpty());
		String nurse = entries(alert, "NOTIFIED", "SMS").get(0).get("recipient").asString();
		String form = "MessageSid=SM" + "0".repeat(32) + "&From=" + phoneOf(nurse).replace("+", "%2B")
				+ "&To=%2B12025550100&Body=1&NumMedia=0";

		HttpResponse<String> unsigned = postForm("/api/paging/twilio/inbound-message", form, Map.of());
		HttpResponse<String> forged = postForm("/api/paging/twilio/inbound-message", form,
				Map.of("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl"));

		for (HttpResponse<String> refused : List.of(unsigned, forged)) {
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(refused.body()).doesNotContain(phoneOf(nurse));
		}
		assertThat(alert(alert.get("id").asString()).get("state").asString()).isEqualTo("TRIGGERED");
	}

	private SmsSimulatorClient.Message textTo(String phone, String reference) {
		return RunningSuite.await("the text page of " + reference, Duration.ofSeconds(30),
				() -> this.phones.messagesTo(phone)
					.stream()
					.filter((message) -> message.body().contains(reference))
					.findFirst()
					.orElse(null));
	}

	/**
	 * The call about this reference to this phone waiting for a key, after waiting
	 * {@code wait}; {@code null} if there is none.
	 */
	private SmsSimulatorClient.Call callTo(String phone, String reference, Duration wait) {
		RunningSuite.sleep(wait);
		return this.phones.callsTo(phone)
			.stream()
			.filter((candidate) -> candidate.waitingForKey() && candidate.spoken() != null
					&& candidate.spoken().contains(spelled(reference)))
			.findFirst()
			.orElse(null);
	}

	private JsonNode submitCrisis() {
		return submitCrisis(null);
	}

	private JsonNode submitCrisis(String centerId) {
		String phone = "+1 720 555 " + ThreadLocalRandom.current().nextInt(1000, 9999);
		this.requesterPhone = phone;
		String json = """
				{"name": "%s", "phone": "%s", "email": null,
				 "preferredContact": "PHONE", "bestTimeToContact": "now",
				 "forWhom": "LOVED_ONE", "substances": ["heroin"],
				 "message": "My friend took too much, I think it is an overdose", "centerId": %s,
				 "consent": {"contact": true, "text": false, "voicemail": false}}
				""".formatted(NAME, phone, (centerId != null) ? "\"" + centerId + "\"" : "null");
		SuiteClient.Reply accepted = this.gateway.postJson("/api/intake/contact-requests", json, null);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		assertThat(accepted.json().get("urgency").asString()).isEqualTo("CRISIS");
		return accepted.json();
	}

	private HttpResponse<String> postForm(String path, String form, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSuite.config().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		headers.forEach(request::header);
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private JsonNode awaitAlert(String reference, Predicate<JsonNode> until) {
		return RunningSuite.await("the alert of " + reference, Duration.ofSeconds(60), () -> {
			SuiteClient.Reply list = this.gateway.get("/api/alerts?reference=" + reference, this.onCall);
			if (list.status() != 200 || list.items().isEmpty()) {
				return null;
			}
			JsonNode alert = alert(list.items().get(0).get("id").asString());
			return until.test(alert) ? alert : null;
		});
	}

	private JsonNode alert(String id) {
		SuiteClient.Reply reply = this.gateway.get("/api/alerts/" + id, this.onCall);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	/**
	 * The timeline entries of a type, and of a channel unless {@code null}.
	 */
	private static List<JsonNode> entries(JsonNode alert, String type, String channel) {
		List<JsonNode> found = new ArrayList<>();
		alert.get("timeline").forEach((entry) -> {
			JsonNode entryChannel = entry.get("channel");
			if (type.equals(entry.get("type").asString()) && (channel == null
					|| (entryChannel != null && !entryChannel.isNull() && channel.equals(entryChannel.asString())))) {
				found.add(entry);
			}
		});
		return found;
	}

	/** The demo staff's numbers: {@code +1202555010x}, in the order of the seed. */
	private static String phoneOf(String staffId) {
		int index = List
			.of("avery-example", "jordan-example", "riley-example", "morgan-example", "casey-example", "drew-example",
					"skyler-example", "taylor-example", "quinn-example")
			.indexOf(staffId);
		assertThat(index).as("a demo staff member: " + staffId).isNotNegative();
		return "+1202555010" + (index + 1);
	}

	/** How a call reads a reference: one character at a time. */
	private static String spelled(String reference) {
		return String.join(", ", reference.replace("-", "").split(""));
	}

}
