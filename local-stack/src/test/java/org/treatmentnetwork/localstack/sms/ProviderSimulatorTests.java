package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatmentnetwork.localstack.sms.FakeWebhooks.Answer;
import org.treatmentnetwork.localstack.sms.FakeWebhooks.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProviderSimulatorTests {

	private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	private static final String TOKEN = "5f1c0e9d2b7a4c3e8f6a1b2c3d4e5f60";

	private static final String SENDER = "+12025550100";

	private static final String NURSE = "+12025550123";

	private static final String INBOUND = "/api/paging/twilio/inbound-message";

	@TempDir
	Path data;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private FakeWebhooks webhooks;

	private ProviderSimulator simulator;

	@BeforeEach
	void start() throws IOException {
		this.webhooks = new FakeWebhooks();
		this.simulator = ProviderSimulator.start(settings(Duration.ofSeconds(10)));
	}

	@AfterEach
	void stop() {
		this.simulator.close();
		this.webhooks.close();
	}

	private SimulatorSettings settings(Duration keyWait) {
		return new SimulatorSettings("127.0.0.1", 0, this.data, ACCOUNT, TOKEN, SENDER,
				URI.create(this.webhooks.url(INBOUND)), Duration.ofMillis(20), Duration.ofMillis(50), keyWait,
				Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	@Test
	void aMessageIsAcceptedAndItsStatusesAreCalledBackSigned() {
		String callback = this.webhooks.url("/api/paging/twilio/message-status?delivery=d-1");
		Reply reply = twilio("Messages.json", Map.of("To", NURSE, "From", SENDER, "Body",
				"New contact request K7MQ-4XPA: http://localhost:8080/a/x", "StatusCallback", callback));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.contentType()).startsWith("application/json");
		Map<String, Object> message = reply.object();
		String sid = (String) message.get("sid");
		assertThat(sid).matches("SM[0-9a-f]{32}");
		assertThat(message).containsEntry("account_sid", ACCOUNT)
			.containsEntry("to", NURSE)
			.containsEntry("from", SENDER)
			.containsEntry("body", "New contact request K7MQ-4XPA: http://localhost:8080/a/x")
			.containsEntry("status", "queued")
			.containsEntry("direction", "outbound-api")
			.containsEntry("error_code", null)
			.containsEntry("error_message", null)
			.containsEntry("uri", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid + ".json");
		assertThat((String) message.get("date_created"))
			.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} .* \\+0000");

		List<Received> callbacks = this.webhooks.await("/api/paging/twilio/message-status", 2);
		assertThat(callbacks).extracting((request) -> request.params().get("MessageStatus"))
			.containsExactly("sent", "delivered");
		assertThat(callbacks).allSatisfy((request) -> {
			assertSigned(request, callback);
			assertThat(request.params()).contains(entry("MessageSid", sid), entry("AccountSid", ACCOUNT),
					entry("From", SENDER), entry("To", NURSE));
		});

		Map<String, Object> stored = awaitMessage(NURSE, sid, (m) -> ((List<?>) m.get("webhooks")).size() == 2);
		assertThat(stored).containsEntry("direction", "outbound").containsEntry("status", "delivered");
		assertThat(statuses(stored)).containsExactly("queued", "sent", "delivered");
		assertThat(hookCodes(stored)).containsExactly(200L, 200L);
		assertThat(this.data.resolve("messages").resolve(sid + ".json")).exists();
		assertThat(get("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid + ".json", true).object())
			.containsEntry("status", "delivered");
	}

	@Test
	void aNumberSetToFailGetsFailedAndOneSetToUndeliverUndelivered() {
		String failing = "+12025550177";
		String unreachable = "+12025550178";
		assertThat(send("PUT", "/simulator/numbers/" + failing, "application/json", "{\"messages\":\"fail\"}").object())
			.containsEntry("messages", "fail")
			.containsEntry("calls", "answer");
		assertThat(send("PUT", "/simulator/numbers/%2B12025550178", "application/x-www-form-urlencoded",
				"messages=undeliver")
			.status()).isEqualTo(200);
		String callback = this.webhooks.url("/status");

		twilio("Messages.json", Map.of("To", failing, "From", SENDER, "Body", "page", "StatusCallback", callback));
		List<Received> failed = this.webhooks.await("/status", 1);
		assertThat(failed.get(0).params()).contains(entry("MessageStatus", "failed"), entry("ErrorCode", "30005"),
				entry("To", failing));

		twilio("Messages.json", Map.of("To", unreachable, "From", SENDER, "Body", "page", "StatusCallback", callback));
		List<Received> all = this.webhooks.await("/status", 3);
		assertThat(all.subList(1, 3)).extracting((request) -> request.params().get("MessageStatus"))
			.containsExactly("sent", "undelivered");
		assertThat(all.get(2).params()).containsEntry("ErrorCode", "30003");
		FakeWebhooks.sleep(100);
		assertThat(this.webhooks.received("/status")).hasSize(3);

		assertThat(send("DELETE", "/simulator/numbers", null, null).status()).isEqualTo(204);
		assertThat(get("/simulator/numbers/" + failing, false).object()).containsEntry("messages", "deliver");
		assertThat(
				send("PUT", "/simulator/numbers/" + failing, "application/json", "{\"messages\":\"maybe\"}").status())
			.isEqualTo(400);
	}

	@Test
	void wrongOrMissingCredentialsAre401AndAnotherAccount404() {
		Map<String, String> params = Map.of("To", NURSE, "From", SENDER, "Body", "page");
		Reply wrong = post("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", params, ACCOUNT, "wrong-token");

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/json");
		assertThat(wrong.object()).isEqualTo(Map.of("code", 20003L, "message", "Authenticate", "more_info",
				"https://www.twilio.com/docs/errors/20003", "status", 401L));
		assertThat(post("/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json", params, null, null).status()).isEqualTo(401);
		Reply other = post("/2010-04-01/Accounts/ACffffffffffffffffffffffffffffffff/Messages.json", params, ACCOUNT,
				TOKEN);
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.object()).containsEntry("code", 20404L).containsEntry("status", 404L);
		assertThat(get("/simulator/messages", false).array()).isEmpty();
	}

	@Test
	void missingOrWrongParametersAre400WithTwiliosCodes() {
		assertThat(twilio("Messages.json", Map.of("To", NURSE, "From", SENDER)).error()).isEqualTo(21602);
		assertThat(twilio("Messages.json", Map.of("From", SENDER, "Body", "x")).error()).isEqualTo(21604);
		assertThat(twilio("Messages.json", Map.of("To", NURSE, "Body", "x")).error()).isEqualTo(21603);
		assertThat(twilio("Messages.json", Map.of("To", "555-0123", "From", SENDER, "Body", "x")).error())
			.isEqualTo(21211);
		assertThat(twilio("Messages.json", Map.of("To", "+1202", "From", SENDER, "Body", "x")).error())
			.isEqualTo(21211);
		assertThat(twilio("Messages.json", Map.of("To", NURSE, "From", "+12025550999", "Body", "x")).error())
			.isEqualTo(21606);
		assertThat(twilio("Calls.json", Map.of("To", NURSE, "From", SENDER)).error()).isEqualTo(21205);
		assertThat(twilio("Calls.json", Map.of("To", NURSE, "From", SENDER, "Twiml", "<Response><Say>")).error())
			.isEqualTo(12100);
		Reply missingBody = twilio("Messages.json", Map.of("To", NURSE, "From", SENDER));
		assertThat(missingBody.status()).isEqualTo(400);
		assertThat(missingBody.contentType()).startsWith("application/json");
		assertThat(missingBody.object()).containsEntry("more_info", "https://www.twilio.com/docs/errors/21602");
		assertThat(get("/simulator/messages", false).array()).isEmpty();
	}

	@Test
	void aCallWaitsForAKeyThenPostsTheSignedGatherAndCompletes() {
		this.webhooks.answer("/gather",
				new Answer(200, "text/xml", "<Response><Say>Acknowledged K7MQ-4XPA. Thank you.</Say></Response>"));
		String gather = this.webhooks.url("/gather?delivery=d-2");
		String callback = this.webhooks.url("/call-status?delivery=d-2");
		String twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather action=\""
				+ gather.replace("&", "&amp;") + "\" method=\"POST\" numDigits=\"1\" timeout=\"10\">"
				+ "<Say>New contact request K7MQ-4XPA. Press 1 to acknowledge.</Say></Gather>"
				+ "<Say>No key was pressed. Goodbye.</Say></Response>";
		Reply reply = twilio("Calls.json",
				Map.of("To", NURSE, "From", SENDER, "Twiml", twiml, "StatusCallback", callback, "Timeout", "30"));

		assertThat(reply.status()).isEqualTo(201);
		String sid = (String) reply.object().get("sid");
		assertThat(sid).matches("CA[0-9a-f]{32}");
		assertThat(reply.object()).containsEntry("status", "queued")
			.containsEntry("to", NURSE)
			.containsEntry("from", SENDER)
			.containsEntry("account_sid", ACCOUNT);

		Map<String, Object> waiting = awaitCall(NURSE, sid, (call) -> Boolean.TRUE.equals(call.get("waiting_for_key")));
		assertThat(waiting).containsEntry("status", "in-progress")
			.containsEntry("spoken",
					"New contact request K7MQ-4XPA. Press 1 to acknowledge. No key was pressed. Goodbye.")
			.containsEntry("gather_action", gather);
		assertThat(this.webhooks.received("/call-status")).isEmpty();

		Reply pressed = send("POST", "/simulator/calls/" + sid + "/digits", "application/json", "{\"digits\":\"1\"}");
		assertThat(pressed.status()).isEqualTo(200);
		assertThat(pressed.object()).containsEntry("status_code", 200L)
			.containsEntry("answer", "Acknowledged K7MQ-4XPA. Thank you.");

		Received gathered = this.webhooks.await("/gather", 1).get(0);
		assertSigned(gathered, gather);
		assertThat(gathered.params()).contains(entry("CallSid", sid), entry("AccountSid", ACCOUNT),
				entry("From", SENDER), entry("To", NURSE), entry("Digits", "1"), entry("CallStatus", "in-progress"));

		Received completed = this.webhooks.await("/call-status", 1).get(0);
		assertSigned(completed, callback);
		assertThat(completed.params()).contains(entry("CallSid", sid), entry("CallStatus", "completed"));
		assertThat(completed.params()).containsKey("CallDuration");

		Map<String, Object> done = awaitCall(NURSE, sid, (call) -> ((List<?>) call.get("webhooks")).size() == 2);
		assertThat(done).containsEntry("digits", "1")
			.containsEntry("gather_status_code", 200L)
			.containsEntry("gather_answer", "Acknowledged K7MQ-4XPA. Thank you.")
			.containsEntry("waiting_for_key", false);
		assertThat(statuses(done)).containsExactly("queued", "ringing", "in-progress", "completed");
		assertThat(
				send("POST", "/simulator/calls/" + sid + "/digits", "application/json", "{\"digits\":\"1\"}").status())
			.isEqualTo(409);
		assertThat(this.webhooks.received("/call-status")).hasSize(1);
	}

	@Test
	void aNumberThatDoesNotAnswerGetsNoAnswerAndNeverGathers() {
		send("PUT", "/simulator/numbers/" + NURSE, "application/json", "{\"calls\":\"no-answer\"}");
		String callback = this.webhooks.url("/call-status");
		Reply reply = twilio("Calls.json",
				Map.of("To", NURSE, "From", SENDER, "Twiml", "<Response><Gather action=\""
						+ this.webhooks.url("/gather") + "\"><Say>Hi</Say></Gather></Response>", "StatusCallback",
						callback));
		String sid = (String) reply.object().get("sid");

		Received status = this.webhooks.await("/call-status", 1).get(0);
		assertSigned(status, callback);
		assertThat(status.params()).contains(entry("CallSid", sid), entry("CallStatus", "no-answer"));
		assertThat(
				send("POST", "/simulator/calls/" + sid + "/digits", "application/json", "{\"digits\":\"1\"}").status())
			.isEqualTo(409);
		assertThat(this.webhooks.received("/gather")).isEmpty();
		assertThat(send("POST", "/simulator/calls/CA" + "0".repeat(32) + "/digits", "application/json",
				"{\"digits\":\"1\"}")
			.status()).isEqualTo(404);
	}

	@Test
	void aCallNobodyPressesAKeyOnCompletesWithoutDigits() throws IOException {
		this.simulator.close();
		this.simulator = ProviderSimulator.start(settings(Duration.ofMillis(150)));
		String callback = this.webhooks.url("/call-status");
		String sid = (String) twilio("Calls.json",
				Map.of("To", NURSE, "From", SENDER, "Twiml",
						"<Response><Gather action=\"" + this.webhooks.url("/gather")
								+ "\"><Say>Hi</Say></Gather></Response>",
						"StatusCallback", callback))
			.object()
			.get("sid");

		assertThat(this.webhooks.await("/call-status", 1).get(0).params()).containsEntry("CallStatus", "completed");
		assertThat(this.webhooks.received("/gather")).isEmpty();
		assertThat(awaitCall(NURSE, sid, (call) -> "completed".equals(call.get("status")))).containsEntry("digits",
				null);
	}

	@Test
	void aCallWithAUrlFetchesItsTwimlWithASignedPost() {
		String document = this.webhooks.url("/voice?delivery=d-3");
		this.webhooks.answer("/voice", new Answer(200, "text/xml",
				"<Response><Gather action=\"/gather?delivery=d-3\" numDigits=\"1\"><Say>Press 2 to decline.</Say>"
						+ "</Gather></Response>"));
		String sid = (String) twilio("Calls.json", Map.of("To", NURSE, "From", SENDER, "Url", document)).object()
			.get("sid");

		Map<String, Object> waiting = awaitCall(NURSE, sid, (call) -> Boolean.TRUE.equals(call.get("waiting_for_key")));
		assertThat(waiting).containsEntry("spoken", "Press 2 to decline.");
		Received fetched = this.webhooks.await("/voice", 1).get(0);
		assertSigned(fetched, document);
		assertThat(fetched.params()).contains(entry("CallSid", sid), entry("CallStatus", "in-progress"));

		Reply pressed = send("POST", "/simulator/calls/" + sid + "/digits", "application/x-www-form-urlencoded",
				"digits=27");
		assertThat(pressed.object()).containsEntry("digits", "2").containsEntry("status_code", 200L);
		Received gathered = this.webhooks.await("/gather", 1).get(0);
		assertSigned(gathered, this.webhooks.url("/gather?delivery=d-3"));
		assertThat(gathered.params()).containsEntry("Digits", "2");
	}

	@Test
	void anInboundReplyReachesTheWebhookSignedAndItsMessageReplyIsStored() {
		this.webhooks.answer(INBOUND,
				new Answer(200, "text/xml", "<Response><Message>Acknowledged K7MQ-4XPA.</Message></Response>"));

		Reply reply = send("POST", "/simulator/messages/inbound", "application/json",
				"{\"from\":\"" + NURSE + "\",\"body\":\"1\"}");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.object()).containsEntry("status_code", 200L)
			.containsEntry("replies", List.of("Acknowledged K7MQ-4XPA."));
		Received inbound = this.webhooks.await(INBOUND, 1).get(0);
		assertSigned(inbound, this.webhooks.url(INBOUND));
		assertThat(inbound.params()).contains(entry("AccountSid", ACCOUNT), entry("From", NURSE), entry("To", SENDER),
				entry("Body", "1"), entry("NumMedia", "0"));
		assertThat(inbound.params().get("MessageSid")).matches("SM[0-9a-f]{32}");

		String replySid = (String) ((List<?>) reply.object().get("reply_sids")).get(0);
		Map<String, Object> stored = awaitMessage(NURSE, replySid, (m) -> "delivered".equals(m.get("status")));
		assertThat(stored).containsEntry("direction", "outbound")
			.containsEntry("from", SENDER)
			.containsEntry("body", "Acknowledged K7MQ-4XPA.");
		List<Map<String, Object>> conversation = get("/simulator/messages?phone=" + NURSE, false).array();
		assertThat(conversation).extracting((m) -> m.get("direction")).containsExactly("inbound", "outbound");
		assertThat(conversation.get(0)).containsEntry("body", "1").containsEntry("to", SENDER);

		assertThat(send("POST", "/simulator/messages/inbound", "application/x-www-form-urlencoded",
				"from=%2B12025550123&body=2")
			.object()).containsEntry("status_code", 200L);
		assertThat(this.webhooks.await(INBOUND, 2).get(1).params()).containsEntry("Body", "2");
		assertThat(
				send("POST", "/simulator/messages/inbound", "application/json", "{\"from\":\"nurse\",\"body\":\"1\"}")
					.status())
			.isEqualTo(400);
	}

	@Test
	void theHistorySurvivesARestart() throws IOException {
		String sid = (String) twilio("Messages.json", Map.of("To", NURSE, "From", SENDER, "Body", "page")).object()
			.get("sid");
		awaitMessage(NURSE, sid, (m) -> "delivered".equals(m.get("status")));

		this.simulator.close();
		this.simulator = ProviderSimulator.start(settings(Duration.ofSeconds(10)));

		List<Map<String, Object>> messages = get("/simulator/messages?to=" + NURSE, false).array();
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0)).containsEntry("sid", sid).containsEntry("body", "page");
		assertThat(statuses(messages.get(0))).containsExactly("queued", "sent", "delivered");
		assertThat(get("/simulator/messages?to=%2B12025550199", false).array()).isEmpty();
	}

	@Test
	void failingWebhooksAreRetriedRecordedAndNeverStopTheSimulator() throws IOException {
		this.webhooks.answer("/flaky", new Answer(503, "text/plain", "busy"), new Answer(200, "text/plain", ""));
		String sid = (String) twilio("Messages.json",
				Map.of("To", NURSE, "From", SENDER, "Body", "page", "StatusCallback", this.webhooks.url("/flaky")))
			.object()
			.get("sid");
		Map<String, Object> stored = awaitMessage(NURSE, sid, (m) -> ((List<?>) m.get("webhooks")).size() == 2);
		assertThat(firstHook(stored)).containsEntry("status_code", 200L).containsEntry("attempts", 2L);

		String closed;
		try (FakeWebhooks gone = new FakeWebhooks()) {
			closed = gone.url("/status");
		}
		String lost = (String) twilio("Messages.json",
				Map.of("To", NURSE, "From", SENDER, "Body", "page", "StatusCallback", closed))
			.object()
			.get("sid");
		Map<String, Object> unanswered = awaitMessage(NURSE, lost, (m) -> ((List<?>) m.get("webhooks")).size() == 2);
		assertThat(firstHook(unanswered)).containsEntry("status_code", null)
			.containsEntry("attempts", (long) Webhooks.ATTEMPTS);
		assertThat(twilio("Messages.json", Map.of("To", NURSE, "From", SENDER, "Body", "still here")).status())
			.isEqualTo(201);
	}

	@Test
	void thePageShowsEveryPhoneEscapedUnderAStrictPolicyAndItsFormsRedirect() {
		twilio("Messages.json", Map.of("To", NURSE, "From", SENDER, "Body", "<script>alert('x')</script> & more"));

		HttpResponse<String> page = exchange(HttpRequest.newBuilder(uri("/")).GET());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; style-src 'self'; form-action 'self'");
		assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
			.contains("+12025550123")
			.contains("action=\"/page/reply\"")
			.doesNotContain("<script")
			.doesNotContain("style=");
		assertThat(exchange(HttpRequest.newBuilder(uri("/simulator.css")).GET()).headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));

		HttpResponse<String> replied = exchange(HttpRequest.newBuilder(uri("/page/reply"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", "http://127.0.0.1:" + this.simulator.port())
			.POST(HttpRequest.BodyPublishers.ofString("from=%2B12025550123&body=1")));
		assertThat(replied.statusCode()).isEqualTo(303);
		assertThat(replied.headers().firstValue("Location")).hasValue("/#p12025550123");
		assertThat(this.webhooks.await(INBOUND, 1).get(0).params()).containsEntry("Body", "1");

		HttpResponse<String> forged = exchange(HttpRequest.newBuilder(uri("/page/reply"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", "http://evil.example")
			.POST(HttpRequest.BodyPublishers.ofString("from=%2B12025550123&body=1")));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.webhooks.received(INBOUND)).hasSize(1);
	}

	// Helpers

	private static void assertSigned(Received request, String url) {
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
		assertThat(request.url()).isEqualTo(url);
		assertThat(request.signature()).as("X-Twilio-Signature of %s", url).isEqualTo(signature(url, request.params()));
	}

	/** Twilio's algorithm, written out again: URL, then each name and value by name. */
	private static String signature(String url, Map<String, String> params) {
		String data = url + new TreeMap<>(params).entrySet()
			.stream()
			.map((param) -> param.getKey() + param.getValue())
			.collect(Collectors.joining());
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> awaitMessage(String to, String sid, Predicate<Map<String, Object>> condition) {
		return await("/simulator/messages?to=" + to, sid, condition);
	}

	private Map<String, Object> awaitCall(String to, String sid, Predicate<Map<String, Object>> condition) {
		return await("/simulator/calls?to=" + to, sid, condition);
	}

	private Map<String, Object> await(String path, String sid, Predicate<Map<String, Object>> condition) {
		Instant deadline = Instant.now().plusSeconds(10);
		Map<String, Object> last = null;
		while (Instant.now().isBefore(deadline)) {
			last = get(path, false).array()
				.stream()
				.filter((item) -> sid.equals(item.get("sid")))
				.findFirst()
				.orElse(null);
			if (last != null && condition.test(last)) {
				return last;
			}
			FakeWebhooks.sleep(20);
		}
		throw new AssertionError("timed out waiting for " + sid + " at " + path + "; last seen " + last);
	}

	private static List<Object> statuses(Map<String, Object> document) {
		return ((List<?>) document.get("statuses")).stream()
			.<Object>map((step) -> ((Map<?, ?>) step).get("status"))
			.toList();
	}

	private static List<Object> hookCodes(Map<String, Object> document) {
		return ((List<?>) document.get("webhooks")).stream()
			.<Object>map((hook) -> ((Map<?, ?>) hook).get("status_code"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> firstHook(Map<String, Object> document) {
		return (Map<String, Object>) ((List<?>) document.get("webhooks")).get(0);
	}

	private Reply twilio(String resource, Map<String, String> params) {
		return post("/2010-04-01/Accounts/" + ACCOUNT + "/" + resource, params, ACCOUNT, TOKEN);
	}

	private Reply post(String path, Map<String, String> params, String user, String password) {
		String form = params.entrySet()
			.stream()
			.map((param) -> URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return reply(exchange(request));
	}

	private Reply get(String path, boolean authenticated) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (authenticated) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
		}
		return reply(exchange(request));
	}

	private Reply send(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return reply(exchange(request));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.simulator.port() + path);
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Reply reply(HttpResponse<String> response) {
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	private record Reply(int status, String contentType, String body) {

		Map<String, Object> object() {
			return Json.parseObject(this.body);
		}

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> array() {
			return (List<Map<String, Object>>) Json.parse(this.body);
		}

		int error() {
			assertThat(this.status).as(this.body).isEqualTo(400);
			return ((Number) object().get("code")).intValue();
		}

	}

}
