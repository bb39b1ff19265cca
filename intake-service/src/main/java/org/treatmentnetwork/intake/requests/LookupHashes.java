package org.treatmentnetwork.intake.requests;

import java.util.List;
import java.util.Locale;

import org.treatmentnetwork.intake.privacy.PersonalDataCipher;

/**
 * Keyed hashes of a request's normalised contact details: the phone number in E.164 and
 * the e-mail address in lower case.
 *
 * @param phone the phone hash to store (current look-up key), or {@code null}
 * @param email the e-mail hash to store (current look-up key), or {@code null}
 * @param phoneMatches every form an earlier request's phone hash can have (one per
 * configured look-up key, and the legacy unversioned form), empty without a phone
 * @param emailMatches the same for the e-mail hash
 */
record LookupHashes(String phone, String email, List<String> phoneMatches, List<String> emailMatches) {

	static LookupHashes of(ValidContactRequest request, PersonalDataCipher cipher) {
		String email = (request.email() != null) ? request.email().strip().toLowerCase(Locale.ROOT) : null;
		return new LookupHashes(cipher.lookupHash("phone", request.phone()), cipher.lookupHash("email", email),
				cipher.lookupHashes("phone", request.phone()), cipher.lookupHashes("email", email));
	}

	boolean isEmpty() {
		return this.phone == null && this.email == null;
	}

}
