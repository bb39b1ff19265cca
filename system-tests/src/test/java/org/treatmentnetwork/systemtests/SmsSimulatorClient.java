package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the text and voice provider simulator's control API ({@code /simulator/…}
 * on the {@code sms} process, {@code StackConfig.smsSimulatorUrl()}): what the suite
 * texted and called, a phone's reply, a key pressed on a call, and how a number behaves.
 */
final class SmsSimulatorClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Long enough for a webhook the simulator calls on the request's behalf (10 s per
	 * attempt, a few attempts).
	 */
	private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(45);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String baseUrl;

	/**
	 * A client of one simulator.
	 * @param baseUrl its base URL, such as {@code http://127.0.0.1:11086}
	 */
	SmsSimulatorClient(String baseUrl) {
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * The texts sent to a phone (through the API or as replies), oldest first.
	 * @param phone the phone number, E.164
	 * @return the messages
	 */
	List<Message> messagesTo(String phone) {
		return messages("to=" + encode(phone));
	}

	/**
	 * The texts to and from a phone, oldest first.
	 * @param phone the phone number, E.164
	 * @return the messages, both ways
	 */
	List<Message> conversationWith(String phone) {
		return messages("phone=" + encode(phone));
	}

	private List<Message> messages(String query) {
		List<Message> messages = new ArrayList<>();
		for (JsonNode node : expect(200, get("/simulator/messages?" + query))) {
			messages.add(Message.of(node));
		}
		return messages;
	}

	/**
	 * The calls placed to a phone, oldest first.
	 * @param phone the phone number, E.164
	 * @return the calls
	 */
	List<Call> callsTo(String phone) {
		List<Call> calls = new ArrayList<>();
		for (JsonNode node : expect(200, get("/simulator/calls?to=" + encode(phone)))) {
			calls.add(Call.of(node));
		}
		return calls;
	}

	/**
	 * A phone texts the sender number; the simulator posts it, signed, to the gateway's
	 * inbound-message webhook.
	 * @param fromPhone the phone, E.164
	 * @param body the text
	 * @return what the webhook answered, and the texts its TwiML sent back
	 */
	Reply reply(String fromPhone, String body) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("from", fromPhone);
		request.put("body", body);
		JsonNode answer = expect(200, send("POST", "/simulator/messages/inbound", request, WEBHOOK_TIMEOUT));
		return new Reply(text(answer, "sid"), integer(answer, "status_code"), texts(answer, "replies"),
				texts(answer, "reply_sids"), text(answer, "error"));
	}

	/**
	 * Presses keys on a call; the simulator posts them, signed, to the call's gather
	 * action.
	 * @param callSid the call
	 * @param digits the keys, such as {@code 1}
	 * @return what happened: {@code 200} with the gather's answer, {@code 409} if the
	 * call was not waiting for a key, {@code 404} for an unknown call
	 */
	Press press(String callSid, String digits) {
		HttpResponse<String> response = send("POST", "/simulator/calls/" + encode(callSid) + "/digits",
				Map.of("digits", digits), WEBHOOK_TIMEOUT);
		JsonNode answer = json(response);
		if (response.statusCode() != 200) {
			return new Press(response.statusCode(), null, null, null, text(answer, "error"));
		}
		return new Press(200, text(answer, "digits"), integer(answer, "status_code"), text(answer, "answer"),
				text(answer, "error"));
	}

	/**
	 * Sets how a phone behaves, in memory until {@link #reset()}.
	 * @param phone the phone number, E.164
	 * @param messages {@code deliver}, {@code fail} or {@code undeliver}, or {@code null}
	 * to keep what it is
	 * @param calls {@code answer}, {@code no-answer}, {@code busy} or {@code fail}, or
	 * {@code null} to keep what it is
	 * @return how it behaves now
	 */
	Behaviour behave(String phone, String messages, String calls) {
		Map<String, Object> request = new LinkedHashMap<>();
		if (messages != null) {
			request.put("messages", messages);
		}
		if (calls != null) {
			request.put("calls", calls);
		}
		JsonNode answer = expect(200, send("PUT", "/simulator/numbers/" + encode(phone), request, TIMEOUT));
		return new Behaviour(text(answer, "number"), text(answer, "messages"), text(answer, "calls"));
	}

	/**
	 * Every phone delivers texts and answers calls again.
	 */
	void reset() {
		HttpResponse<String> response = send("DELETE", "/simulator/numbers", null, TIMEOUT);
		if (response.statusCode() != 204) {
			throw new IllegalStateException(
					"DELETE /simulator/numbers answered " + response.statusCode() + ": " + response.body());
		}
	}

	private HttpResponse<String> get(String path) {
		return exchange(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	private HttpResponse<String> send(String method, String path, Map<String, Object> json, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(timeout)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return exchange(request.build());
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static JsonNode expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return json(response);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Integer integer(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asInt();
	}

	private static Long number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asLong();
	}

	private static List<String> texts(JsonNode node, String field) {
		List<String> texts = new ArrayList<>();
		JsonNode array = node.get(field);
		if (array != null) {
			array.forEach((item) -> texts.add(item.asString()));
		}
		return texts;
	}

	/**
	 * A status a message or call reached.
	 *
	 * @param status such as {@code delivered} or {@code completed}
	 * @param at when, ISO-8601
	 * @param errorCode the error code that came with it, or {@code null}
	 */
	record Step(String status, String at, Integer errorCode) {

		static List<Step> of(JsonNode array) {
			List<Step> steps = new ArrayList<>();
			if (array != null) {
				array.forEach((step) -> steps
					.add(new Step(text(step, "status"), text(step, "at"), integer(step, "error_code"))));
			}
			return steps;
		}

	}

	/**
	 * A webhook the simulator called for a message or call.
	 *
	 * @param event such as {@code status delivered}, {@code gather} or {@code inbound}
	 * @param statusCode what it answered, or {@code null} if it did not
	 * @param attempts how many requests were sent
	 * @param error why there was no answer, or {@code null}
	 */
	record Hook(String event, Integer statusCode, int attempts, String error) {

		static List<Hook> of(JsonNode array) {
			List<Hook> hooks = new ArrayList<>();
			if (array != null) {
				array.forEach((hook) -> hooks.add(new Hook(text(hook, "event"), integer(hook, "status_code"),
						(integer(hook, "attempts") != null) ? integer(hook, "attempts") : 0, text(hook, "error"))));
			}
			return hooks;
		}

	}

	/**
	 * A text message the simulator holds.
	 *
	 * @param sid {@code SM…}
	 * @param direction {@code outbound} (to a phone) or {@code inbound} (from one)
	 * @param source {@code api}, {@code reply} (a {@code <Message>} in a webhook's
	 * answer) or {@code phone}
	 * @param from the sender
	 * @param to the recipient
	 * @param body the text
	 * @param status its latest status
	 * @param errorCode the error code of that status, or {@code null}
	 * @param created when it was created, ISO-8601
	 * @param statuses every status it reached, in order
	 * @param webhooks every webhook called for it, in order
	 */
	record Message(String sid, String direction, String source, String from, String to, String body, String status,
			Integer errorCode, String created, List<Step> statuses, List<Hook> webhooks) {

		static Message of(JsonNode node) {
			return new Message(text(node, "sid"), text(node, "direction"), text(node, "source"), text(node, "from"),
					text(node, "to"), text(node, "body"), text(node, "status"), integer(node, "error_code"),
					text(node, "created"), Step.of(node.get("statuses")), Hook.of(node.get("webhooks")));
		}

		/**
		 * The statuses it went through.
		 * @return such as {@code [queued, sent, delivered]}
		 */
		List<String> statusNames() {
			return this.statuses.stream().map(Step::status).toList();
		}

	}

	/**
	 * A call the simulator holds.
	 *
	 * @param sid {@code CA…}
	 * @param from the caller (the sender number)
	 * @param to the phone called
	 * @param status its latest status
	 * @param spoken the text of every {@code <Say>} of its TwiML
	 * @param gatherAction the {@code <Gather>}'s {@code action}, or {@code null}
	 * @param digits the keys pressed, or {@code null}
	 * @param gatherStatusCode what the gather's action answered, or {@code null}
	 * @param gatherAnswer what the TwiML the action answered says, or {@code null}
	 * @param duration the call's length in seconds once it completed, or {@code null}
	 * @param waitingForKey whether it waits for a key now
	 * @param statuses every status it reached, in order
	 * @param webhooks every webhook called for it, in order
	 */
	record Call(String sid, String from, String to, String status, String spoken, String gatherAction, String digits,
			Integer gatherStatusCode, String gatherAnswer, Long duration, boolean waitingForKey, List<Step> statuses,
			List<Hook> webhooks) {

		static Call of(JsonNode node) {
			JsonNode waiting = node.get("waiting_for_key");
			return new Call(text(node, "sid"), text(node, "from"), text(node, "to"), text(node, "status"),
					text(node, "spoken"), text(node, "gather_action"), text(node, "digits"),
					integer(node, "gather_status_code"), text(node, "gather_answer"), number(node, "duration"),
					waiting != null && waiting.asBoolean(), Step.of(node.get("statuses")),
					Hook.of(node.get("webhooks")));
		}

		/**
		 * The statuses it went through.
		 * @return such as {@code [queued, ringing, in-progress, completed]}
		 */
		List<String> statusNames() {
			return this.statuses.stream().map(Step::status).toList();
		}

	}

	/**
	 * What became of a phone's text.
	 *
	 * @param sid the inbound message's {@code SM…}
	 * @param statusCode what the inbound-message webhook answered, or {@code null} if it
	 * did not
	 * @param replies the texts of the {@code <Message>}s it answered, sent back to the
	 * phone
	 * @param replySids their {@code SM…}
	 * @param error why the webhook gave no answer or its answer could not be read, or
	 * {@code null}
	 */
	record Reply(String sid, Integer statusCode, List<String> replies, List<String> replySids, String error) {
	}

	/**
	 * What a key press did.
	 *
	 * @param httpStatus the control API's status: {@code 200}, or {@code 409} if the call
	 * was not waiting for a key, {@code 404} if there is no such call
	 * @param digits the keys sent to the gather (at most its {@code numDigits})
	 * @param statusCode what the gather's action answered, or {@code null}
	 * @param answer what the TwiML it answered says, or {@code null}
	 * @param error why the press did not get an answer, or {@code null}
	 */
	record Press(int httpStatus, String digits, Integer statusCode, String answer, String error) {
	}

	/**
	 * How a phone behaves.
	 *
	 * @param number the phone number
	 * @param messages {@code deliver}, {@code fail} or {@code undeliver}
	 * @param calls {@code answer}, {@code no-answer}, {@code busy} or {@code fail}
	 */
	record Behaviour(String number, String messages, String calls) {
	}

}
