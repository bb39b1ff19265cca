package org.treatmentnetwork.notification.channels;

import java.util.Map;

/**
 * A page ready to send, in the shapes the channels need. Every shape carries the same
 * operational fields only.
 *
 * @param to the recipient's address for the channel
 * @param subject the subject (e-mail)
 * @param body the plain-text body (e-mail)
 * @param shortText a one-line text (SMS, chat webhooks)
 * @param fields the structured fields (webhook JSON)
 */
public record AlertMessage(String to, String subject, String body, String shortText, Map<String, String> fields) {

	public AlertMessage {
		fields = Map.copyOf(fields);
	}

	public AlertMessage to(String address) {
		return new AlertMessage(address, this.subject, this.body, this.shortText, this.fields);
	}

}
