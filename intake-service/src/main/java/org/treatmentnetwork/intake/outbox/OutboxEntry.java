package org.treatmentnetwork.intake.outbox;

import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * The outbox part of a claimed contact request document.
 *
 * @param id the request's id, the record key
 * @param pendingEvents the events still to publish, oldest first
 * @param outboxAttempts failed attempts so far
 */
record OutboxEntry(@Id String id, List<ContactRequestEvent> pendingEvents, int outboxAttempts) {

	OutboxEntry {
		pendingEvents = (pendingEvents != null) ? List.copyOf(pendingEvents) : List.of();
	}

}
