package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator's own API, for tests and scripts, under {@code /simulator/}: the stored
 * messages and calls, an inbound text from a phone, a key pressed on a call, and how each
 * number behaves. Answers are JSON; bodies may be JSON or form-encoded.
 */
final class ControlApi {

	static final String PREFIX = "/simulator/";

	private static final Pattern ONE_MESSAGE = Pattern.compile("/simulator/messages/(SM[0-9a-f]{32})");

	private static final Pattern ONE_CALL = Pattern.compile("/simulator/calls/(CA[0-9a-f]{32})");

	private static final Pattern DIGITS_PATH = Pattern.compile("/simulator/calls/([^/]+)/digits");

	private static final Pattern NUMBER = Pattern.compile("/simulator/numbers/([^/]+)");

	static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,32}");

	private final Simulation simulation;

	ControlApi(Simulation simulation) {
		this.simulation = simulation;
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		if (!method.equals("GET") && !Http.sameOrigin(exchange)) {
			Http.error(exchange, 403, "cross-site requests are refused");
			return;
		}
		Matcher matcher;
		if (path.equals("/simulator/messages")) {
			if (method.equals("GET")) {
				Http.json(exchange, 200, messages(Http.query(exchange)));
				return;
			}
		}
		else if (path.equals("/simulator/messages/inbound")) {
			if (method.equals("POST")) {
				inbound(exchange);
				return;
			}
		}
		else if ((matcher = ONE_MESSAGE.matcher(path)).matches()) {
			if (method.equals("GET")) {
				TextMessage message = this.simulation.store().message(matcher.group(1)).orElse(null);
				if (message == null) {
					Http.error(exchange, 404, "no message " + matcher.group(1));
				}
				else {
					Http.json(exchange, 200, message.document());
				}
				return;
			}
		}
		else if (path.equals("/simulator/calls")) {
			if (method.equals("GET")) {
				Http.json(exchange, 200, calls(Http.query(exchange)));
				return;
			}
		}
		else if ((matcher = ONE_CALL.matcher(path)).matches()) {
			if (method.equals("GET")) {
				VoiceCall call = this.simulation.store().call(matcher.group(1)).orElse(null);
				if (call == null) {
					Http.error(exchange, 404, "no call " + matcher.group(1));
				}
				else {
					Http.json(exchange, 200, callDocument(call));
				}
				return;
			}
		}
		else if ((matcher = DIGITS_PATH.matcher(path)).matches()) {
			if (method.equals("POST")) {
				press(exchange, matcher.group(1));
				return;
			}
		}
		else if (path.equals("/simulator/numbers")) {
			if (method.equals("GET")) {
				List<Object> numbers = new ArrayList<>();
				this.simulation.behaviours().forEach((number, behaviour) -> numbers.add(behaviour.document(number)));
				Http.json(exchange, 200, numbers);
				return;
			}
			if (method.equals("DELETE")) {
				this.simulation.resetBehaviours();
				Http.noContent(exchange);
				return;
			}
		}
		else if ((matcher = NUMBER.matcher(path)).matches()) {
			String number = matcher.group(1);
			if (!PhoneNumbers.isE164(number)) {
				Http.error(exchange, 400, "not a phone number in E.164: " + number);
				return;
			}
			switch (method) {
				case "GET" -> {
					Http.json(exchange, 200, this.simulation.behaviour(number).document(number));
					return;
				}
				case "PUT" -> {
					behave(exchange, number);
					return;
				}
				case "DELETE" -> {
					this.simulation.forget(number);
					Http.noContent(exchange);
					return;
				}
				default -> {
					// answered below
				}
			}
		}
		else {
			Http.error(exchange, 404, "no such resource: " + path);
			return;
		}
		Http.error(exchange, 405, method + " is not allowed on " + path);
	}

	private List<Object> messages(Map<String, String> query) {
		String to = query.get("to");
		String from = query.get("from");
		String phone = query.get("phone");
		Predicate<TextMessage> filter = (message) -> (to == null || to.equals(message.to()))
				&& (from == null || from.equals(message.from())) && (phone == null || phone.equals(message.phone()));
		return new ArrayList<>(this.simulation.store().messages(filter).stream().map(TextMessage::document).toList());
	}

	private List<Object> calls(Map<String, String> query) {
		String to = query.get("to");
		return new ArrayList<>(this.simulation.store()
			.calls((call) -> to == null || to.equals(call.to()))
			.stream()
			.map(this::callDocument)
			.toList());
	}

	private Map<String, Object> callDocument(VoiceCall call) {
		Map<String, Object> document = call.document();
		document.put("waiting_for_key", this.simulation.waitingForKey(call.sid()));
		return document;
	}

	private void inbound(HttpExchange exchange) throws IOException {
		Map<String, String> params = params(exchange);
		if (params == null) {
			return;
		}
		String from = params.get("from");
		String body = params.get("body");
		if (!PhoneNumbers.isE164(from)) {
			Http.error(exchange, 400, "from must be a phone number in E.164, such as +12025550123");
			return;
		}
		if (body == null || body.isEmpty() || body.length() > 1600) {
			Http.error(exchange, 400, "body must be a text of 1 to 1600 characters");
			return;
		}
		Simulation.Inbound inbound = this.simulation.receive(from, body);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("sid", inbound.message().sid());
		answer.put("status_code", inbound.webhook().statusCode());
		answer.put("replies", new ArrayList<>(inbound.replies().stream().map(TextMessage::body).toList()));
		answer.put("reply_sids", new ArrayList<>(inbound.replies().stream().map(TextMessage::sid).toList()));
		answer.put("error", (inbound.webhook().error() != null) ? inbound.webhook().error() : inbound.error());
		Http.json(exchange, 200, answer);
	}

	private void press(HttpExchange exchange, String sid) throws IOException {
		Map<String, String> params = params(exchange);
		if (params == null) {
			return;
		}
		String digits = params.get("digits");
		if (digits == null || !DIGITS.matcher(digits).matches()) {
			Http.error(exchange, 400, "digits must be 1 to 32 of 0-9, * and #");
			return;
		}
		Simulation.Press press;
		try {
			press = this.simulation.press(sid, digits);
		}
		catch (NoSuchElementException ex) {
			Http.error(exchange, 404, ex.getMessage());
			return;
		}
		catch (IllegalStateException ex) {
			Http.error(exchange, 409, ex.getMessage());
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("sid", sid);
		answer.put("digits", press.digits());
		answer.put("status_code", (press.webhook() != null) ? press.webhook().statusCode() : null);
		answer.put("answer", press.answer());
		answer.put("error",
				(press.webhook() != null && press.webhook().error() != null) ? press.webhook().error() : press.error());
		Http.json(exchange, 200, answer);
	}

	private void behave(HttpExchange exchange, String number) throws IOException {
		Map<String, String> params = params(exchange);
		if (params == null) {
			return;
		}
		try {
			NumberBehaviour behaviour = this.simulation.behave(number, params.get("messages"), params.get("calls"));
			Http.json(exchange, 200, behaviour.document(number));
		}
		catch (IllegalArgumentException ex) {
			Http.error(exchange, 400, ex.getMessage());
		}
	}

	/**
	 * The request's parameters, or {@code null} once a {@code 400} has been answered.
	 */
	private static Map<String, String> params(HttpExchange exchange) throws IOException {
		try {
			return Http.params(exchange);
		}
		catch (IllegalArgumentException ex) {
			Http.error(exchange, 400, "the body is neither a JSON object nor a form: " + ex.getMessage());
			return null;
		}
	}

}
