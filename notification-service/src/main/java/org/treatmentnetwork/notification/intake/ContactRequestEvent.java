package org.treatmentnetwork.notification.intake;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's copy of the fields it reads from {@code intake.contact-requests.v1}
 * events ({@code contracts/events}); any other field is ignored.
 *
 * @param eventId the event id
 * @param type {@code ContactRequestReceived} or {@code ContactRequestStatusChanged}
 * @param occurredAt when it happened
 * @param requestId the contact request id
 * @param reference the request's short reference
 * @param urgency the request's urgency
 * @param source where the request came from
 * @param centerId the center the request is for, {@code null} for the whole network
 * @param status the request's status after the event
 * @param firstContactDueAt when the first contact is due
 * @param duplicateOf the same person's first request if this one is a repeat (intake's
 * extension of the contract), else absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactRequestEvent(String eventId, String type, Instant occurredAt, String requestId, String reference,
		String urgency, String source, String centerId, String status, Instant firstContactDueAt, String duplicateOf) {

	ContactRequestEvent(String eventId, String type, Instant occurredAt, String requestId, String reference,
			String urgency, String source, String centerId, String status, Instant firstContactDueAt) {
		this(eventId, type, occurredAt, requestId, reference, urgency, source, centerId, status, firstContactDueAt,
				null);
	}

	static final String RECEIVED = "ContactRequestReceived";

	static final String STATUS_CHANGED = "ContactRequestStatusChanged";

}
