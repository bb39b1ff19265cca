package org.treatmentnetwork.intake.pipeline;

import java.time.Duration;
import java.time.Instant;

import org.treatmentnetwork.intake.requests.RequestStatus;
import org.treatmentnetwork.intake.triage.Urgency;

/**
 * A request as the call center's queue and pipeline answers show it: where it stands,
 * never what the person wrote or how to reach them (that is read, and audited, through
 * {@code GET /api/intake/contact-requests/{id}}).
 *
 * @param id the request's id
 * @param reference the short reference
 * @param status the current status
 * @param urgency the urgency
 * @param source {@code WEB} or {@code PHONE}
 * @param forWhom who the request is for
 * @param preferredContact how the person wants to be contacted
 * @param centerId the chosen center, or {@code null}
 * @param receivedAt when it was received
 * @param waitingSeconds seconds since it was received
 * @param firstContactDueAt when the first contact is due
 * @param overdue whether no contact was attempted and the due time has passed
 * @param claimedBy the agent holding it, or {@code null}
 * @param claimedAt when it was claimed, or {@code null}
 * @param duplicateOf the same person's earlier request, or {@code null}
 */
record QueueItem(String id, String reference, RequestStatus status, Urgency urgency, String source, String forWhom,
		String preferredContact, String centerId, Instant receivedAt, long waitingSeconds, Instant firstContactDueAt,
		boolean overdue, String claimedBy, Instant claimedAt, String duplicateOf) {

	static QueueItem of(PipelineRequest request, Instant now) {
		long waiting = Math.max(0, Duration.between(request.receivedAt(), now).toSeconds());
		boolean overdue = request.firstContactAttemptAt() == null && request.status() == RequestStatus.RECEIVED
				&& request.firstContactDueAt() != null && request.firstContactDueAt().isBefore(now);
		return new QueueItem(request.id(), request.reference(), request.status(), request.urgency(), request.source(),
				request.forWhom(), request.preferredContact(), request.centerId(), request.receivedAt(), waiting,
				request.firstContactDueAt(), overdue, request.claimedBy(), request.claimedAt(), request.duplicateOf());
	}

}
