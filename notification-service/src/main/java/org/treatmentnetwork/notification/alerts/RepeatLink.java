package org.treatmentnetwork.notification.alerts;

/**
 * What linking a repeat of the same person to that person's open alert did.
 */
public enum RepeatLink {

	/** Linked; its higher urgency was taken over and escalation starts again at once. */
	URGENCY_RAISED,

	/** Linked; whoever is currently paged is told that the person reached out again. */
	NOTICE_PENDING,

	/** Linked before (a redelivered event): nothing changed. */
	ALREADY_LINKED,

	/** The person has no open alert: the repeat needs an alert of its own. */
	NO_OPEN_ALERT

}
