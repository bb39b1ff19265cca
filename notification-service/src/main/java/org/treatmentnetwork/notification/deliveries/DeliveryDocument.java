package org.treatmentnetwork.notification.deliveries;

import java.time.Instant;

import org.treatmentnetwork.notification.oncall.ContactMethod;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One text or call of a page ({@code deliveries} collection). Its id is in the URLs of
 * the provider's callbacks, which the signature covers, so a receipt or a keypress is
 * matched to exactly this delivery: this alert, this person.
 *
 * @param id the delivery id
 * @param alertId the alert paged
 * @param staffId the person paged
 * @param kind {@code SMS} or {@code VOICE}
 * @param address the number paged
 * @param sentAt when it was handed to the provider
 * @param providerSid the provider's id of the message or call, once it answered
 * @param outcome the final outcome, once a receipt said it ({@link Outcome})
 * @param outcomeAt when the outcome was recorded
 * @param keyPressed the key pressed during the call, if any
 */
@Document(DeliveryDocument.COLLECTION)
public record DeliveryDocument(@Id String id, String alertId, String staffId, ContactMethod.Kind kind, String address,
		Instant sentAt, String providerSid, Outcome outcome, Instant outcomeAt, String keyPressed) {

	static final String COLLECTION = "deliveries";

	static final String STAFF_ID = "staffId";

	static final String SENT_AT = "sentAt";

	static final String OUTCOME = "outcome";

	static final String KEY_PRESSED = "keyPressed";

	/**
	 * What finally became of a delivery.
	 */
	public enum Outcome {

		/** The text reached the phone. */
		DELIVERED,

		/** It never went out: the provider refused it, or a limit was reached. */
		NOT_SENT,

		/** The text could not be delivered. */
		FAILED,

		/** The call was answered and a key was pressed. */
		ANSWERED,

		/**
		 * The call was not answered, was busy or failed, or ended without a key (a
		 * voicemail).
		 */
		NO_ANSWER

	}

}
