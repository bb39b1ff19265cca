package org.treatmentnetwork.intake.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.kafka.core.KafkaAdmin;
import org.treatmentnetwork.servicedefaults.kafka.TopicProvisioning;
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

	/**
	 * The declared topics, created again while one is missing: Kafka's admin tries once
	 * at start and only logs a time-out.
	 */
	@Bean
	TopicProvisioning topicProvisioning(KafkaAdmin admin, List<NewTopic> topics) {
		return new TopicProvisioning(admin, topics, Duration.ofSeconds(5));
	}

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
