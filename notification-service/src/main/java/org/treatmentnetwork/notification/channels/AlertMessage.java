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
 * @param spoken what a phone call says before it asks for a key (voice); {@code null} for
 * {@code shortText}
 * @param deliveryId the id under which the provider's receipts and the recipient's
 * keypresses come back ({@code deliveries} collection); {@code null} for a message that
 * is not a page (a confirmation code, a test message)
 * @param urgent whether the message may use the part of the recipient's rate limit that
 * re-pages cannot use up: the first page of an alert and every CRISIS page
 */
public record AlertMessage(String to, String subject, String body, String shortText, Map<String, String> fields,
		String spoken, String deliveryId, boolean urgent) {

	public AlertMessage {
		fields = Map.copyOf(fields);
	}

	public AlertMessage(String to, String subject, String body, String shortText, Map<String, String> fields) {
		this(to, subject, body, shortText, fields, null, null, false);
	}

	public AlertMessage to(String address) {
		return new AlertMessage(address, this.subject, this.body, this.shortText, this.fields, this.spoken,
				this.deliveryId, this.urgent);
	}

	/**
	 * This message as one delivery of a page.
	 * @param id the delivery id
	 * @return the message with that id
	 */
	public AlertMessage delivery(String id) {
		return new AlertMessage(this.to, this.subject, this.body, this.shortText, this.fields, this.spoken, id,
				this.urgent);
	}

	/**
	 * This message with its priority.
	 * @param isUrgent whether it is a first page or a CRISIS page
	 * @return the message
	 */
	public AlertMessage urgent(boolean isUrgent) {
		return new AlertMessage(this.to, this.subject, this.body, this.shortText, this.fields, this.spoken,
				this.deliveryId, isUrgent);
	}

	/**
	 * This message with what a call says.
	 * @param text the spoken text
	 * @return the message
	 */
	public AlertMessage spoken(String text) {
		return new AlertMessage(this.to, this.subject, this.body, this.shortText, this.fields, text, this.deliveryId,
				this.urgent);
	}

	/**
	 * What a call says: {@code spoken}, or the short text.
	 * @return the text to speak
	 */
	public String speech() {
		return (this.spoken != null) ? this.spoken : this.shortText;
	}

}
