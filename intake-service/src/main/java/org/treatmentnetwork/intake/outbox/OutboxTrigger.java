package org.treatmentnetwork.intake.outbox;

/**
 * Tells the relay that new events were stored in a request, so that it publishes them at
 * once instead of at the next poll.
 */
public interface OutboxTrigger {

	/**
	 * Asks the relay to publish the new events of a request soon. Never blocks and never
	 * fails; the relay also polls, so a request it does not get to this way is published
	 * at the next poll.
	 * @param requestId the request whose document has new pending events
	 */
	void trigger(String requestId);

}
