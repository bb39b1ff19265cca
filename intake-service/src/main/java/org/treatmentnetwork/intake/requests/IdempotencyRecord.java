package org.treatmentnetwork.intake.requests;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A remembered {@code Idempotency-Key}: the request it created and a keyed hash of the
 * body it came with. The {@code _id} (the SHA-256 of the key) is the unique index that
 * makes two submissions with one key converge on one request.
 *
 * @param id SHA-256 of the key, hex
 * @param fingerprint keyed hash of the normalised body and submitter
 * @param requestId the id of the request created with this key
 * @param createdAt when the key was first used
 * @param expiresAt when the key may be used for another request (expired by the
 * application, not by a TTL index)
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(@Id String id, String fingerprint, String requestId, Instant createdAt, Instant expiresAt) {

	static final String COLLECTION = "idempotency_keys";

}
