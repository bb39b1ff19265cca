package org.treatmentnetwork.notification.contactmethods;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The code last sent to a contact method awaiting its confirmation
 * ({@code contactMethodConfirmations} collection). Neither the code nor the address is
 * stored: the id is a hash of the staff id, the kind and the address, and the code is
 * kept as a salted hash.
 *
 * @param id {@link ContactMethodConfirmations#id}
 * @param staffId whose method it is
 * @param kind the method's kind
 * @param salt random bytes (Base64) hashed with the code
 * @param codeHash SHA-256 (Base64) of the salt, the id and the code
 * @param sentAt when the code was made and sent
 * @param expiresAt until when it can be entered
 * @param attemptsLeft how many more codes may be entered
 */
@Document(ConfirmationDocument.COLLECTION)
record ConfirmationDocument(@Id String id, String staffId, String kind, String salt, String codeHash, Instant sentAt,
		Instant expiresAt, int attemptsLeft) {

	static final String COLLECTION = "contactMethodConfirmations";

	static final String STAFF_ID = "staffId";

	static final String SENT_AT = "sentAt";

	static final String EXPIRES_AT = "expiresAt";

	static final String ATTEMPTS_LEFT = "attemptsLeft";

}
