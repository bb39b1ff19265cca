package org.treatmentnetwork.notification.channels;

/**
 * A message the channel handed over.
 *
 * @param providerId the provider's id of the message or call (Twilio's {@code sid}), by
 * which its receipts come back; {@code null} for channels without receipts (e-mail,
 * webhooks)
 */
public record Sent(String providerId) {

	/** Handed over, no receipt to expect. */
	public static final Sent NO_RECEIPT = new Sent(null);

}
