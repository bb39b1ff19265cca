package org.treatmentnetwork.intake.outbox;

import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code contact_requests} collection: its name and the outbox fields that each of
 * its documents carries, defined here once for every feature that reads or writes it. A
 * request is stored with its first event pending ({@code requests/ContactRequestDocument}
 * maps these fields); a later change that emits an event adds it with
 * {@link #addEvent(Update, ContactRequestEvent)} in the same update, so that the change
 * and its event are one atomic write; everything else on these fields is the relay's
 * ({@link OutboxStore}). Kept in the outbox package, which depends on none of the
 * features that use the collection.
 */
public final class ContactRequestCollection {

	/** The collection's name. */
	public static final String NAME = "contact_requests";

	/**
	 * The events still to publish, oldest first ({@link ContactRequestEvent#toBson()}).
	 */
	public static final String PENDING_EVENTS = "pendingEvents";

	/** {@code true} while {@link #PENDING_EVENTS} may hold events. */
	public static final String OUTBOX_PENDING = "outboxPending";

	/** The relay claim that holds the document, if any. */
	public static final String OUTBOX_LEASE_OWNER = "outboxLeaseOwner";

	/** Until when {@link #OUTBOX_LEASE_OWNER} holds the document. */
	public static final String OUTBOX_LEASE_UNTIL = "outboxLeaseUntil";

	/** Failed publishing attempts in a row. */
	public static final String OUTBOX_ATTEMPTS = "outboxAttempts";

	/** When the relay may try next. */
	public static final String OUTBOX_NEXT_ATTEMPT_AT = "outboxNextAttemptAt";

	private ContactRequestCollection() {
	}

	/**
	 * Adds an event to a document's outbox, as part of the update that makes the change
	 * the event reports.
	 * @param update the change
	 * @param event the event it emits
	 * @return {@code update}, which now also appends the event and marks the outbox
	 * pending
	 */
	public static Update addEvent(Update update, ContactRequestEvent event) {
		return update.push(PENDING_EVENTS, event.toBson()).set(OUTBOX_PENDING, true);
	}

}
