package org.treatmentnetwork.notification.alerts;

/**
 * Kinds of entries in an alert's timeline.
 */
public enum TimelineType {

	CREATED, NOTIFIED, DELIVERY_FAILED, ESCALATED, ACKNOWLEDGED, RESOLVED,

	/** A later request of the same person was attached instead of paging again. */
	DUPLICATE_LINKED

}
