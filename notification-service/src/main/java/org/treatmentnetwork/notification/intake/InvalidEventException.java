package org.treatmentnetwork.notification.intake;

/**
 * A record that can never be processed (not JSON, or missing required fields). Not
 * retried: it goes straight to the dead-letter topic. The message never contains the
 * record's content.
 */
class InvalidEventException extends RuntimeException {

	InvalidEventException(String message) {
		super(message);
	}

	InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
