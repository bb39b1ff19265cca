package org.treatmentnetwork.intake.requests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.treatmentnetwork.intake.system.RequiredIndexes;

/**
 * Indexes of {@code contact_requests} that this feature relies on.
 */
@Configuration(proxyBeanMethods = false)
class ContactRequestIndexes {

	@Bean
	RequiredIndexes contactRequestsRequiredIndexes() {
		return RequiredIndexes.of(ContactRequestDocument.COLLECTION,
				new Index().on("reference", Sort.Direction.ASC).unique().named("reference_unique"));
	}

}
