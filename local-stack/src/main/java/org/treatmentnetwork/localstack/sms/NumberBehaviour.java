package org.treatmentnetwork.localstack.sms;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a phone number behaves: whether texts to it are delivered, and whether it answers
 * calls. Kept in memory only; a number nobody set delivers and answers.
 *
 * @param messages what happens to texts
 * @param calls what happens to calls
 */
record NumberBehaviour(Texts messages, Calls calls) {

	static final NumberBehaviour DEFAULT = new NumberBehaviour(Texts.DELIVER, Calls.ANSWER);

	/** What happens to a text. */
	enum Texts {

		/** {@code sent}, then {@code delivered}. */
		DELIVER("deliver"),

		/** {@code failed} with error 30005 (unknown destination handset). */
		FAIL("fail"),

		/**
		 * {@code sent}, then {@code undelivered} with error 30003 (unreachable handset).
		 */
		UNDELIVER("undeliver");

		private final String value;

		Texts(String value) {
			this.value = value;
		}

		String value() {
			return this.value;
		}

		static Texts of(String value) {
			return Arrays.stream(values())
				.filter((texts) -> texts.value.equals(value))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"messages must be one of " + Arrays.stream(values()).map(Texts::value).toList()));
		}

	}

	/** What happens to a call. */
	enum Calls {

		/** Answered; waits for a key. */
		ANSWER("answer"),

		/** Rings, nobody answers: {@code no-answer}. */
		NO_ANSWER("no-answer"),

		/** {@code busy}. */
		BUSY("busy"),

		/** {@code failed}. */
		FAIL("fail");

		private final String value;

		Calls(String value) {
			this.value = value;
		}

		String value() {
			return this.value;
		}

		/**
		 * The call's final status when it is not answered.
		 * @return {@code no-answer}, {@code busy} or {@code failed}
		 */
		String status() {
			return (this == FAIL) ? "failed" : this.value;
		}

		static Calls of(String value) {
			return Arrays.stream(values())
				.filter((calls) -> calls.value.equals(value))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"calls must be one of " + Arrays.stream(values()).map(Calls::value).toList()));
		}

	}

	static List<String> textValues() {
		return Arrays.stream(Texts.values()).map(Texts::value).toList();
	}

	static List<String> callValues() {
		return Arrays.stream(Calls.values()).map(Calls::value).toList();
	}

	/**
	 * This behaviour with what a request changes.
	 * @param messages the new text behaviour, or {@code null} to keep it
	 * @param calls the new call behaviour, or {@code null} to keep it
	 * @return the changed behaviour
	 */
	NumberBehaviour with(String messages, String calls) {
		return new NumberBehaviour((messages != null) ? Texts.of(messages) : this.messages,
				(calls != null) ? Calls.of(calls) : this.calls);
	}

	Map<String, Object> document(String number) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("number", number);
		document.put("messages", this.messages.value());
		document.put("calls", this.calls.value());
		return document;
	}

}
