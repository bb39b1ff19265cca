package org.treatmentnetwork.notification.alerts;

/**
 * An alert cannot be acknowledged because it is already resolved.
 */
public class AlertAlreadyResolvedException extends RuntimeException {

	public AlertAlreadyResolvedException() {
		super("The alert is already resolved");
	}

}
