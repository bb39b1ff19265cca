package org.treatmentnetwork.intake.requests;

import java.util.List;

/**
 * A submitted request that passed validation: strings trimmed, blanks made absent, the
 * phone number in E.164.
 */
record ValidContactRequest(String name, String phone, String email, PreferredContact preferredContact,
		String bestTimeToContact, ForWhom forWhom, List<String> substances, String message, String centerId,
		Consent consent) {

	ValidContactRequest {
		substances = List.copyOf(substances);
	}

	/** The text triage reads. */
	String freeText() {
		if (this.bestTimeToContact == null) {
			return this.message;
		}
		return (this.message == null) ? this.bestTimeToContact : this.message + "\n" + this.bestTimeToContact;
	}

}
