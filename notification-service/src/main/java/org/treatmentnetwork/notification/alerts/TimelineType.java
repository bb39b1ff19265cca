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
	REPEAT_NOTIFIED

}
