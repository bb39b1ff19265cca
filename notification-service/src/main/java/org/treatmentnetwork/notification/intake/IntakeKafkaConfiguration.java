package org.treatmentnetwork.notification.intake;

import java.time.Duration;
import java.util.List;
import org.springframework.kafka.core.KafkaAdmin;
import org.treatmentnetwork.servicedefaults.kafka.TopicProvisioning;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics and error handling of the contact-request consumer.
 * <ul>
 * <li>A record that cannot be deserialized or parsed, or lacks required fields, goes to
 * the dead-letter topic at once.</li>
 * <li>While the alert store is unavailable a record is retried with backoff (capped)
 * until it is back: the record is valid, and dead-lettering it would mean nobody is
 * paged.</li>
 * <li>Any other failure is retried a bounded number of times with exponential backoff,
 * then dead-lettered.</li>
 * </ul>
 * Dead letters keep the original key, value and headers, plus Spring Kafka's exception
 * headers (class and message of the failure, never the value).
 */
@Configuration(proxyBeanMethods = false)
class IntakeKafkaConfiguration {

	/**
	 * The declared topics, created again while one is missing: Kafka's admin tries once
	 * at start and only logs a time-out.
	 */
	@Bean
	TopicProvisioning topicProvisioning(KafkaAdmin admin, List<NewTopic> topics) {
		return new TopicProvisioning(admin, topics, Duration.ofSeconds(5));
	}

	@Bean
	NewTopic contactRequestsTopic(IntakeProperties properties) {
		return TopicBuilder.name(properties.topic())
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	@Bean
	NewTopic contactRequestsDeadLetterTopic(IntakeProperties properties) {
		return TopicBuilder.name(properties.deadLetterTopic())
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	@Bean
	DefaultErrorHandler contactRequestErrorHandler(KafkaOperations<?, ?> kafka, IntakeProperties properties) {
		// Partition -1: the producer chooses by key, whatever the dead-letter topic's
		// size.
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(properties.deadLetterTopic(), -1));
		IntakeProperties.Retry retry = properties.retry();
		ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
		bounded.setInitialInterval(retry.initialInterval().toMillis());
		bounded.setMultiplier(retry.multiplier());
		bounded.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, bounded);
		handler.addNotRetryableExceptions(InvalidEventException.class);
		BackOff untilStoreIsBack = storeOutageBackOff(properties);
		handler.setBackOffFunction((record, ex) -> storeUnavailable(ex) ? untilStoreIsBack : null);
		return handler;
	}

	private static BackOff storeOutageBackOff(IntakeProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.storeOutageMaxInterval().toMillis());
		return backOff;
	}

	static boolean storeUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AlertStoreUnavailableException) {
				return true;
			}
		}
		return false;
	}

	static boolean transientStoreFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
