package org.treatmentnetwork.notification.contactmethods;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.treatmentnetwork.notification.channels.AlertMessage;

/**
 * The texts of the messages that are not pages: the confirmation code and the test
 * message. Neither carries alert data; neither is a delivery of a page (no delivery id)
 * nor urgent, so each uses only the part of the channel's per-person limit that re-pages
 * may use.
 */
final class ContactMethodMessages {

	static final String TEST_TEXT = "Test page from the treatment network: this is how your pages arrive.";

	private ContactMethodMessages() {
	}

	/**
	 * A confirmation code: texted, read out digit by digit in a call, e-mailed or posted.
	 * @param code the six digits
	 * @param validity how long the code can be entered
	 * @return the message, without its address
	 */
	static AlertMessage code(String code, Duration validity) {
		String expires = "It expires in " + ContactMethods.describe(validity) + ".";
		String text = "Treatment network: your confirmation code is " + code + ". " + expires;
		String body = "Your confirmation code for this contact method is " + code + ".\n\n" + expires
				+ " Enter it where you added the contact method. If you did not add it, ignore this message.\n";
		String digits = code.chars().mapToObj(Character::toString).collect(Collectors.joining(", "));
		String spoken = "This is the treatment network. Your confirmation code is " + digits + ".";
		return new AlertMessage(null, "Your confirmation code", body, text,
				Map.of("kind", "CONFIRMATION_CODE", "code", code))
			.spoken(spoken)
			.urgent(false);
	}

	/**
	 * A test message: what a page looks like on the method, with no alert in it.
	 * @return the message, without its address
	 */
	static AlertMessage test() {
		return new AlertMessage(null, "Test page", TEST_TEXT + "\n", TEST_TEXT, Map.of("kind", "TEST_PAGE"))
			.urgent(false);
	}

}
