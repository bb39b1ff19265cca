package org.treatmentnetwork.notification.alerts;

import java.time.Instant;

/**
 * What is needed to open an alert for a contact request.
 *
 * @param requestId the contact request id
 * @param sourceEventId the id of the event reporting the request
 * @param reference the request's short reference
 * @param urgency the request's urgency, one of {@link Urgency}
 * @param source where the request came from
 * @param centerId the center the request is for, {@code null} for the whole network
 * @param firstContactDueAt when the first contact is due, if known
 * @param duplicateOf the same person's first request if intake found one (a repeat), else
 * {@code null}
 * @param traceparent the W3C trace context of the event's processing, which the pages
 * continue; {@code null} when there is none
 */
public record NewAlert(String requestId, String sourceEventId, String reference, String urgency, String source,
		String centerId, Instant firstContactDueAt, String duplicateOf, String traceparent) {

	public NewAlert(String requestId, String sourceEventId, String reference, String urgency, String source,
			String centerId, Instant firstContactDueAt) {
		this(requestId, sourceEventId, reference, urgency, source, centerId, firstContactDueAt, null, null);
	}

	public NewAlert(String requestId, String sourceEventId, String reference, String urgency, String source,
			String centerId, Instant firstContactDueAt, String duplicateOf) {
		this(requestId, sourceEventId, reference, urgency, source, centerId, firstContactDueAt, duplicateOf, null);
	}

}
