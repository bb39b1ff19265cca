package org.treatmentnetwork.intake.outbox;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.config.TopicBuilder;
import org.treatmentnetwork.intake.system.RequiredIndexes;

/**
 * The topics this service owns, and the index the relay claims documents by.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	NewTopic contactRequestsTopic(OutboxProperties properties) {
		return TopicBuilder.name(properties.topic())
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	@Bean
	NewTopic contactRequestsDeadLetterTopic(OutboxProperties properties) {
		return TopicBuilder.name(properties.deadLetterTopic())
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	@Bean
	RequiredIndexes outboxIndexes() {
		return RequiredIndexes.of(ContactRequestCollection.NAME,
				new Index().on(ContactRequestCollection.OUTBOX_PENDING, Sort.Direction.ASC)
					.on(ContactRequestCollection.OUTBOX_NEXT_ATTEMPT_AT, Sort.Direction.ASC)
					.named("outbox_claim"));
	}

}
