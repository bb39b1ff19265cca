package org.treatmentnetwork.intake.pipeline;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.treatmentnetwork.intake.outbox.ContactRequestCollection;
import org.treatmentnetwork.intake.requests.RequestStatus;
import org.treatmentnetwork.intake.triage.Urgency;

/**
 * The fields of a stored contact request that the pipeline reads: no personal data.
 */
record PipelineRequest(@Id String id, String reference, RequestStatus status, Urgency urgency, String source,
		String forWhom, String preferredContact, String centerId, Instant receivedAt, Instant firstContactDueAt,
		String duplicateOf, String claimedBy, Instant claimedAt, Instant firstContactAttemptAt) {

	static final String COLLECTION = ContactRequestCollection.NAME;

	static final String[] FIELDS = { "_id", "reference", "status", "urgency", "source", "forWhom", "preferredContact",
			"centerId", "receivedAt", "firstContactDueAt", "duplicateOf", "claimedBy", "claimedAt",
			"firstContactAttemptAt" };

}
