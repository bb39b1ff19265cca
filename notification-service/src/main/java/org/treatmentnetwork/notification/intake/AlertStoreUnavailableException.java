package org.treatmentnetwork.notification.intake;

/**
 * The alert store could not be reached or did not answer in time. The record is fine and
 * is retried until the store is back instead of going to the dead-letter topic.
 */
class AlertStoreUnavailableException extends RuntimeException {

	AlertStoreUnavailableException(Throwable cause) {
		super("The alert store is unavailable", cause);
	}

}
