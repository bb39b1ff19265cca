package org.treatmentnetwork.notification.alerts;

/**
 * Where an alert is in its life.
 */
public enum AlertState {

	/** Created; staff are being paged until someone acknowledges. */
	TRIGGERED,

	/** A staff member took it; escalation stops. */
	ACKNOWLEDGED,

	/** The request was contacted (or closed); nothing more to do. */
	RESOLVED

}
