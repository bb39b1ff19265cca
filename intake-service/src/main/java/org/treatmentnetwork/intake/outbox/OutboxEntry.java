package org.treatmentnetwork.intake.outbox;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The outbox part of a claimed contact request document.
 *
 * @param id the request's id, the record key
 * @param pendingEvents the events still to publish, oldest first
 * @param outboxAttempts failed attempts so far
 */
record OutboxEntry(@Id String id,
		@Field(ContactRequestCollection.PENDING_EVENTS) List<ContactRequestEvent> pendingEvents,
		@Field(ContactRequestCollection.OUTBOX_ATTEMPTS) int outboxAttempts) {

	OutboxEntry {
		pendingEvents = (pendingEvents != null) ? List.copyOf(pendingEvents) : List.of();
	}

}
