package org.treatmentnetwork.notification.contactmethods;

/**
 * Whether a confirmation code or a test message went out.
 */
enum Delivery {

	/** Handed over to the channel. */
	SENT,

	/**
	 * Not handed over: the channel failed, is off or took too long, or (for a code) the
	 * person's limit of codes was reached.
	 */
	NOT_SENT

}
