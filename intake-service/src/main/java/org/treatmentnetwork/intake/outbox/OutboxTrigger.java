package org.treatmentnetwork.intake.outbox;

/**
 * Tells the relay that new events were stored, so publishing starts at once instead of at
 * the next poll.
 */
public interface OutboxTrigger {

	/**
	 * Asks for a relay pass soon. Never blocks and never fails; the relay also polls.
	 */
	void trigger();

}
