package org.treatmentnetwork.intake.requests;

import java.util.Locale;

import org.treatmentnetwork.intake.privacy.PersonalDataCipher;

/**
 * Keyed hashes of a request's normalised contact details: the phone number in E.164 and
 * the e-mail address in lower case.
 *
 * @param phone the phone hash, or {@code null}
 * @param email the e-mail hash, or {@code null}
 */
record LookupHashes(String phone, String email) {

	static LookupHashes of(ValidContactRequest request, PersonalDataCipher cipher) {
		String email = (request.email() != null) ? request.email().strip().toLowerCase(Locale.ROOT) : null;
		return new LookupHashes(cipher.lookupHash("phone", request.phone()), cipher.lookupHash("email", email));
	}

	boolean isEmpty() {
		return this.phone == null && this.email == null;
	}

}
