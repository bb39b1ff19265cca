package org.treatmentnetwork.intake.requests;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

import org.treatmentnetwork.intake.privacy.PersonalDataCipher;
import org.treatmentnetwork.intake.privacy.PersonalFields;
import org.treatmentnetwork.intake.triage.Urgency;

/**
 * A request as staff read it: everything the person sent, decrypted, where it is in the
 * pipeline, and its history.
 */
record ContactRequestDetails(String id, String reference, RequestStatus status, Urgency urgency, Source source,
		Instant receivedAt, Instant firstContactDueAt, String name, String phone, String email,
		PreferredContact preferredContact, String bestTimeToContact, ForWhom forWhom, List<String> substances,
		String message, String centerId, Consent consent, String duplicateOf, String claimedBy,
		Instant personalDataErasedAt, List<History> history) {

	static ContactRequestDetails of(ContactRequestDocument stored, PersonalDataCipher cipher) {
		String id = stored.id();
		List<History> history = (stored.history() != null) ? stored.history()
			.stream()
			.map((entry) -> new History(entry.type(), entry.at(), entry.status(), entry.source(), entry.by(),
					cipher.decrypt(entry.note(), id, PersonalFields.historyNote(entry.at())), entry.releasedFrom()))
			.toList() : List.of();
		return new ContactRequestDetails(id, stored.reference(), stored.status(), stored.urgency(), stored.source(),
				stored.receivedAt(), stored.firstContactDueAt(), cipher.decrypt(stored.name(), id, PersonalFields.NAME),
				cipher.decrypt(stored.phone(), id, PersonalFields.PHONE),
				cipher.decrypt(stored.email(), id, PersonalFields.EMAIL), stored.preferredContact(),
				cipher.decrypt(stored.bestTimeToContact(), id, PersonalFields.BEST_TIME_TO_CONTACT), stored.forWhom(),
				cipher.decryptList(stored.substances(), id, PersonalFields.SUBSTANCES),
				cipher.decrypt(stored.message(), id, PersonalFields.MESSAGE), stored.centerId(), stored.consent(),
				stored.duplicateOf(), stored.claimedBy(), stored.personalDataErasedAt(), history);
	}

	/**
	 * One history step.
	 *
	 * @param type what happened
	 * @param at when
	 * @param status the status afterwards
	 * @param source where the request came from (for {@code RECEIVED})
	 * @param by the staff member's id, or {@code null}
	 * @param note the note or reason, or {@code null}
	 * @param releasedFrom for {@code RELEASED}, the agent who held the request (absent
	 * otherwise)
	 */
	record History(String type, Instant at, RequestStatus status, Source source, String by, String note,
			@JsonInclude(JsonInclude.Include.NON_NULL) String releasedFrom) {

	}

}
