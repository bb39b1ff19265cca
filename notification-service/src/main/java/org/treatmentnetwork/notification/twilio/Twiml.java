package org.treatmentnetwork.notification.twilio;

import org.springframework.web.util.HtmlUtils;

/**
 * The TwiML documents the service answers with or sends: what a call says and the key it
 * waits for, and the text replies to an incoming message. Every text is XML-escaped.
 */
public final class Twiml {

	/** The media type of TwiML. */
	public static final String MEDIA_TYPE = "text/xml";

	private Twiml() {
	}

	/**
	 * A call that says something, then waits for one key, posted to {@code action}.
	 * @param speech what the call says (repeated once while it waits)
	 * @param action the URL the key goes to
	 * @param timeoutSeconds how long to wait for the key
	 * @return the document
	 */
	public static String gather(String speech, String action, long timeoutSeconds) {
		String say = say(speech);
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather action=\"" + escape(action)
				+ "\" method=\"POST\" numDigits=\"1\" timeout=\"" + timeoutSeconds + "\">" + say + say + "</Gather>"
				+ say("No key was pressed. Goodbye.") + "</Response>";
	}

	/**
	 * A call that only says something.
	 * @param speech what the call says
	 * @param twice whether to say it twice
	 * @return the document
	 */
	public static String say(String speech, boolean twice) {
		String say = say(speech);
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + say + (twice ? say : "") + "</Response>";
	}

	/**
	 * The answer to an incoming text: one reply message, or none.
	 * @param reply the reply, or {@code null} for none
	 * @return the document
	 */
	public static String message(String reply) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
				+ ((reply != null) ? "<Message>" + escape(reply) + "</Message>" : "") + "</Response>";
	}

	private static String say(String speech) {
		return "<Say>" + escape(speech) + "</Say>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
