package org.treatmentnetwork.intake.requests;

import java.time.Instant;
import java.util.List;

import org.treatmentnetwork.intake.triage.Urgency;

/**
 * A request as staff read it: everything the person sent, and its history.
 */
record ContactRequestDetails(String id, String reference, RequestStatus status, Urgency urgency, Source source,
		Instant receivedAt, Instant firstContactDueAt, String name, String phone, String email,
		PreferredContact preferredContact, String bestTimeToContact, ForWhom forWhom, List<String> substances,
		String message, String centerId, Consent consent, List<History> history) {

	static ContactRequestDetails of(ContactRequestDocument stored) {
		List<History> history = (stored.history() != null) ? stored.history()
			.stream()
			.map((entry) -> new History(entry.type(), entry.at(), entry.status(), entry.source(), entry.by()))
			.toList() : List.of();
		return new ContactRequestDetails(stored.id(), stored.reference(), stored.status(), stored.urgency(),
				stored.source(), stored.receivedAt(), stored.firstContactDueAt(), stored.name(), stored.phone(),
				stored.email(), stored.preferredContact(), stored.bestTimeToContact(), stored.forWhom(),
				(stored.substances() != null) ? stored.substances() : List.of(), stored.message(), stored.centerId(),
				stored.consent(), history);
	}

	/**
	 * One history step.
	 *
	 * @param type what happened
	 * @param at when
	 * @param status the status afterwards
	 * @param source where the request came from (for {@code RECEIVED})
	 * @param by the staff member's id, or {@code null}
	 */
	record History(String type, Instant at, RequestStatus status, Source source, String by) {

	}

}
