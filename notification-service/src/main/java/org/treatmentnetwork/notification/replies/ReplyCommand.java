package org.treatmentnetwork.notification.replies;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text reply asks for: {@code 1}, {@code ACK} or {@code ACK 4821} acknowledges,
 * {@code ESC} or {@code ESC 4821} escalates at once (case, spaces and a trailing full
 * stop do not matter); anything else asks for help.
 *
 * @param action what to do
 * @param code the alert's reply code, or {@code null} for "the one open alert"
 */
record ReplyCommand(Action action, String code) {

	private static final Pattern COMMAND = Pattern.compile("^(1|ACK|ACKNOWLEDGE|OK|ESC|ESCALATE)(?:\\s+(\\d{4}))?$");

	private static final Pattern CODE_FIRST = Pattern.compile("^1\\s+(\\d{4})$");

	static ReplyCommand parse(String body) {
		if (body == null) {
			return new ReplyCommand(Action.HELP, null);
		}
		String text = body.strip().replaceAll("[.!]+$", "").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
		Matcher codeFirst = CODE_FIRST.matcher(text);
		if (codeFirst.matches()) {
			return new ReplyCommand(Action.ACKNOWLEDGE, codeFirst.group(1));
		}
		Matcher matcher = COMMAND.matcher(text);
		if (!matcher.matches()) {
			return new ReplyCommand(Action.HELP, null);
		}
		Action action = matcher.group(1).startsWith("ESC") ? Action.ESCALATE : Action.ACKNOWLEDGE;
		return new ReplyCommand(action, matcher.group(2));
	}

	enum Action {

		ACKNOWLEDGE, ESCALATE, HELP

	}

}
