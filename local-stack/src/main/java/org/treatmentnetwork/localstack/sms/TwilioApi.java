package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import org.treatmentnetwork.localstack.sms.History.Step;

/**
 * The part of Twilio's REST API the suite uses: {@code POST} and {@code GET} of
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} and {@code Calls.json}, with
 * HTTP Basic authentication (the account SID and the auth token), form-encoded
 * parameters, and Twilio's resources and errors as JSON.
 */
final class TwilioApi {

	static final String PREFIX = "/" + Simulation.API_VERSION + "/Accounts/";

	private static final Pattern RESOURCE = Pattern
		.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)(?:/([^/]+))?\\.json");

	private static final DateTimeFormatter DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final int MAX_BODY_LENGTH = 1600;

	private final SimulatorSettings settings;

	private final Simulation simulation;

	TwilioApi(Simulation simulation) {
		this.settings = simulation.settings();
		this.simulation = simulation;
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (!authenticated(exchange)) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
			error(exchange, 401, 20003, "Authenticate");
			return;
		}
		Matcher resource = RESOURCE.matcher(path);
		if (!resource.matches() || !resource.group(1).equals(this.settings.accountSid())) {
			error(exchange, 404, 20404, "The requested resource " + path + " was not found");
			return;
		}
		boolean messages = resource.group(2).equals("Messages");
		String sid = resource.group(3);
		String method = exchange.getRequestMethod();
		if (sid == null && method.equals("POST")) {
			Map<String, String> params;
			try {
				params = Form.parse(Http.body(exchange));
			}
			catch (IllegalArgumentException ex) {
				error(exchange, 400, 20001, "The request body is not form-encoded: " + ex.getMessage());
				return;
			}
			if (messages) {
				createMessage(exchange, params);
			}
			else {
				createCall(exchange, params);
			}
		}
		else if (sid != null && method.equals("GET")) {
			Optional<Map<String, Object>> found = messages
					? this.simulation.store().message(sid).map(this::messageResource)
					: this.simulation.store().call(sid).map(this::callResource);
			if (found.isPresent()) {
				Http.json(exchange, 200, found.get());
			}
			else {
				error(exchange, 404, 20404, "The requested resource " + path + " was not found");
			}
		}
		else {
			error(exchange, 405, 20004, "Method not allowed");
		}
	}

	private boolean authenticated(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		int colon = credentials.indexOf(':');
		if (colon < 0) {
			return false;
		}
		boolean user = equal(credentials.substring(0, colon), this.settings.accountSid());
		boolean password = equal(credentials.substring(colon + 1), this.settings.authToken());
		return user & password;
	}

	private static boolean equal(String given, String expected) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}

	private void createMessage(HttpExchange exchange, Map<String, String> params) throws IOException {
		String to = blankToNull(params.get("To"));
		String from = blankToNull(params.get("From"));
		String body = params.get("Body");
		String statusCallback = blankToNull(params.get("StatusCallback"));
		if (to == null) {
			error(exchange, 400, 21604, "A 'To' phone number is required.");
		}
		else if (from == null) {
			error(exchange, 400, 21603, "A 'From' phone number is required.");
		}
		else if (body == null || body.isEmpty()) {
			error(exchange, 400, 21602, "Message body is required.");
		}
		else if (!PhoneNumbers.isE164(to)) {
			error(exchange, 400, 21211, "Invalid 'To' Phone Number: " + to);
		}
		else if (body.length() > MAX_BODY_LENGTH) {
			error(exchange, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
		}
		else if (!from.equals(this.settings.fromNumber())) {
			error(exchange, 400, 21606, "The From phone number " + from
					+ " is not a valid, SMS-capable inbound phone number or short code for your account.");
		}
		else if (statusCallback != null && !isHttpUrl(statusCallback)) {
			error(exchange, 400, 21609, "The StatusCallback URL " + statusCallback + " is not a valid URL.");
		}
		else {
			TextMessage message = this.simulation.accept(from, to, body, statusCallback);
			Map<String, Object> resource = messageResource(message);
			this.simulation.dispatch(message);
			Http.json(exchange, 201, resource);
		}
	}

	private void createCall(HttpExchange exchange, Map<String, String> params) throws IOException {
		String to = blankToNull(params.get("To"));
		String from = blankToNull(params.get("From"));
		String twiml = blankToNull(params.get("Twiml"));
		String url = blankToNull(params.get("Url"));
		String statusCallback = blankToNull(params.get("StatusCallback"));
		Integer timeout = integer(params.get("Timeout"));
		if (to == null) {
			error(exchange, 400, 21201, "No 'To' number is specified");
		}
		else if (from == null) {
			error(exchange, 400, 21213, "No 'From' number is specified");
		}
		else if (twiml == null && url == null) {
			error(exchange, 400, 21205, "A 'Url' or 'Twiml' parameter is required.");
		}
		else if (!PhoneNumbers.isE164(to)) {
			error(exchange, 400, 21211, "Invalid 'To' Phone Number: " + to);
		}
		else if (!from.equals(this.settings.fromNumber())) {
			error(exchange, 400, 21210,
					"The source phone number provided, " + from + ", is not yet verified for your account.");
		}
		else if (twiml == null && !isHttpUrl(url)) {
			error(exchange, 400, 21205, "Url is not a valid URL: " + url);
		}
		else if (statusCallback != null && !isHttpUrl(statusCallback)) {
			error(exchange, 400, 21609, "The StatusCallback URL " + statusCallback + " is not a valid URL.");
		}
		else if (twiml != null && parseProblem(twiml) != null) {
			error(exchange, 400, 12100, "Document parse failure: " + parseProblem(twiml));
		}
		else {
			VoiceCall call = this.simulation.accept(from, to, (twiml != null) ? null : url, twiml, statusCallback,
					timeout);
			Map<String, Object> resource = callResource(call);
			this.simulation.dispatch(call);
			Http.json(exchange, 201, resource);
		}
	}

	private static String parseProblem(String twiml) {
		try {
			TwiML.parse(twiml);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * A message as Twilio's API shows it.
	 * @param message the message
	 * @return the resource
	 */
	Map<String, Object> messageResource(TextMessage message) {
		String uri = PREFIX + this.settings.accountSid() + "/Messages/" + message.sid();
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("account_sid", this.settings.accountSid());
		resource.put("api_version", Simulation.API_VERSION);
		resource.put("body", message.body());
		resource.put("date_created", date(message.created()));
		resource.put("date_sent",
				message.statuses()
					.stream()
					.filter((step) -> step.status().equals("sent"))
					.map(Step::at)
					.findFirst()
					.map(TwilioApi::date)
					.orElse(null));
		resource.put("date_updated", date(message.updated()));
		resource.put("direction", message.twilioDirection());
		resource.put("error_code", message.errorCode());
		resource.put("error_message", errorMessage(message.errorCode()));
		resource.put("from", message.from());
		resource.put("messaging_service_sid", null);
		resource.put("num_media", "0");
		resource.put("num_segments", "1");
		resource.put("price", null);
		resource.put("price_unit", "USD");
		resource.put("sid", message.sid());
		resource.put("status", message.status());
		resource.put("subresource_uris", Map.of("media", uri + "/Media.json"));
		resource.put("to", message.to());
		resource.put("uri", uri + ".json");
		return resource;
	}

	/**
	 * A call as Twilio's API shows it.
	 * @param call the call
	 * @return the resource
	 */
	Map<String, Object> callResource(VoiceCall call) {
		String uri = PREFIX + this.settings.accountSid() + "/Calls/" + call.sid();
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("account_sid", this.settings.accountSid());
		resource.put("annotation", null);
		resource.put("answered_by", null);
		resource.put("api_version", Simulation.API_VERSION);
		resource.put("caller_name", null);
		resource.put("date_created", date(call.created()));
		resource.put("date_updated", date(call.updated()));
		resource.put("direction", "outbound-api");
		resource.put("duration", (call.duration() != null) ? String.valueOf(call.duration()) : null);
		resource.put("end_time", (call.endTime() != null) ? date(call.endTime()) : null);
		resource.put("forwarded_from", null);
		resource.put("from", call.from());
		resource.put("from_formatted", call.from());
		resource.put("group_sid", null);
		resource.put("parent_call_sid", null);
		resource.put("phone_number_sid", null);
		resource.put("price", null);
		resource.put("price_unit", "USD");
		resource.put("queue_time", "0");
		resource.put("sid", call.sid());
		resource.put("start_time", (call.startTime() != null) ? date(call.startTime()) : null);
		resource.put("status", call.status());
		Map<String, Object> subresources = new LinkedHashMap<>();
		subresources.put("events", uri + "/Events.json");
		subresources.put("notifications", uri + "/Notifications.json");
		subresources.put("recordings", uri + "/Recordings.json");
		resource.put("subresource_uris", subresources);
		resource.put("to", call.to());
		resource.put("to_formatted", call.to());
		resource.put("trunk_sid", null);
		resource.put("uri", uri + ".json");
		return resource;
	}

	static String date(Instant instant) {
		return DATE.format(instant);
	}

	private static String errorMessage(Integer code) {
		if (code == null) {
			return null;
		}
		return switch (code) {
			case 30003 -> "Unreachable destination handset";
			case 30005 -> "Unknown destination handset";
			default -> null;
		};
	}

	/**
	 * Answers with Twilio's error document.
	 * @param exchange the request
	 * @param status the HTTP status
	 * @param code Twilio's error code
	 * @param message its message
	 * @throws IOException if the answer cannot be written
	 */
	static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
		error.put("status", status);
		Http.json(exchange, status, error);
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Integer integer(String value) {
		try {
			return (value != null) ? Integer.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
