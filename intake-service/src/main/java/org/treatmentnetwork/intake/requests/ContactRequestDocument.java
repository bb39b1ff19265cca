package org.treatmentnetwork.intake.requests;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.treatmentnetwork.intake.outbox.ContactRequestEvent;
import org.treatmentnetwork.intake.triage.TriageResult;
import org.treatmentnetwork.intake.triage.Urgency;

/**
 * A contact request as stored in {@code contact_requests}. The events still to be
 * published live in the same document ({@code pendingEvents} and the {@code outbox*}
 * fields), so that storing a request and its event is one atomic write; the outbox relay
 * owns those fields afterwards.
 */
@Document(ContactRequestDocument.COLLECTION)
record ContactRequestDocument(@Id String id, String reference, RequestStatus status, Urgency urgency, Source source,
		Instant receivedAt, Instant firstContactDueAt, String createdBy, String name, String phone, String email,
		PreferredContact preferredContact, String bestTimeToContact, ForWhom forWhom, List<String> substances,
		String message, String centerId, Consent consent, List<HistoryEntry> history,
		List<ContactRequestEvent> pendingEvents, boolean outboxPending, String outboxLeaseOwner,
		Instant outboxLeaseUntil, int outboxAttempts, Instant outboxNextAttemptAt) {

	static final String COLLECTION = "contact_requests";

	/**
	 * A new request with its {@code ContactRequestReceived} event pending.
	 */
	static ContactRequestDocument received(String id, String reference, ValidContactRequest request,
			Submitter submitter, Instant receivedAt, TriageResult triage) {
		ContactRequestEvent event = ContactRequestEvent.received(id, reference, triage.urgency().name(),
				submitter.source().name(), request.centerId(), RequestStatus.RECEIVED.name(), receivedAt,
				triage.firstContactDueAt());
		return new ContactRequestDocument(id, reference, RequestStatus.RECEIVED, triage.urgency(), submitter.source(),
				receivedAt, triage.firstContactDueAt(), submitter.staffId(), request.name(), request.phone(),
				request.email(), request.preferredContact(), request.bestTimeToContact(), request.forWhom(),
				request.substances(), request.message(), request.centerId(), request.consent(),
				List.of(HistoryEntry.received(receivedAt, submitter)), List.of(event), true, null, null, 0, receivedAt);
	}

}
