package org.treatmentnetwork.intake.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access by a staff member to a person's data.
 *
 * @param id generated
 * @param staffSub the staff member's id (the token's subject)
 * @param at when
 * @param requestId the contact request read
 * @param action what was done, such as {@code READ}
 */
@Document(AuditRecord.COLLECTION)
record AuditRecord(@Id String id, String staffSub, Instant at, String requestId, String action) {

	static final String COLLECTION = "audit_log";

}
