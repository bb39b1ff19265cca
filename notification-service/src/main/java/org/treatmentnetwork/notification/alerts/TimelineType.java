package org.treatmentnetwork.notification.alerts;

/**
 * Kinds of entries in an alert's timeline.
 */
public enum TimelineType {

	CREATED, NOTIFIED, DELIVERY_FAILED, ESCALATED, ACKNOWLEDGED, RESOLVED,

	/**
	 * A later request of the same person (a repeat) was linked to this alert instead of
	 * opening its own.
	 */
	DUPLICATE_LINKED,

	/**
	 * A repeat of a higher urgency raised the alert's urgency; the escalation of that
	 * urgency starts again at step 1, at once.
	 */
	URGENCY_RAISED,

	/**
	 * The person currently paged (recipient, channel) was told that the person reached
	 * out again (a repeat of the same or a lower urgency).
	 */
	REPEAT_NOTIFIED,

	/** The provider reported a text message delivered to the recipient's phone. */
	DELIVERED,

	/**
	 * A call was not answered, was busy or failed, or was answered without a key pressed
	 * (a voicemail): it counts as no answer, and the next contact method is tried.
	 */
	NO_ANSWER,

	/**
	 * A re-page that went into a summary of the recipient's open alerts instead of a
	 * message of its own (many alerts open for one person).
	 */
	BUNDLED

}
