package org.treatmentnetwork.localstack.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.treatmentnetwork.localstack.sms.History.Hook;
import org.treatmentnetwork.localstack.sms.History.Step;

/**
 * A text message: one sent through the API ({@code outbound}, source {@code api}), one
 * sent as a {@code <Message>} in a webhook's answer ({@code outbound}, source
 * {@code reply}), or one a phone sent ({@code inbound}). Its document holds what the API
 * received and what the simulator did, nothing else.
 */
final class TextMessage {

	static final String OUTBOUND = "outbound";

	static final String INBOUND = "inbound";

	private final String sid;

	private final String direction;

	private final String source;

	private final String from;

	private final String to;

	private final String body;

	private final Instant created;

	private final String statusCallback;

	private final List<Step> statuses;

	private final List<Hook> webhooks;

	private TextMessage(String sid, String direction, String source, String from, String to, String body,
			Instant created, String statusCallback, List<Step> statuses, List<Hook> webhooks) {
		this.sid = sid;
		this.direction = direction;
		this.source = source;
		this.from = from;
		this.to = to;
		this.body = body;
		this.created = created;
		this.statusCallback = statusCallback;
		this.statuses = new ArrayList<>(statuses);
		this.webhooks = new ArrayList<>(webhooks);
	}

	static TextMessage outbound(String sid, String source, String from, String to, String body, String statusCallback) {
		Instant now = Instant.now();
		return new TextMessage(sid, OUTBOUND, source, from, to, body, now, statusCallback,
				List.of(new Step("queued", now, null)), List.of());
	}

	static TextMessage inbound(String sid, String from, String to, String body) {
		Instant now = Instant.now();
		return new TextMessage(sid, INBOUND, "phone", from, to, body, now, null,
				List.of(new Step("received", now, null)), List.of());
	}

	String sid() {
		return this.sid;
	}

	String direction() {
		return this.direction;
	}

	String from() {
		return this.from;
	}

	String to() {
		return this.to;
	}

	String body() {
		return this.body;
	}

	Instant created() {
		return this.created;
	}

	String statusCallback() {
		return this.statusCallback;
	}

	/**
	 * The phone at the other end: the recipient of an outbound message, the sender of an
	 * inbound one.
	 * @return the phone number
	 */
	String phone() {
		return OUTBOUND.equals(this.direction) ? this.to : this.from;
	}

	/**
	 * Twilio's {@code direction} of the message.
	 * @return {@code outbound-api}, {@code outbound-reply} or {@code inbound}
	 */
	String twilioDirection() {
		return INBOUND.equals(this.direction) ? "inbound" : "outbound-" + this.source;
	}

	synchronized String status() {
		return this.statuses.get(this.statuses.size() - 1).status();
	}

	synchronized Integer errorCode() {
		return this.statuses.get(this.statuses.size() - 1).errorCode();
	}

	synchronized Instant updated() {
		return this.statuses.get(this.statuses.size() - 1).at();
	}

	synchronized void status(String status, Integer errorCode) {
		this.statuses.add(new Step(status, Instant.now(), errorCode));
	}

	synchronized void webhook(Hook hook) {
		this.webhooks.add(hook);
	}

	synchronized List<Step> statuses() {
		return List.copyOf(this.statuses);
	}

	synchronized Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("sid", this.sid);
		document.put("direction", this.direction);
		document.put("source", this.source);
		document.put("from", this.from);
		document.put("to", this.to);
		document.put("body", this.body);
		document.put("created", this.created.toString());
		document.put("status", status());
		document.put("error_code", errorCode());
		document.put("status_callback", this.statusCallback);
		document.put("statuses", History.steps(this.statuses));
		document.put("webhooks", History.hooks(this.webhooks));
		return document;
	}

	static TextMessage of(Map<String, Object> document) {
		List<Step> statuses = History.steps(document, "statuses");
		if (statuses.isEmpty()) {
			throw new IllegalArgumentException("a message without a status");
		}
		String sid = History.string(document, "sid");
		if (sid == null || !sid.matches("SM[0-9a-f]{32}")) {
			throw new IllegalArgumentException("a message without a valid sid");
		}
		String source = History.string(document, "source");
		return new TextMessage(sid, History.string(document, "direction"), (source != null) ? source : "api",
				History.string(document, "from"), History.string(document, "to"), History.string(document, "body"),
				History.instant(document, "created"), History.string(document, "status_callback"), statuses,
				History.hooks(document, "webhooks"));
	}

}
