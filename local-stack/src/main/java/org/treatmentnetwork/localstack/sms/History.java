package org.treatmentnetwork.localstack.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to a message or a call, as kept in its document: the statuses it went
 * through and what each webhook answered.
 */
final class History {

	private History() {
	}

	/**
	 * A status a message or call reached.
	 *
	 * @param status the status, such as {@code sent}
	 * @param at when
	 * @param errorCode the error code that came with it, or {@code null}
	 */
	record Step(String status, Instant at, Integer errorCode) {

		Map<String, Object> document() {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("status", this.status);
			document.put("at", this.at.toString());
			if (this.errorCode != null) {
				document.put("error_code", this.errorCode);
			}
			return document;
		}

		static Step of(Map<?, ?> document) {
			return new Step(string(document, "status"), instant(document, "at"), integer(document, "error_code"));
		}

	}

	/**
	 * A webhook the simulator called.
	 *
	 * @param event which one, such as {@code status sent}, {@code gather} or
	 * {@code inbound}
	 * @param statusCode what it answered, or {@code null} if it did not
	 * @param attempts how many requests were sent
	 * @param at when the last one was answered or failed
	 * @param error why there was no answer, or {@code null}
	 */
	record Hook(String event, Integer statusCode, int attempts, Instant at, String error) {

		static Hook of(String event, Webhooks.Result result) {
			return new Hook(event, result.statusCode(), result.attempts(), Instant.now(), result.error());
		}

		Map<String, Object> document() {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("event", this.event);
			document.put("status_code", this.statusCode);
			document.put("attempts", this.attempts);
			document.put("at", this.at.toString());
			if (this.error != null) {
				document.put("error", this.error);
			}
			return document;
		}

		static Hook of(Map<?, ?> document) {
			Integer attempts = integer(document, "attempts");
			return new Hook(string(document, "event"), integer(document, "status_code"),
					(attempts != null) ? attempts : 0, instant(document, "at"), string(document, "error"));
		}

	}

	static List<Object> steps(List<Step> steps) {
		return new ArrayList<>(steps.stream().map(Step::document).toList());
	}

	static List<Object> hooks(List<Hook> hooks) {
		return new ArrayList<>(hooks.stream().map(Hook::document).toList());
	}

	static List<Step> steps(Map<?, ?> document, String key) {
		return maps(document, key).stream().map(Step::of).toList();
	}

	static List<Hook> hooks(Map<?, ?> document, String key) {
		return maps(document, key).stream().map(Hook::of).toList();
	}

	private static List<Map<?, ?>> maps(Map<?, ?> document, String key) {
		List<Map<?, ?>> maps = new ArrayList<>();
		if (document.get(key) instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					maps.add(map);
				}
			}
		}
		return maps;
	}

	static String string(Map<?, ?> document, String key) {
		Object value = document.get(key);
		return (value != null) ? value.toString() : null;
	}

	static Integer integer(Map<?, ?> document, String key) {
		return (document.get(key) instanceof Number number) ? number.intValue() : null;
	}

	static Instant instant(Map<?, ?> document, String key) {
		String value = string(document, key);
		return (value != null) ? Instant.parse(value) : Instant.EPOCH;
	}

}
