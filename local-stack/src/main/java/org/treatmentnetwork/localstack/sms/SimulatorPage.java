package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.sun.net.httpserver.HttpExchange;

/**
 * The page where a developer plays the on-call nurse: for each phone, its texts (both
 * ways) and calls, newest first; a reply form per phone; keys to press on a call that
 * waits for one; how the phone behaves. Plain forms that post and redirect back
 * ({@code 303}), no script and no inline style ({@code Content-Security-Policy}), every
 * value escaped. It reloads itself every ten seconds.
 */
final class SimulatorPage {

	static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self'";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final String CSS = """
			body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1d2330; background: #f6f7f9; }
			h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
			h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
			header p, .note { color: #505a6b; margin: .25rem 0; }
			section { background: #fff; border: 1px solid #d8dce3; border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
			form { margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
			input[type=text] { padding: .35rem .5rem; border: 1px solid #aab1bd; border-radius: .3rem; min-width: 12rem; }
			input.digits { min-width: 4rem; width: 5rem; }
			button { padding: .35rem .8rem; border: 1px solid #2a5bd7; background: #2a5bd7; color: #fff; border-radius: .3rem; cursor: pointer; }
			button.key { font-size: 1.2rem; min-width: 3rem; }
			select { padding: .3rem; }
			ol { list-style: none; padding: 0; margin: .5rem 0 0; }
			li { border-top: 1px solid #eceef2; padding: .5rem 0; }
			.meta { font-size: .85rem; color: #505a6b; }
			.kind { font-weight: 600; color: #1d2330; }
			.text.inbound .kind { color: #0b7a4b; }
			.call .kind { color: #8a4b00; }
			.body, .spoken { margin: .25rem 0; white-space: pre-wrap; }
			.status { display: inline-block; padding: 0 .4rem; border-radius: .6rem; background: #eceef2; }
			.status.bad { background: #fde2e1; color: #8f1d18; }
			.status.good { background: #dff3e8; color: #0b5e3a; }
			.waiting { font-weight: 600; color: #8a4b00; }
			.hooks { font-size: .8rem; color: #6b7485; margin: .15rem 0; }
			""";

	private final Simulation simulation;

	SimulatorPage(Simulation simulation) {
		this.simulation = simulation;
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		if (path.equals("/simulator.css") && (method.equals("GET") || method.equals("HEAD"))) {
			Http.send(exchange, 200, "text/css", CSS);
			return;
		}
		if (path.equals("/") && (method.equals("GET") || method.equals("HEAD"))) {
			exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
			exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
			exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
			Http.send(exchange, 200, "text/html", page());
			return;
		}
		if (path.startsWith("/page/") && method.equals("POST")) {
			if (!Http.sameOrigin(exchange)) {
				Http.error(exchange, 403, "cross-site requests are refused");
				return;
			}
			Map<String, String> form;
			try {
				form = Form.parse(Http.body(exchange));
			}
			catch (IllegalArgumentException ex) {
				Http.error(exchange, 400, "not a form");
				return;
			}
			switch (path) {
				case "/page/reply" -> reply(exchange, form);
				case "/page/press" -> press(exchange, form);
				case "/page/behave" -> behave(exchange, form);
				default -> Http.error(exchange, 404, "no such form");
			}
			return;
		}
		Http.error(exchange, 404, "no such page: " + path);
	}

	private void reply(HttpExchange exchange, Map<String, String> form) throws IOException {
		String from = form.getOrDefault("from", "").strip();
		String body = form.getOrDefault("body", "");
		if (PhoneNumbers.isE164(from) && !body.isBlank() && body.length() <= 1600) {
			this.simulation.receive(from, body);
		}
		Http.redirect(exchange, "/" + anchor(from));
	}

	private void press(HttpExchange exchange, Map<String, String> form) throws IOException {
		String sid = form.getOrDefault("sid", "");
		String digits = form.getOrDefault("digits", "").strip();
		String phone = this.simulation.store().call(sid).map(VoiceCall::to).orElse("");
		if (ControlApi.DIGITS.matcher(digits).matches()) {
			try {
				this.simulation.press(sid, digits);
			}
			catch (NoSuchElementException | IllegalStateException ex) {
				// The call ended meanwhile; the page shows how.
			}
		}
		Http.redirect(exchange, "/" + anchor(phone));
	}

	private void behave(HttpExchange exchange, Map<String, String> form) throws IOException {
		String number = form.getOrDefault("number", "").strip();
		if (PhoneNumbers.isE164(number)) {
			try {
				this.simulation.behave(number, form.get("messages"), form.get("calls"));
			}
			catch (IllegalArgumentException ex) {
				// Only the page's own choices are offered.
			}
		}
		Http.redirect(exchange, "/" + anchor(number));
	}

	private static String anchor(String phone) {
		return PhoneNumbers.isE164(phone) ? "#p" + phone.substring(1) : "";
	}

	private String page() {
		SimulatorSettings settings = this.simulation.settings();
		Map<String, List<Object>> phones = new LinkedHashMap<>();
		Map<String, Instant> latest = new LinkedHashMap<>();
		for (TextMessage message : this.simulation.store().messages((message) -> true)) {
			phones.computeIfAbsent(message.phone(), (key) -> new ArrayList<>()).add(message);
			latest.merge(message.phone(), message.created(), (a, b) -> a.isAfter(b) ? a : b);
		}
		for (VoiceCall call : this.simulation.store().calls((call) -> true)) {
			phones.computeIfAbsent(call.to(), (key) -> new ArrayList<>()).add(call);
			latest.merge(call.to(), call.created(), (a, b) -> a.isAfter(b) ? a : b);
		}
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta http-equiv=\"refresh\" content=\"10\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>Text and voice provider simulator</title>\n")
			.append("<link rel=\"stylesheet\" href=\"/simulator.css\">\n</head>\n<body>\n<header>\n")
			.append("<h1>Text and voice provider simulator</h1>\n")
			.append("<p>Stands in for Twilio on the local stack. Account ")
			.append(escape(settings.accountSid()))
			.append(", sender number ")
			.append(escape(settings.fromNumber()))
			.append(". Texts and calls the suite sends appear here, newest first; reply and press keys as the phone's owner. ")
			.append("The page reloads every ten seconds.</p>\n</header>\n");
		html.append("<section>\n<h2>Text the sender number from a phone</h2>\n")
			.append("<form method=\"post\" action=\"/page/reply\">")
			.append("<label>From <input type=\"text\" name=\"from\" required placeholder=\"+12025550123\"")
			.append(" pattern=\"\\+[1-9][0-9]{7,14}\" autocomplete=\"off\"></label>")
			.append("<label>Text <input type=\"text\" name=\"body\" required maxlength=\"1600\" autocomplete=\"off\"></label>")
			.append("<button type=\"submit\">Send</button></form>\n</section>\n");
		if (phones.isEmpty()) {
			html.append("<p class=\"note\">No texts or calls yet.</p>\n");
		}
		List<String> order = new ArrayList<>(phones.keySet());
		order.sort(Comparator.comparing((String phone) -> latest.get(phone)).reversed());
		for (String phone : order) {
			phoneSection(html, phone, phones.get(phone));
		}
		html.append("</body>\n</html>\n");
		return html.toString();
	}

	private void phoneSection(StringBuilder html, String phone, List<Object> events) {
		NumberBehaviour behaviour = this.simulation.behaviour(phone);
		html.append("<section id=\"p")
			.append(escape(phone.startsWith("+") ? phone.substring(1) : phone))
			.append("\">\n<h2>")
			.append(escape(phone))
			.append("</h2>\n");
		html.append("<form method=\"post\" action=\"/page/reply\">")
			.append("<input type=\"hidden\" name=\"from\" value=\"")
			.append(escape(phone))
			.append("\"><label>Reply from this phone <input type=\"text\" name=\"body\" required maxlength=\"1600\"")
			.append(" autocomplete=\"off\"></label><button type=\"submit\">Send reply</button></form>\n");
		html.append("<form method=\"post\" action=\"/page/behave\">")
			.append("<input type=\"hidden\" name=\"number\" value=\"")
			.append(escape(phone))
			.append("\"><label>Texts ")
			.append(select("messages", NumberBehaviour.textValues(), behaviour.messages().value()))
			.append("</label><label>Calls ")
			.append(select("calls", NumberBehaviour.callValues(), behaviour.calls().value()))
			.append("</label><button type=\"submit\">Set</button></form>\n<ol>\n");
		List<Object> newestFirst = new ArrayList<>(events);
		newestFirst.sort(Comparator.comparing(SimulatorPage::created).reversed());
		for (Object event : newestFirst) {
			if (event instanceof TextMessage message) {
				text(html, message);
			}
			else if (event instanceof VoiceCall call) {
				call(html, call);
			}
		}
		html.append("</ol>\n</section>\n");
	}

	private static Instant created(Object event) {
		return (event instanceof TextMessage message) ? message.created() : ((VoiceCall) event).created();
	}

	private static void text(StringBuilder html, TextMessage message) {
		boolean inbound = TextMessage.INBOUND.equals(message.direction());
		html.append("<li class=\"text ")
			.append(inbound ? "inbound" : "outbound")
			.append("\"><div class=\"meta\"><span class=\"kind\">")
			.append(inbound ? "Text from this phone" : "Text to this phone")
			.append("</span> ")
			.append(time(message.created()))
			.append(" ")
			.append(status(message.status()))
			.append(" <span class=\"sid\">")
			.append(escape(message.sid()))
			.append("</span></div><p class=\"body\">")
			.append(escape(message.body()))
			.append("</p>");
		hooks(html, message.document());
		html.append("</li>\n");
	}

	private void call(StringBuilder html, VoiceCall call) {
		html.append("<li class=\"call\"><div class=\"meta\"><span class=\"kind\">Call to this phone</span> ")
			.append(time(call.created()))
			.append(" ")
			.append(status(call.status()))
			.append(" <span class=\"sid\">")
			.append(escape(call.sid()))
			.append("</span></div>");
		if (call.spoken() != null) {
			html.append("<p class=\"spoken\">Says: ").append(escape(call.spoken())).append("</p>");
		}
		if (this.simulation.waitingForKey(call.sid())) {
			html.append("<p class=\"waiting\">Waiting for a key</p>")
				.append("<form method=\"post\" action=\"/page/press\"><input type=\"hidden\" name=\"sid\" value=\"")
				.append(escape(call.sid()))
				.append("\"><button class=\"key\" type=\"submit\" name=\"digits\" value=\"1\">1</button>")
				.append("<button class=\"key\" type=\"submit\" name=\"digits\" value=\"2\">2</button></form>")
				.append("<form method=\"post\" action=\"/page/press\"><input type=\"hidden\" name=\"sid\" value=\"")
				.append(escape(call.sid()))
				.append("\"><label>Keys <input class=\"digits\" type=\"text\" name=\"digits\" required")
				.append(" pattern=\"[0-9*#]{1,32}\" autocomplete=\"off\"></label>")
				.append("<button type=\"submit\">Press</button></form>");
		}
		if (call.digits() != null) {
			html.append("<p class=\"spoken\">Pressed ").append(escape(call.digits()));
			if (call.gatherAnswer() != null) {
				html.append(", answered: ").append(escape(call.gatherAnswer()));
			}
			html.append("</p>");
		}
		hooks(html, call.document());
		html.append("</li>\n");
	}

	private static void hooks(StringBuilder html, Map<String, Object> document) {
		if (!(document.get("webhooks") instanceof List<?> hooks) || hooks.isEmpty()) {
			return;
		}
		List<String> answers = new ArrayList<>();
		for (Object hook : hooks) {
			if (hook instanceof Map<?, ?> map) {
				Object code = map.get("status_code");
				answers.add(map.get("event") + " " + ((code != null) ? code : "no answer"));
			}
		}
		html.append("<p class=\"hooks\">Webhooks: ").append(escape(String.join(", ", answers))).append("</p>");
	}

	private static String status(String status) {
		String tone = switch (status) {
			case "delivered", "completed", "received" -> " good";
			case "failed", "undelivered", "no-answer", "busy", "canceled" -> " bad";
			default -> "";
		};
		return "<span class=\"status" + tone + "\">" + escape(status) + "</span>";
	}

	private static String time(Instant instant) {
		return "<time datetime=\"" + escape(instant.toString()) + "\">" + escape(TIME.format(instant)) + "</time>";
	}

	private static String select(String name, List<String> values, String selected) {
		StringBuilder select = new StringBuilder("<select name=\"").append(name).append("\">");
		for (String value : values) {
			select.append("<option value=\"")
				.append(escape(value))
				.append("\"")
				.append(value.equals(selected) ? " selected" : "")
				.append(">")
				.append(escape(value))
				.append("</option>");
		}
		return select.append("</select>").toString();
	}

	/**
	 * Escapes a value for HTML text and attribute values.
	 * @param value the value, may be {@code null}
	 * @return the escaped text
	 */
	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
