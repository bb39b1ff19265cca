package org.treatmentnetwork.notification.channels;

/**
 * The receiving end refused a message for good (such as an HTTP {@code 4xx} other than
 * {@code 429}); retrying would not help and it says nothing about the channel's health.
 */
public class PermanentDeliveryException extends RuntimeException {

	public PermanentDeliveryException(String message) {
		super(message);
	}

}
