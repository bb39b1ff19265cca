package org.treatmentnetwork.notification.alerts;

/**
 * Kinds of entries in an alert's timeline.
 */
public enum TimelineType {

	CREATED, NOTIFIED, DELIVERY_FAILED, ESCALATED, ACKNOWLEDGED, RESOLVED

}
