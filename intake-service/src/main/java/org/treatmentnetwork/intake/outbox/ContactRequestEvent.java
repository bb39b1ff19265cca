package org.treatmentnetwork.intake.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.bson.Document;

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
 * @param duplicateOf the id of an earlier request by the same person within the duplicate
 * window, omitted when there is none (an optional extension of the contract: consumers
 * that do not know it ignore it)
 * @param traceparent the W3C {@code traceparent} of the HTTP request that caused the
 * event, or {@code null}; stored with the event and sent as a Kafka header, never in the
 * value
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "eventId", "type", "occurredAt", "requestId", "reference", "urgency", "source", "centerId",
		"status", "firstContactDueAt", "duplicateOf" })
public record ContactRequestEvent(String eventId, String type, Instant occurredAt, String requestId, String reference,
		String urgency, String source, String centerId, String status, Instant firstContactDueAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf, @JsonIgnore String traceparent) {

	/** The type of the event published when a request is received. */
	public static final String RECEIVED = "ContactRequestReceived";

	/** The type of the event published when a request's status changes. */
	public static final String STATUS_CHANGED = "ContactRequestStatusChanged";

	/**
	 * A new {@code ContactRequestReceived} event with a fresh id.
	 */
	public static ContactRequestEvent received(String requestId, String reference, String urgency, String source,
			String centerId, String status, Instant occurredAt, Instant firstContactDueAt, String duplicateOf) {
		return new ContactRequestEvent(UUID.randomUUID().toString(), RECEIVED, occurredAt, requestId, reference,
				urgency, source, centerId, status, firstContactDueAt, duplicateOf, null);
	}

	/**
	 * A new {@code ContactRequestStatusChanged} event with a fresh id.
	 */
	public static ContactRequestEvent statusChanged(String requestId, String reference, String urgency, String source,
			String centerId, String status, Instant occurredAt, Instant firstContactDueAt, String duplicateOf) {
		return new ContactRequestEvent(UUID.randomUUID().toString(), STATUS_CHANGED, occurredAt, requestId, reference,
				urgency, source, centerId, status, firstContactDueAt, duplicateOf, null);
	}

	/**
	 * This event, caused by the HTTP request with this {@code traceparent}.
	 * @param traceparent the request's {@code traceparent}, or {@code null}
	 */
	public ContactRequestEvent withTraceparent(String traceparent) {
		return new ContactRequestEvent(this.eventId, this.type, this.occurredAt, this.requestId, this.reference,
				this.urgency, this.source, this.centerId, this.status, this.firstContactDueAt, this.duplicateOf,
				traceparent);
	}

	/**
	 * The event as a stored BSON document, for appending it to a request's
	 * {@code pendingEvents} with an update.
	 */
	public Document toBson() {
		Document document = new Document();
		document.put("eventId", this.eventId);
		document.put("type", this.type);
		document.put("occurredAt", Date.from(this.occurredAt));
		document.put("requestId", this.requestId);
		document.put("reference", this.reference);
		document.put("urgency", this.urgency);
		document.put("source", this.source);
		document.put("centerId", this.centerId);
		document.put("status", this.status);
		document.put("firstContactDueAt", (this.firstContactDueAt != null) ? Date.from(this.firstContactDueAt) : null);
		document.put("duplicateOf", this.duplicateOf);
		if (this.traceparent != null) {
			document.put("traceparent", this.traceparent);
		}
		return document;
	}

}
