package org.treatmentnetwork.intake.requests;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.treatmentnetwork.intake.outbox.ContactRequestCollection;
import org.treatmentnetwork.intake.outbox.ContactRequestEvent;
import org.treatmentnetwork.intake.privacy.PersonalDataCipher;
import org.treatmentnetwork.intake.privacy.PersonalFields;
import org.treatmentnetwork.intake.triage.TriageResult;
import org.treatmentnetwork.intake.triage.Urgency;

/**
 * A contact request as stored in {@code contact_requests}
 * ({@link ContactRequestCollection}, which also defines the outbox fields). The personal
 * fields ({@code name}, {@code phone}, {@code email}, {@code bestTimeToContact},
 * {@code substances}, {@code message}) hold AES-GCM ciphertext only; {@code phoneHash}
 * and {@code emailHash} are keyed hashes for finding the same person's requests. The
 * events still to be published live in the same document ({@code pendingEvents} and the
 * {@code outbox*} fields), so that storing a request and its event is one atomic write;
 * the outbox relay owns those fields afterwards, and the call center's pipeline owns
 * {@code status}, {@code claimedBy} and the timestamps of its steps.
 */
@Document(ContactRequestCollection.NAME)
record ContactRequestDocument(@Id String id, String reference, RequestStatus status, Urgency urgency, Source source,
		Instant receivedAt, Instant firstContactDueAt, String createdBy, String name, String phone, String email,
		PreferredContact preferredContact, String bestTimeToContact, ForWhom forWhom, String substances, String message,
		String centerId, Consent consent, String phoneHash, String emailHash, String duplicateOf, String claimedBy,
		Instant claimedAt, Instant firstContactAttemptAt, Instant contactedAt, Instant closedAt,
		Instant personalDataErasedAt, List<HistoryEntry> history,
		@Field(ContactRequestCollection.PENDING_EVENTS) List<ContactRequestEvent> pendingEvents,
		@Field(ContactRequestCollection.OUTBOX_PENDING) boolean outboxPending,
		@Field(ContactRequestCollection.OUTBOX_LEASE_OWNER) String outboxLeaseOwner,
		@Field(ContactRequestCollection.OUTBOX_LEASE_UNTIL) Instant outboxLeaseUntil,
		@Field(ContactRequestCollection.OUTBOX_ATTEMPTS) int outboxAttempts,
		@Field(ContactRequestCollection.OUTBOX_NEXT_ATTEMPT_AT) Instant outboxNextAttemptAt) {

	/**
	 * A new request, its personal fields encrypted, with its
	 * {@code ContactRequestReceived} event pending, carrying the request's
	 * {@code traceparent} (or {@code null}).
	 */
	static ContactRequestDocument received(String id, String reference, ValidContactRequest request,
			Submitter submitter, Instant receivedAt, TriageResult triage, LookupHashes hashes, String duplicateOf,
			String traceparent, PersonalDataCipher cipher) {
		ContactRequestEvent event = ContactRequestEvent
			.received(id, reference, triage.urgency().name(), submitter.source().name(), request.centerId(),
					RequestStatus.RECEIVED.name(), receivedAt, triage.firstContactDueAt(), duplicateOf)
			.withTraceparent(traceparent);
		return new ContactRequestDocument(id, reference, RequestStatus.RECEIVED, triage.urgency(), submitter.source(),
				receivedAt, triage.firstContactDueAt(), submitter.staffId(),
				cipher.encrypt(request.name(), id, PersonalFields.NAME),
				cipher.encrypt(request.phone(), id, PersonalFields.PHONE),
				cipher.encrypt(request.email(), id, PersonalFields.EMAIL), request.preferredContact(),
				cipher.encrypt(request.bestTimeToContact(), id, PersonalFields.BEST_TIME_TO_CONTACT), request.forWhom(),
				cipher.encryptList(request.substances(), id, PersonalFields.SUBSTANCES),
				cipher.encrypt(request.message(), id, PersonalFields.MESSAGE), request.centerId(), request.consent(),
				hashes.phone(), hashes.email(), duplicateOf, null, null, null, null, null, null,
				List.of(HistoryEntry.received(receivedAt, submitter)), List.of(event), true, null, null, 0, receivedAt);
	}

}
