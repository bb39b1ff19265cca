package org.treatmentnetwork.notification.twilio;

/**
 * The public paths of the provider's webhooks, on the gateway and on this service alike.
 * Each is a form-encoded {@code POST} signed with {@code X-Twilio-Signature}.
 */
public final class TwilioWebhooks {

	/** Every webhook path starts with this. */
	public static final String BASE = "/api/paging/twilio";

	/** The delivery receipts of text messages ({@code StatusCallback}). */
	public static final String MESSAGE_STATUS = BASE + "/message-status";

	/** The final status of calls ({@code StatusCallback}). */
	public static final String CALL_STATUS = BASE + "/call-status";

	/** Texts staff send to the sender number (the number's messaging webhook). */
	public static final String INBOUND_MESSAGE = BASE + "/inbound-message";

	/** The key pressed during a call (the {@code <Gather>} action). */
	public static final String GATHER = BASE + "/gather";

	/** The query parameter that names the delivery a callback is about. */
	public static final String DELIVERY_PARAMETER = "delivery";

	private TwilioWebhooks() {
	}

	/**
	 * A callback path for one delivery.
	 * @param path one of the paths
	 * @param deliveryId the delivery
	 * @return the path with the delivery as its query
	 */
	public static String forDelivery(String path, String deliveryId) {
		return path + "?" + DELIVERY_PARAMETER + "=" + deliveryId;
	}

}
