package org.treatmentnetwork.localstack.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.treatmentnetwork.localstack.sms.History.Hook;
import org.treatmentnetwork.localstack.sms.History.Step;

/**
 * A voice call placed through the API: what it was given (inline TwiML or the URL to
 * fetch it from, the status callback, the ring timeout), what it said, which key was
 * pressed, what the gather's action answered, and the statuses it went through. Its
 * document holds nothing else.
 */
final class VoiceCall {

	private final String sid;

	private final String from;

	private final String to;

	private final Instant created;

	private final String url;

	private final String statusCallback;

	private final Integer timeout;

	private final List<Step> statuses;

	private final List<Hook> webhooks;

	private String twiml;

	private String spoken;

	private String gatherAction;

	private String gatherMethod;

	private Integer numDigits;

	private String digits;

	private Integer gatherStatusCode;

	private String gatherAnswer;

	private String gatherTwiml;

	private Instant startTime;

	private Instant endTime;

	private Long duration;

	private String error;

	private VoiceCall(String sid, String from, String to, Instant created, String url, String twiml,
			String statusCallback, Integer timeout, List<Step> statuses, List<Hook> webhooks) {
		this.sid = sid;
		this.from = from;
		this.to = to;
		this.created = created;
		this.url = url;
		this.twiml = twiml;
		this.statusCallback = statusCallback;
		this.timeout = timeout;
		this.statuses = new ArrayList<>(statuses);
		this.webhooks = new ArrayList<>(webhooks);
	}

	static VoiceCall placed(String sid, String from, String to, String url, String twiml, String statusCallback,
			Integer timeout) {
		Instant now = Instant.now();
		return new VoiceCall(sid, from, to, now, url, twiml, statusCallback, timeout,
				List.of(new Step("queued", now, null)), List.of());
	}

	String sid() {
		return this.sid;
	}

	String from() {
		return this.from;
	}

	String to() {
		return this.to;
	}

	String url() {
		return this.url;
	}

	String statusCallback() {
		return this.statusCallback;
	}

	Instant created() {
		return this.created;
	}

	synchronized String twiml() {
		return this.twiml;
	}

	synchronized String status() {
		return this.statuses.get(this.statuses.size() - 1).status();
	}

	synchronized Instant updated() {
		return this.statuses.get(this.statuses.size() - 1).at();
	}

	synchronized String spoken() {
		return this.spoken;
	}

	synchronized String gatherAction() {
		return this.gatherAction;
	}

	synchronized String gatherMethod() {
		return this.gatherMethod;
	}

	synchronized Integer numDigits() {
		return this.numDigits;
	}

	synchronized String digits() {
		return this.digits;
	}

	synchronized String gatherAnswer() {
		return this.gatherAnswer;
	}

	synchronized Instant startTime() {
		return this.startTime;
	}

	synchronized Instant endTime() {
		return this.endTime;
	}

	synchronized Long duration() {
		return this.duration;
	}

	synchronized void status(String status) {
		Instant now = Instant.now();
		this.statuses.add(new Step(status, now, null));
		if ("in-progress".equals(status)) {
			this.startTime = now;
		}
	}

	synchronized void end(String status) {
		Instant now = Instant.now();
		this.statuses.add(new Step(status, now, null));
		if (this.startTime != null) {
			this.endTime = now;
			this.duration = Duration.between(this.startTime, now).toSeconds();
		}
	}

	synchronized void said(String twiml, TwiML document) {
		this.twiml = twiml;
		this.spoken = document.spoken();
		if (document.gather() != null) {
			this.gatherAction = document.gather().action();
			this.gatherMethod = document.gather().method();
			this.numDigits = document.gather().numDigits();
		}
	}

	synchronized void pressed(String digits, Webhooks.Result result, String answerTwiml, String answerSpoken) {
		this.digits = digits;
		this.gatherStatusCode = (result != null) ? result.statusCode() : null;
		this.gatherTwiml = answerTwiml;
		this.gatherAnswer = answerSpoken;
	}

	synchronized void webhook(Hook hook) {
		this.webhooks.add(hook);
	}

	synchronized void error(String error) {
		this.error = error;
	}

	synchronized Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("sid", this.sid);
		document.put("from", this.from);
		document.put("to", this.to);
		document.put("created", this.created.toString());
		document.put("status", status());
		document.put("url", this.url);
		document.put("twiml", this.twiml);
		document.put("status_callback", this.statusCallback);
		document.put("timeout", this.timeout);
		document.put("spoken", this.spoken);
		document.put("gather_action", this.gatherAction);
		document.put("gather_method", this.gatherMethod);
		document.put("num_digits", this.numDigits);
		document.put("digits", this.digits);
		document.put("gather_status_code", this.gatherStatusCode);
		document.put("gather_answer", this.gatherAnswer);
		document.put("gather_twiml", this.gatherTwiml);
		document.put("start_time", (this.startTime != null) ? this.startTime.toString() : null);
		document.put("end_time", (this.endTime != null) ? this.endTime.toString() : null);
		document.put("duration", this.duration);
		document.put("error", this.error);
		document.put("statuses", History.steps(this.statuses));
		document.put("webhooks", History.hooks(this.webhooks));
		return document;
	}

	static VoiceCall of(Map<String, Object> document) {
		List<Step> statuses = History.steps(document, "statuses");
		if (statuses.isEmpty()) {
			throw new IllegalArgumentException("a call without a status");
		}
		String sid = History.string(document, "sid");
		if (sid == null || !sid.matches("CA[0-9a-f]{32}")) {
			throw new IllegalArgumentException("a call without a valid sid");
		}
		VoiceCall call = new VoiceCall(sid, History.string(document, "from"), History.string(document, "to"),
				History.instant(document, "created"), History.string(document, "url"),
				History.string(document, "twiml"), History.string(document, "status_callback"),
				History.integer(document, "timeout"), statuses, History.hooks(document, "webhooks"));
		call.spoken = History.string(document, "spoken");
		call.gatherAction = History.string(document, "gather_action");
		call.gatherMethod = History.string(document, "gather_method");
		call.numDigits = History.integer(document, "num_digits");
		call.digits = History.string(document, "digits");
		call.gatherStatusCode = History.integer(document, "gather_status_code");
		call.gatherAnswer = History.string(document, "gather_answer");
		call.gatherTwiml = History.string(document, "gather_twiml");
		call.startTime = (document.get("start_time") != null) ? History.instant(document, "start_time") : null;
		call.endTime = (document.get("end_time") != null) ? History.instant(document, "end_time") : null;
		call.duration = (document.get("duration") instanceof Number number) ? number.longValue() : null;
		call.error = History.string(document, "error");
		return call;
	}

}
