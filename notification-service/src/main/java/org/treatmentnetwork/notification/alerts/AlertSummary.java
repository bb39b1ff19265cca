package org.treatmentnetwork.notification.alerts;

import java.time.Instant;

/**
 * An alert in a list.
 *
 * @param id the alert id
 * @param requestId the contact request id
 * @param reference the request's reference
 * @param urgency the request's urgency
 * @param state the alert's state
 * @param createdAt when the alert was created
 * @param acknowledgedAt when it was acknowledged
 * @param acknowledgedBy who acknowledged it
 * @param resolvedAt when it was resolved
 */
record AlertSummary(String id, String requestId, String reference, String urgency, AlertState state, Instant createdAt,
		Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt) {

	static AlertSummary from(AlertDocument alert) {
		return new AlertSummary(alert.id(), alert.requestId(), alert.reference(), alert.urgency(), alert.state(),
				alert.createdAt(), alert.acknowledgedAt(), alert.acknowledgedBy(), alert.resolvedAt());
	}

}
