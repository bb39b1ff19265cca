package org.treatmentnetwork.intake.requests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.treatmentnetwork.intake.outbox.ContactRequestCollection;
import org.treatmentnetwork.intake.system.RequiredIndexes;

/**
 * Indexes of {@code contact_requests} that this feature relies on.
 */
@Configuration(proxyBeanMethods = false)
class ContactRequestIndexes {

	@Bean
	RequiredIndexes contactRequestsRequiredIndexes() {
		return RequiredIndexes.of(ContactRequestCollection.NAME,
				new Index().on("reference", Sort.Direction.ASC).unique().named("reference_unique"),
				// the call center's queue: awaiting contact, per urgency, oldest first
				new Index().on("status", Sort.Direction.ASC)
					.on("urgency", Sort.Direction.ASC)
					.on("receivedAt", Sort.Direction.ASC)
					.named("queue"),
				new Index().on("phoneHash", Sort.Direction.ASC)
					.on("receivedAt", Sort.Direction.DESC)
					.named("same_person_by_phone"),
				new Index().on("emailHash", Sort.Direction.ASC)
					.on("receivedAt", Sort.Direction.DESC)
					.named("same_person_by_email"));
	}

	@Bean
	RequiredIndexes idempotencyKeysRequiredIndexes() {
		// The _id (SHA-256 of the key) is the unique index; this one serves the expiry
		// job.
		return RequiredIndexes.of(IdempotencyRecord.COLLECTION,
				new Index().on("expiresAt", Sort.Direction.ASC).named("expiry"));
	}

}
