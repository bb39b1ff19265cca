package org.treatmentnetwork.intake.requests;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.treatmentnetwork.intake.triage.CrisisResource;
import org.treatmentnetwork.intake.triage.Urgency;

/**
 * The {@code 202} answer to a submitted request.
 *
 * @param id the request's id
 * @param reference the short code to read over the phone
 * @param status always {@code RECEIVED}
 * @param receivedAt when it was stored
 * @param urgency its urgency
 * @param crisisResources crisis lines, present only when the urgency is {@code CRISIS}
 */
record ContactRequestAccepted(String id, String reference, RequestStatus status, Instant receivedAt, Urgency urgency,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<CrisisResource> crisisResources) {

	static ContactRequestAccepted of(ContactRequestDocument stored, List<CrisisResource> crisisResources) {
		return new ContactRequestAccepted(stored.id(), stored.reference(), stored.status(), stored.receivedAt(),
				stored.urgency(), crisisResources.isEmpty() ? null : crisisResources);
	}

}
