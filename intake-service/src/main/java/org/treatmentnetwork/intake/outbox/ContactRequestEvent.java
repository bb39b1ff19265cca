package org.treatmentnetwork.intake.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An event on {@code intake.contact-requests.v1}, exactly the contract's fields. It
 * carries no personal data: no name, phone, e-mail, message or substances. Stored as is
 * in the request's {@code pendingEvents} until Kafka acknowledges it.
 *
 * @param eventId unique per event; consumers deduplicate on it
 * @param type {@code ContactRequestReceived} or {@code ContactRequestStatusChanged}
 * @param occurredAt when it happened
 * @param requestId the request's id, also the record key
 * @param reference the request's short reference
 * @param urgency {@code CRISIS}, {@code HIGH} or {@code ROUTINE}
 * @param source {@code WEB} or {@code PHONE}
 * @param centerId the chosen center, or {@code null}
 * @param status the request's status after the event
 * @param firstContactDueAt when the first contact is due
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "eventId", "type", "occurredAt", "requestId", "reference", "urgency", "source", "centerId",
		"status", "firstContactDueAt" })
public record ContactRequestEvent(String eventId, String type, Instant occurredAt, String requestId, String reference,
		String urgency, String source, String centerId, String status, Instant firstContactDueAt) {

	/** The type of the event published when a request is received. */
	public static final String RECEIVED = "ContactRequestReceived";

	/**
	 * A new {@code ContactRequestReceived} event with a fresh id.
	 */
	public static ContactRequestEvent received(String requestId, String reference, String urgency, String source,
			String centerId, String status, Instant occurredAt, Instant firstContactDueAt) {
		return new ContactRequestEvent(UUID.randomUUID().toString(), RECEIVED, occurredAt, requestId, reference,
				urgency, source, centerId, status, firstContactDueAt);
	}

}
